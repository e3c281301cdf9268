import Foundation
import Testing

/// `workbook predict`: a saved model, its standardization included, applied to new rows.
struct PredictTests {
    /// One sigmoid neuron, W = [2, −1], b = 0.5, trained on inputs standardized with
    /// mean (1, 2) and std (2, 4). By hand: (3, 6) → (1, 1) → z = 1.5; (1, 2) → (0, 0) → z = 0.5;
    /// (−3, 2) → (−2, 0) → z = −3.5.
    static let model = #"{"layers": [{"activation": "sigmoid", "weights": [[2, -1]], "biases": [0.5]}], "standardize": {"mean": [1, 2], "std": [2, 4]}}"#
    static let logits = [1.5, 0.5, -3.5]

    static func files(_ extra: [String: String] = [:]) throws -> URL {
        let folder = try Workbook.temporaryFolder()
        let files = ["model.json": model, "labelled.csv": "a,b,label\n3,6,1\n1,2,0\n-3,2,0\n",
                     "unlabelled.csv": "\"a\",\"b\"\n3,6\n1,2\n-3,2\n"].merging(extra) { $1 }
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    static func read(_ csv: String) -> [(Double, Int)] {
        csv.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: ",")
            return (Double(fields[0])!, Int(fields[1])!)
        }
    }

    @Test func standardizesThenPredictsEveryRowInOrder() throws {
        let folder = try Self.files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Workbook.run(["predict", "--model", "model.json", "--data", "unlabelled.csv"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("probability,prediction\n"))
        let rows = Self.read(result.standardOutput)
        #expect(rows.count == 3)
        for ((probability, prediction), z) in zip(rows, Self.logits) {
            let expected = 1 / (1 + exp(-z))
            #expect(abs(probability - expected) <= 1e-15)
            #expect(prediction == (expected >= 0.5 ? 1 : 0))
        }
        #expect(result.standardError.isEmpty, "no labels, no scores")
    }

    @Test func withLabelsItWritesTheFileAndPrintsTheScores() throws {
        let folder = try Self.files(["predictions.csv": "an older file"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Workbook.run(["predict", "--model", "model.json", "--data", "labelled.csv",
                                       "--output", "predictions.csv"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let written = try String(contentsOf: folder.appendingPathComponent("predictions.csv"), encoding: .utf8)
        #expect(Self.read(written).map(\.1) == [1, 1, 0])
        // Labels 1, 0, 0 against predictions 1, 1, 0: TP 1, FP 1, TN 1, FN 0.
        let accuracy = result.standardOutput.split(separator: "\n").first { $0.hasPrefix("accuracy") }
        #expect(accuracy?.split(separator: " ") == ["accuracy", "0.6667"])
        let precision = result.standardOutput.split(separator: "\n").first { $0.hasPrefix("precision") }
        #expect(precision?.split(separator: " ") == ["precision", "0.5000"])
        #expect(result.standardOutput.contains("Wrote 3 predictions to predictions.csv"))
    }

    @Test(arguments: [
        (["--data", "labelled.csv"], "Missing expected argument '--model"),
        (["--model", "model.json", "--data", "three.csv"], "three.csv has 4 columns but model.json takes 2 features"),
        (["--model", "model.json", "--data", "bad-label.csv"], "bad-label.csv, line 2, column 3: the label is 2, expected 0 or 1"),
        (["--model", "missing.json", "--data", "labelled.csv"], "missing.json: no such file"),
        (["--model", "model.json", "--data", "missing.csv"], "missing.csv: no such file"),
        (["--model", "model.json", "--data", "labelled.csv", "--output", "labelled.csv"],
         "--output labelled.csv is one of the input files"),
        (["--model", "model.json", "--data", "labelled.csv", "--output", "."], "--output . is a folder"),
        (["--model", "model.json", "--data", "labelled.csv", "--out", "p.csv"], "Unknown option '--out'"),
    ])
    func badInputIsOneLineAndStatus2(arguments: [String], message: String) throws {
        let folder = try Self.files(["three.csv": "1,2,3,0\n", "bad-label.csv": "a,b,label\n1,2,2\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let result = try Workbook.run(["predict"] + arguments, in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("Error: "))
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
        #expect(try String(contentsOf: folder.appendingPathComponent("labelled.csv"), encoding: .utf8).hasPrefix("a,b,label"))
    }

    /// `train --standardize --save` stores the training rows' statistics, and
    /// `predict` with that model scores the file as `train` scored it.
    @Test func aStandardizedModelPredictsAsItWasScored() throws {
        let folder = try Self.files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = Workbook.fixtures.appendingPathComponent("three-features.csv").path
        let train = try Workbook.run(["train", "--data", data, "--standardize", "--test-fraction", "0",
                                      "--save", "trained.json"], in: folder)
        try #require(train.status == 0, "\(train.standardError)")
        let saved = try String(contentsOf: folder.appendingPathComponent("trained.json"), encoding: .utf8)
        #expect(saved.contains("\"standardize\""))
        let predict = try Workbook.run(["predict", "--model", "trained.json", "--data", data], in: folder)
        #expect(predict.status == 0)
        func accuracy(_ text: String) -> String? {
            text.split(separator: "\n").first { $0.hasPrefix("accuracy") }?.split(separator: " ").last.map(String.init)
        }
        #expect(accuracy(train.standardOutput) != nil)
        #expect(accuracy(predict.standardError) == accuracy(train.standardOutput))
    }
}
