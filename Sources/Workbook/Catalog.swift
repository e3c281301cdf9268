/// The course's chapters in order: the workbook's one manifest.
public struct ChapterInfo: Sendable, Equatable {
    public let number: Int
    /// The folder under `Chapters/`, e.g. "07-backward".
    public let folder: String
    public let title: String
    /// What the learner writes in this chapter, in one line.
    public let summary: String
    /// Exercises of earlier chapters this chapter calls: it says so before
    /// starting when one of them is still open.
    public let needs: [String]

    public init(number: Int, folder: String, title: String, summary: String, needs: [String] = []) {
        self.number = number
        self.folder = folder
        self.title = title
        self.summary = summary
        self.needs = needs
    }

    /// The exercises this chapter asks for.
    public var exercises: [ExerciseInfo] { ExerciseCatalog.exercises(ofChapter: number) }

    /// The executable target: `Chapter07`.
    public var target: String { "Chapter" + folder.prefix(2) }
    /// `Chapters/07-backward/main.swift`, relative to the package.
    public var sourcePath: String { "Chapters/\(folder)/main.swift" }
    /// "chapter-07", the stem of its record, page and figures.
    public var slug: String { "chapter-" + folder.prefix(2) }
}

public enum Catalog {
    public static let chapters: [ChapterInfo] = [
        ChapterInfo(number: 1, folder: "01-neuron", title: "A single neuron",
                    summary: "the weighted sum w·x + b and the sigmoid"),
        ChapterInfo(number: 2, folder: "02-activations", title: "Activations",
                    summary: "ReLU and sigmoid with their derivatives"),
        ChapterInfo(number: 3, folder: "03-layers", title: "Layers",
                    summary: "weights and biases drawn from the seeded generator"),
        ChapterInfo(number: 4, folder: "04-forward", title: "Forward propagation",
                    summary: "Layer.forward and Perceptron.forward", needs: ["3.1"]),
        ChapterInfo(number: 5, folder: "05-loss", title: "Binary cross-entropy",
                    summary: "the loss and its average over samples"),
        ChapterInfo(number: 6, folder: "06-derivatives", title: "Derivatives and the chain rule",
                    summary: "∂L/∂ŷ and gradients by the chain rule",
                    needs: ["2.1", "2.2", "4.1", "4.2", "5.1"]),
        ChapterInfo(number: 7, folder: "07-backward", title: "Layer.backward",
                    summary: "backpropagation through a layer, then through the network",
                    needs: ["2.1", "2.2", "3.1", "4.1", "4.2", "5.1", "6.1"]),
        ChapterInfo(number: 8, folder: "08-fit", title: "Training: Perceptron.fit",
                    summary: "per-sample gradient descent over shuffled epochs",
                    needs: ["2.1", "2.2", "3.1", "4.1", "4.2", "5.1", "6.1", "7.1", "7.2"]),
        ChapterInfo(number: 9, folder: "09-evaluation", title: "Evaluation",
                    summary: "train/test split, confusion matrix, accuracy, precision, recall, F1",
                    needs: ["2.1", "2.2", "3.1", "4.1", "4.2", "5.1", "6.1", "7.1", "7.2", "8.1"]),
        ChapterInfo(number: 10, folder: "10-tuning", title: "Tuning the network",
                    summary: "a search over hidden sizes, learning rates and epochs",
                    needs: ["2.1", "2.2", "3.1", "4.1", "4.2", "5.1", "5.2", "6.1", "7.1", "7.2", "8.1",
                            "9.1", "9.2", "9.3", "9.4", "9.5"]),
    ]

    public static func chapter(_ number: Int) -> ChapterInfo? {
        chapters.first { $0.number == number }
    }
}
