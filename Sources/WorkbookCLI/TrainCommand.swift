// Needs the tool's training engine, which the learner edition leaves out (see Package.swift).
#if TRAINING_ENGINE
import ArgumentParser
import Foundation
import CourseData
import Plot
import Training
import Workbook

/// `workbook train`: the course's network trained on your own CSV, computing
/// exactly what the course's NumPy code computes, only faster.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the course's network on your own CSV file.",
        discussion: """
            Computes what the course's NumPy code computes, number for number, only much faster.

            THE DATA: numeric feature columns, then the label 0 or 1 in the last column; an \
            optional header row, whose names label the report's tables and figures. Fields may be \
            quoted ("0.1"); numbers are plain decimals. A file as it comes needs no editing: \
            --label names the label column (by header name or number from 1), --ignore leaves out \
            columns such as an id, and a label column holding two words is read as two classes: \
            1/0, true/false and yes/no are obvious, for others (M/B) --positive M says which is \
            class 1. The model file keeps the names and the labels, so workbook predict finds the \
            columns by name and answers in the file's own labels. --test-fraction f keeps round(n × f) rows \
            for testing, split off before any shuffling: the network never trains on them. \
            --split tail (the default, as in the course) keeps the last rows of the file; --split shuffled draws them at random within each class, from a generator \
            seeded with --split-seed, so a file sorted by class still tests both classes (and \
            the weights and epochs' shuffles stay the course's).

            SCALING: --standardize replaces every feature x by (x - mean) / std, with the mean and \
            standard deviation of the training rows; they are stored in the model file and used \
            wherever that model goes (--model, workbook predict). Features of very different \
            sizes (areas in the thousands, ratios near 0.01) saturate the output without it.

            THE NETWORK: --hidden lists the hidden layers' sizes: --hidden 16,8 on a file with 30 \
            features is 30→16→8→1. The inputs come from the data and the output is one neuron; \
            the default, 6,6, on two features is the course's 2,6,6,1. --layers lists every size \
            instead, inputs first, and must agree with the data. --activations names one \
            activation per layer (relu or sigmoid; by default relu, then sigmoid last); the last \
            must be sigmoid, so that the output ŷ is a probability. The weights and biases are \
            drawn uniformly from [-1, 1) by NumPy's generator seeded with --seed, layer by layer, \
            weights then biases: the very numbers the course gets after np.random.seed(S). Or \
            start from a model file with --model; --save writes one.

            TRAINING: one sample at a time, by gradient descent on the binary cross-entropy
              L = -(y·log ŷ + (1 - y)·log(1 - ŷ)).
            Each epoch first reorders the training rows by \
            np.random.permutation(n) from the same generator (after the weights were drawn), \
            applied to the previous epoch's order, unless --no-shuffle keeps the file's order. \
            With the same file, seed and settings the losses equal the course's to about 1e-16.

            HELD-OUT LOSS: after every epoch the test rows' average loss is measured too, the same \
            loss with the weights as the epoch left them (nothing is trained on them, nothing is \
            drawn from the generator, so the training numbers do not move). It is printed beside \
            the training loss, written to --losses under "held_out_losses", and drawn in the \
            report with its best epoch marked: a held-out loss that turns up while the training \
            loss keeps falling is overfitting. With --test-fraction 0 there is none.

            EXAMPLES:
              The course's network and settings on one of the workbook's data sets:
                workbook train --data Data/moons.csv
              Real data (30 measurements per tumour), scaled, test rows drawn per class:
                workbook train --data Data/breast_cancer.csv --hidden 16,8 --standardize \\
                  --split shuffled --epochs 50 --save cancer.json --report cancer-report
              Apply the saved model (its standardization included) to new rows:
                workbook predict --model cancer.json --data new.csv --output scores.csv
              The Wisconsin data as usually downloaded (id,diagnosis,…, labels M and B):
                workbook train --data wdbc.csv --label diagnosis --ignore id --positive M \\
                  --standardize --hidden 16,8
              Every size spelled out, other activations:
                workbook train --data mine.csv --layers 3,20,1 --activations relu,sigmoid
              Save the trained model, then train it further in file order:
                workbook train --data Data/xor.csv --save xor.json
                workbook train --data Data/xor.csv --model xor.json --no-shuffle

            SATURATION: where the output ŷ rounds to exactly 0 or 1 the course's log ŷ and its \
            gradient are infinite; for those samples only, the loss and gradient are taken from the \
            logit z (ŷ = σ(z)): L = max(z, 0) - z·y + log(1 + e^(-|z|)) and ∂L/∂z = ŷ - y, the same \
            loss and gradient rewritten in z. The run says how many samples that was. Everywhere else the course's \
            formulas are kept, so the course's numbers do not move.

            Exit status: 0 trained; 1 training diverged (a loss or weight stopped being a finite \
            number: try a smaller learning rate) or a file could not be written; 2 bad input (the message names the option, file, line and column).
            """
    )

    @Option(help: ArgumentHelp("The CSV file to train on.", valueName: "file.csv"))
    var data: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Hidden layer sizes only; the inputs come from the data, the output is 1. (default: \(NetworkShape.courseHidden))",
                               valueName: "sizes"))
    var hidden: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("All layer sizes, inputs first, ending in 1 (instead of --hidden); the inputs must match the data.",
                               valueName: "sizes"))
    var layers: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("One activation per layer, relu or sigmoid, the last sigmoid. (default: relu for hidden layers, sigmoid last)",
                               valueName: "names"))
    var activations: String?

    @Flag(help: "Z-score every feature with the training rows' mean and standard deviation (stored in the model file).")
    var standardize = false

    @Option(parsing: .unconditional,
            help: "Seed of the NumPy-compatible generator that draws the weights (unless --model) and the shuffles.")
    var seed = 10

    @Option(help: ArgumentHelp("Start from this model file instead of drawing weights (instead of --layers and --activations).",
                               valueName: "model.json"))
    var model: String?

    @Flag(help: "Train on the rows in file order every epoch.")
    var noShuffle = false

    @Option(parsing: .unconditional, help: "Passes over the training rows.")
    var epochs = 10

    @Option(parsing: .unconditional, help: ArgumentHelp("The step size α in W -= α·dW.", valueName: "α"))
    var learningRate = 0.01

    @Option(help: ArgumentHelp("The label column, by header name or number from 1. (default: the last column)", valueName: "name|N"))
    var label: String?

    @Option(help: ArgumentHelp("Columns to leave out (an id, say), by name or number, comma-separated or repeated.",
                               valueName: "names"))
    var ignore: [String] = []

    @Option(help: ArgumentHelp("For labels written as two words: the one that is class 1 (--positive M). Not needed for 1/0, true/false, yes/no.",
                               valueName: "value"))
    var positive: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The share of rows kept for testing: 0 ≤ f < 1.", valueName: "f"))
    var testFraction = 0.2

    @Option(parsing: .unconditional, help: ArgumentHelp("Which rows test: tail (the last ones, in file order) or shuffled (drawn at random within each class).",
                                                        valueName: "tail|shuffled"))
    var split: SplitKind = .tail

    @Option(parsing: .unconditional, help: "Seed of the generator that draws a shuffled split (not the weights' or the epochs').")
    var splitSeed = 1

    @Option(help: ArgumentHelp("Write {\"losses\": [...], \"held_out_losses\": [...]}, the average training loss of every epoch and the test rows' loss after it, to this file (workbook plot draws it).", valueName: "losses.json"))
    var losses: String?

    @Option(help: ArgumentHelp("Write the trained network to this model file.", valueName: "model.json"))
    var save: String?

    @Option(help: ArgumentHelp("Write the loss curve, the decision boundary (two features) and index.md to this folder.",
                               valueName: "folder"))
    var report: String?

    func run() throws {
        do {
            let setup = try TrainingSetup(settings)
            try TrainingFiles.checkWritable(losses, option: "--losses")
            try TrainingFiles.checkWritable(save, option: "--save")
            try TrainingFiles.checkFolder(report, option: "--report")
            // Before training rather than after it, when the report's figures are drawn.
            if report != nil { try GraphicsLibrary.load() }
            try train(setup)
        } catch let error as PlotError {
            Console.error("Error: --report cannot draw its figures: \(error)")
            throw ExitCode.failure
        } catch let error as TrainingInputError {
            throw BadInput.report(error.description)
        } catch let error as TrainingError {
            Console.error("Error: \(error)")
            throw ExitCode.failure
        } catch let error as TrainingDivergence {
            Console.error("Error: \(error)")
            throw ExitCode.failure
        } catch let error as CannotWrite {
            Console.error("Error: \(error)")
            throw ExitCode.failure
        }
    }

    private func train(_ setup: TrainingSetup) throws {
        Console.line(summary(setup))
        setup.notes.forEach(Console.line)
        var network = setup.network
        var generator = setup.generator
        let progress = TrainingProgress(epochs: epochs)
        defer { progress.finish() }
        let result = try network.train(setup.train, epochs: epochs, learningRate: learningRate,
                                       shuffle: !noShuffle, generator: &generator, heldOut: setup.test,
                                       progress: progress.epochFinished)
        progress.finish()
        let losses = result.losses
        let trained = network
        if result.saturatedSamples > 0 {
            Console.line(Self.saturationNote(result.saturatedSamples, of: epochs * setup.train.count))
        }

        var parts = [(name: "train", matrix: ConfusionCounts(trained, on: setup.train))]
        if setup.test.count > 0 {
            parts.append((name: "test", matrix: ConfusionCounts(trained, on: setup.test)))
        } else if testFraction > 0 {
            Console.line("The test part is empty: round(\(setup.data.count) × \(testFraction)) = 0 rows.")
        }
        if setup.test.count > 0, Set(setup.test.labels).count == 1, Set(setup.data.labels).count == 2 {
            Console.line("The test part holds only class \(Int(setup.test.labels[0])): the file may be sorted by class; "
                + "--split shuffled draws the test rows within each class.")
        }
        Console.line("")
        MetricsTable(parts: parts).lines.forEach(Console.line)

        if let path = self.losses {
            try TrainingFiles.writeLosses(losses, heldOut: result.heldOutLosses, to: path)
            Console.line("Wrote the losses to \(path)")
        }
        if let path = save {
            try TrainingFiles.writeModel(trained, standardization: setup.standardization, columns: setup.columns, to: path)
            Console.line("Saved the trained model to \(path)")
        }
        if let path = report {
            try TrainingReport(setup: setup, losses: losses, heldOutLosses: result.heldOutLosses,
                               trained: trained, parts: parts,
                               saturatedSamples: result.saturatedSamples)
                .write(to: URL(fileURLWithPath: path, isDirectory: true))
            Console.line("Wrote the report to \(path)/index.md")
        }
    }

    /// Says how often the stable logit formulas stood in for the course's.
    static func saturationNote(_ count: Int, of samples: Int) -> String {
        "\(count) of \(samples) sample steps had ŷ rounded to exactly 0 or 1: their loss and gradient came "
            + "from the logit z instead of the course's formulas, which are infinite there (see SATURATION in --help)."
    }

    /// The options as the engine takes them.
    private var settings: TrainingSettings {
        TrainingSettings(data: data, layers: layers, activations: activations, seed: seed, model: model,
                         noShuffle: noShuffle, epochs: epochs, learningRate: learningRate,
                         testFraction: testFraction, hidden: hidden, standardize: standardize,
                         split: split, splitSeed: splitSeed,
                         columns: ColumnChoice(label: label, ignore: ignore.flatMap { $0.split(separator: ",").map(String.init) },
                                               positive: positive))
    }

    /// `Training 2→6→6→1 (relu, relu, sigmoid) on Data/moons.csv: 320 rows (80 more for testing), …`
    private func summary(_ setup: TrainingSetup) -> String {
        let rows = "\(setup.train.count) row\(setup.train.count == 1 ? "" : "s")"
            + (setup.test.count > 0 ? " (\(setup.test.count) more for testing)" : "")
        let start = model.map { "starting from \($0)" } ?? "weights drawn with seed \(seed)"
        let order = noShuffle ? "in file order" : "shuffled each epoch (seed \(seed))"
        let inputs = setup.standardization == nil ? "" : ", inputs standardized"
        let labels = setup.columns.flatMap { columns in
            columns.positive.map { ", label \(columns.label) (\($0) = 1, \(columns.negative ?? "") = 0)" }
        } ?? ""
        let ignored = setup.columns.map(\.ignored).flatMap { $0.isEmpty ? nil : ", leaving out \($0.joined(separator: ", "))" } ?? ""
        let testRows = split == .shuffled && setup.test.count > 0 ? ", test rows drawn per class (split seed \(splitSeed))" : ""
        return "Training \(setup.network.shapeDescription) on \(data): \(rows), \(epochs) epoch\(epochs == 1 ? "" : "s"), "
            + "learning rate \(learningRate), \(start), \(order)\(inputs)\(testRows)\(labels)\(ignored)"
    }
}

extension SplitKind: ExpressibleByArgument {}
#endif
