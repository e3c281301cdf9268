import Foundation
import Testing

/// What `workbook train` prints and writes, beyond the numbers the NumPy
/// comparison checks.
struct TrainOutputTests {
    struct Losses: Decodable { let losses: [Double] }

    @Test func savedModelContinuesExactlyWhereTrainingStopped() throws {
        // 4 epochs, save, 3 more from the saved file = 7 epochs in one go
        // (in file order, so no generator state is carried between runs).
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = Workbook.fixtures.appendingPathComponent("two-features.csv").path
        let start = Workbook.fixtures.appendingPathComponent("model-2-4-1-in-order-start.json").path
        func train(_ model: String, epochs: Int, save: String, losses: String) throws -> [Double] {
            let result = try Workbook.run(["train", "--data", data, "--model", model, "--no-shuffle",
                                           "--epochs", "\(epochs)", "--save", save, "--losses", losses], in: folder)
            try #require(result.status == 0, "\(result.standardError)")
            return try JSONDecoder().decode(Losses.self, from: Data(contentsOf: folder.appendingPathComponent(losses))).losses
        }
        let whole = try train(start, epochs: 7, save: "whole.json", losses: "whole-losses.json")
        let first = try train(start, epochs: 4, save: "half.json", losses: "first-losses.json")
        let rest = try train(folder.appendingPathComponent("half.json").path, epochs: 3,
                             save: "rest.json", losses: "rest-losses.json")
        #expect(first + rest == whole)
        #expect(try Data(contentsOf: folder.appendingPathComponent("rest.json"))
                == Data(contentsOf: folder.appendingPathComponent("whole.json")))
    }

    @Test func anExistingSaveFileIsReplacedWhole() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let saved = folder.appendingPathComponent("model.json")
        try Data("an older model".utf8).write(to: saved)
        let data = Workbook.fixtures.appendingPathComponent("two-features.csv").path
        let result = try Workbook.run(["train", "--data", data, "--epochs", "2", "--save", "model.json"], in: folder)
        #expect(result.status == 0)
        let text = try String(contentsOf: saved, encoding: .utf8)
        #expect(text.hasPrefix("{") && text.contains("\"layers\""))
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.json"])
    }

    /// One sigmoid neuron on `x,label` rows 1,1 / -1,0 / 2,1 / -2,0 from weight 1000:
    /// z = ±1000 or ±2000, so ŷ is exactly 0 or 1 for every row and every
    /// prediction is right. By hand: L = max(z, 0) − z·y + log(1 + e^(−|z|)) = 0 + log1p(e^(−1000)) = 0
    /// in doubles, and ∂L/∂z = ŷ − y = 0, so the weight never moves.
    @Test func saturatedButCorrectOutputsTrainToTheEndWithZeroLoss() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"layers": [{"activation": "sigmoid", "weights": [[1000]], "biases": [0]}]}"#.utf8)
            .write(to: folder.appendingPathComponent("huge.json"))
        try Data("x,label\n1,1\n-1,0\n2,1\n-2,0\n".utf8).write(to: folder.appendingPathComponent("data.csv"))
        let result = try Workbook.run(["train", "--data", "data.csv", "--model", "huge.json", "--test-fraction", "0",
                                       "--epochs", "3", "--losses", "losses.json", "--save", "out.json"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let losses = try JSONDecoder().decode(Losses.self, from: Data(contentsOf: folder.appendingPathComponent("losses.json"))).losses
        #expect(losses == [0, 0, 0])
        #expect(result.standardOutput.contains("12 of 12 sample steps had ŷ rounded to exactly 0 or 1"))
        let accuracy = result.standardOutput.split(separator: "\n").first { $0.hasPrefix("accuracy") }
        #expect(accuracy?.split(separator: " ") == ["accuracy", "1.0000"])
        let saved = try String(contentsOf: folder.appendingPathComponent("out.json"), encoding: .utf8)
        #expect(saved.contains("1000"))
    }

    /// One sigmoid neuron, weight 800 on both features, bias 0: the row (1, 1) labelled 0
    /// has z = 1600 and ŷ = 1 exactly, the row (0, 0) labelled 1 has z = 0, ŷ = ½.
    /// Epoch 1 by hand, in file order with α = 0.01:
    /// row 1: L = max(1600, 0) − 0 + log1p(e^(−1600)) = 1600, dz = ŷ − y = 1, so
    /// w = 800 − 0.01·1 = 799.99 (both), b = −0.01; row 2: z = b = −0.01,
    /// L = −log σ(−0.01) = log(1 + e^(0.01)). Average (1600 + log(1 + e^0.01)) / 2.
    @Test func aWronglySaturatedSampleTakesTheLogitLoss() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"layers": [{"activation": "sigmoid", "weights": [[800, 800]], "biases": [0]}]}"#.utf8)
            .write(to: folder.appendingPathComponent("huge.json"))
        try Data("1,1,0\n0,0,1\n".utf8).write(to: folder.appendingPathComponent("data.csv"))
        let result = try Workbook.run(["train", "--data", "data.csv", "--model", "huge.json", "--no-shuffle",
                                       "--test-fraction", "0", "--epochs", "1", "--losses", "losses.json"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let losses = try JSONDecoder().decode(Losses.self, from: Data(contentsOf: folder.appendingPathComponent("losses.json"))).losses
        let expected = (1600 + Foundation.log(1 + Foundation.exp(0.01))) / 2
        #expect(abs(losses[0] - expected) <= 1e-12 * expected)
        #expect(result.standardOutput.contains("1 of 2 sample steps"))
        #expect(!result.standardOutput.lowercased().contains("nan"))
    }

    /// A learning rate of 1e300 sends the weights to infinity within an epoch:
    /// one line naming the epoch and the cure, status 1, and no file written.
    @Test func divergenceStopsWithOneLineAndWritesNothing() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = Workbook.fixtures.appendingPathComponent("two-features.csv").path
        let result = try Workbook.run(["train", "--data", data, "--learning-rate", "1e300",
                                       "--losses", "losses.json", "--save", "out.json"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("Error: training diverged at epoch "))
        #expect(result.standardError.contains("smaller learning rate"))
        #expect(!result.standardOutput.lowercased().contains("nan"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// README's example on the shipped breast-cancer data: test accuracy at least 0.95
    /// with --standardize; without it, training still runs to the end with finite losses.
    @Test func readmeExampleOnTheRealDataSet() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = Workbook.packageRoot.appendingPathComponent("Data/breast_cancer.csv").path
        let example = ["train", "--data", data, "--hidden", "16,8", "--split", "shuffled", "--epochs", "50"]
        let scaled = try Workbook.run(example + ["--standardize"], in: folder)
        try #require(scaled.status == 0, "\(scaled.standardError)")
        let accuracy = scaled.standardOutput.split(separator: "\n").first { $0.hasPrefix("accuracy") }?
            .split(separator: " ").last.flatMap { Double($0) }
        #expect((accuracy ?? 0) >= 0.95)

        let raw = try Workbook.run(example + ["--losses", "losses.json"], in: folder)
        #expect(raw.status == 0, "\(raw.standardError)")
        let losses = try JSONDecoder().decode(Losses.self, from: Data(contentsOf: folder.appendingPathComponent("losses.json"))).losses
        #expect(losses.count == 50 && losses.allSatisfy { $0.isFinite })
    }

    /// Quoted fields, as many exporters write them, are numbers.
    @Test func quotedNumbersTrain() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("\"x, first\",\"x2\",\"label\"\n\"0.1\",\"0.2\",\"1\"\n\"-0.3\",\"0.4\",\"0\"\n".utf8)
            .write(to: folder.appendingPathComponent("quoted.csv"))
        let result = try Workbook.run(["train", "--data", "quoted.csv", "--test-fraction", "0", "--epochs", "1"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Training 2→6→6→1"))
    }

    /// A file sorted by class leaves the tail split a test part of one class: said, and the cure named.
    @Test func aOneClassTestPartIsPointedOut() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = (0..<10).map { "\(Double($0) / 10),\($0 < 5 ? 0 : 1)" }.joined(separator: "\n")
        try Data(("x,label\n" + rows + "\n").utf8).write(to: folder.appendingPathComponent("sorted.csv"))
        let tail = try Workbook.run(["train", "--data", "sorted.csv", "--epochs", "1"], in: folder)
        #expect(tail.standardOutput.contains("The test part holds only class 1"))
        let shuffled = try Workbook.run(["train", "--data", "sorted.csv", "--epochs", "1", "--split", "shuffled"], in: folder)
        #expect(shuffled.status == 0)
        #expect(!shuffled.standardOutput.contains("holds only class"))
    }

    /// The benchmark's own options are checked before anything is timed.
    @Test func benchRefusesZeroEpochsInOneLine() throws {
        let result = try Workbook.run(["bench", "--epochs", "0"])
        #expect(result.status == 2)
        #expect(result.standardError.split(separator: "\n").last == "Error: --epochs must be at least 1, got 0")
    }

    @Test func testFractionPrintsTrainAndTestMetrics() throws {
        let data = Workbook.fixtures.appendingPathComponent("two-features.csv").path
        let result = try Workbook.run(["train", "--data", data, "--test-fraction", "0.2"])
        #expect(result.status == 0)
        let output = result.standardOutput
        #expect(output.contains("160 rows (40 more for testing)"))
        for label in ["accuracy", "precision", "recall", "F1", "confusion matrix", "predicted 1", "actual 0"] {
            #expect(output.contains(label))
        }
        let samples = output.split(separator: "\n").first { $0.hasPrefix("samples") }
        #expect(samples?.split(separator: " ") == ["samples", "160", "40"])
        // Ten lines of losses by default, numbered from 1.
        #expect(output.components(separatedBy: "Loss at epoch ").count - 1 == 10)
        #expect(output.contains("Loss at epoch 10: "))
    }

    @Test func helpTeachesTheSplitTheSeedAndTheDefaults() throws {
        let result = try Workbook.run(["train", "--help"])
        #expect(result.status == 0)
        for piece in ["last rows of the file", "before any shuffling", "np.random.seed(S)", "np.random.permutation(n)",
                      "2,6,6,1", "30→16→8→1", "--split shuffled", "within each class", "(x - mean) / std",
                      "stored in the model file", "max(z, 0)", "(default: 10)", "(default: 0.01)", "EXAMPLES",
                      "workbook predict", "Exit status"] {
            #expect(result.standardOutput.contains(piece), "help lacks \(piece)")
        }
    }

    @Test func reportWritesTheNumbersTheFiguresAndASummary() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = Workbook.fixtures.appendingPathComponent("two-features.csv").path
        let result = try Workbook.run(["train", "--data", data, "--epochs", "3", "--test-fraction", "0.25",
                                       "--losses", "losses.json", "--report", "report"], in: folder)
        try #require(result.status == 0, "\(result.standardError)")
        let report = folder.appendingPathComponent("report")
        let files = try Set(FileManager.default.contentsOfDirectory(atPath: report.path))
        #expect(files == ["index.md", "losses.json", "model.json", "loss.png", "decision-boundary.png",
                          "roc.png", "probabilities.png", "confusion-train.png", "confusion-test.png"])
        for png in files.filter({ $0.hasSuffix(".png") }) {
            let bytes = try Data(contentsOf: report.appendingPathComponent(png))
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(png) is not a PNG")
        }
        // The report's numbers are the run's numbers.
        #expect(try Data(contentsOf: report.appendingPathComponent("losses.json"))
                == Data(contentsOf: folder.appendingPathComponent("losses.json")))
        let index = try String(contentsOf: report.appendingPathComponent("index.md"), encoding: .utf8)
        for piece in ["# Training report: two-features.csv", "## Settings", "| epochs | 3 |", "| learning rate | 0.01 |",
                      "np.random.seed(10)", "the last 50 rows", "![Average loss per epoch](loss.png)",
                      "(decision-boundary.png)", "| accuracy |", "| 3 |"] {
            #expect(index.contains(piece), "index.md lacks \(piece)")
        }
    }

    @Test func reportWithoutTwoFeaturesHasNoDecisionBoundary() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = Workbook.fixtures.appendingPathComponent("three-features.csv").path
        let result = try Workbook.run(["train", "--data", data, "--layers", "3,4,1", "--activations", "relu,sigmoid",
                                       "--epochs", "2", "--report", "report"], in: folder)
        try #require(result.status == 0, "\(result.standardError)")
        let report = folder.appendingPathComponent("report")
        #expect(!FileManager.default.fileExists(atPath: report.appendingPathComponent("decision-boundary.png").path))
        let index = try String(contentsOf: report.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(index.contains("No decision boundary"))
        // Beyond the loss curve, any number of features gets the ROC curve and the histogram of ŷ.
        for figure in ["roc.png", "probabilities.png"] {
            #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent(figure).path))
            #expect(index.contains("](\(figure))"))
        }
    }

    /// The header's names label the tables and the figures' axes; x1, x2 only without a header.
    @Test func reportUsesTheHeadersFeatureNames() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var csv = "\"radius, mean\",texture,label\n"
        for i in 0..<40 { csv += "\(Double(i) * 10),\(Double(i % 7) / 100),\(i % 2)\n" }
        try Data(csv.utf8).write(to: folder.appendingPathComponent("named.csv"))
        let result = try Workbook.run(["train", "--data", "named.csv", "--standardize", "--split", "shuffled",
                                       "--epochs", "2", "--report", "report"], in: folder)
        try #require(result.status == 0, "\(result.standardError)")
        let index = try String(contentsOf: folder.appendingPathComponent("report/index.md"), encoding: .utf8)
        #expect(index.contains("| features | `radius, mean`, `texture` |"))
        // The standardization table names each feature as the header does.
        #expect(index.contains("| `radius, mean` | "))
        #expect(index.contains("standardized"))
        #expect(index.contains("drawn at random within each class"))
        #expect(!index.contains("x₁"))
    }
}
