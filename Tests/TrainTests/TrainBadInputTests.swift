import Foundation
import Testing

/// Every kind of bad input gets one line on standard error naming what is
/// wrong and where, exit status 2, and no training.
struct TrainBadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        /// Pieces the message must contain: the place (file, line, column,
        /// option, layer) and the problem.
        let message: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// Small files the cases read, written into a fresh folder for each case.
    static let files: [String: String] = [
        "ok.csv": "x1,x2,label\n0.1,0.2,1\n0.3,-0.4,0\n-0.5,0.6,1\n0.7,0.8,0\n",
        "empty.csv": "",
        "ragged.csv": "x1,x2,label\n0.1,0.2,1\n0.3,0.4\n",
        "nonnumeric.csv": "x1,x2,label\n0.1,0.2,1\n0.3,abc,0\n",
        "labels.csv": "0.1,0.2,1\n0.3,0.4,2\n",
        "three.csv": "0.1,0.2,0.3,1\n0.3,0.4,0.5,0\n",
        "wrong-shape.json": #"{"layers": [{"activation": "relu", "weights": [[1, 2], [3, 4]], "biases": [0, 0]}, {"activation": "sigmoid", "weights": [[1, 2, 3]], "biases": [0]}]}"#,
        "few-biases.json": #"{"layers": [{"activation": "sigmoid", "weights": [[1, 2]], "biases": []}]}"#,
        "tanh.json": #"{"layers": [{"activation": "tanh", "weights": [[1, 2]], "biases": [0]}]}"#,
        "relu-output.json": #"{"layers": [{"activation": "relu", "weights": [[1, 2]], "biases": [0]}]}"#,
        "two-inputs.json": #"{"layers": [{"activation": "sigmoid", "weights": [[1, 2]], "biases": [0]}]}"#,
        "three-inputs.json": #"{"layers": [{"activation": "sigmoid", "weights": [[1, 2, 3]], "biases": [0]}]}"#,
        "not-a-model.json": "[1, 2, 3]",
        "semicolons.csv": "x1;x2;label\n0,1;0,2;1\n",
        "hex.csv": "x1,x2,label\n0x1p3,0.2,1\n",
        "no-biases.json": #"{"layers": [{"activation": "sigmoid", "weights": [[1, 2]]}]}"#,
        "string-weight.json": #"{"layers": [{"activation": "relu", "weights": [[1, 2], [3, 4]], "biases": [0, 0]}, {"activation": "sigmoid", "weights": [[1, 2, "3"]], "biases": [0]}]}"#,
        // Line 2: two spaces, `"weights": ` (11 characters), `[[`, so NaN starts in column 16.
        "nan.json": "{\"layers\": [{\"activation\": \"sigmoid\",\n  \"weights\": [[NaN, 2]], \"biases\": [0]}]}",
        "infinity.json": #"{"layers": [{"activation": "sigmoid", "weights": [[Infinity, 2]], "biases": [0]}]}"#,
        "huge.json": #"{"layers": [{"activation": "sigmoid", "weights": [[1e400, 2]], "biases": [0]}]}"#,
        // 63 characters, so the end of the file is column 64.
        "truncated.json": #"{"layers": [{"activation": "sigmoid", "weights": [[1, 2]], "bia"#,
        "bad-std.json": #"{"layers": [{"activation": "sigmoid", "weights": [[1, 2]], "biases": [0]}], "standardize": {"mean": [0, 0], "std": [1, 0]}}"#,
        "short-std.json": #"{"layers": [{"activation": "sigmoid", "weights": [[1, 2]], "biases": [0]}], "standardize": {"mean": [0], "std": [1]}}"#,
    ]

    static let cases: [Case] = [
        // The data file
        Case(arguments: ["--data", "missing.csv"], message: ["missing.csv: no such file"]),
        Case(arguments: ["--data", "empty.csv"], message: ["empty.csv: is empty"]),
        Case(arguments: ["--data", "ragged.csv"], message: ["ragged.csv, line 3:", "has 2 columns, expected 3"]),
        Case(arguments: ["--data", "nonnumeric.csv"],
             message: ["nonnumeric.csv, line 3, column 2:", "\"abc\" is not a finite number"]),
        Case(arguments: ["--data", "labels.csv"],
             message: ["labels.csv, line 2, column 3:", "the label is 2, expected 0 or 1"]),
        Case(arguments: ["--data", "three.csv", "--layers", "2,6,6,1"],
             message: ["three.csv has 3 feature columns", "first layer (--layers 2,6,6,1) takes 2 inputs",
                       "--hidden gives the hidden sizes alone"]),
        Case(arguments: ["--data", "three.csv", "--model", "two-inputs.json"],
             message: ["three.csv has 3 feature columns", "first layer (two-inputs.json) takes 2 inputs"]),
        // The network on the command line
        Case(arguments: ["--data", "ok.csv", "--layers", "2,6,1"],
             message: ["--layers 2,6,1 makes 2 layers", "--activations relu,relu,sigmoid names 3"]),
        Case(arguments: ["--data", "ok.csv", "--activations", "relu,tanh,sigmoid"],
             message: ["--activations relu,tanh,sigmoid:", "unknown activation \"tanh\" for layer 2", "relu, sigmoid"]),
        Case(arguments: ["--data", "ok.csv", "--activations", "relu,relu,relu"],
             message: ["--activations relu,relu,relu:", "last layer must be sigmoid"]),
        Case(arguments: ["--data", "ok.csv", "--layers", "2,six,1", "--activations", "relu,sigmoid"],
             message: ["--layers 2,six,1:", "\"six\" (entry 2) is not a whole number"]),
        Case(arguments: ["--data", "ok.csv", "--layers", "2,0,1", "--activations", "relu,sigmoid"],
             message: ["--layers 2,0,1:", "entry 2 is 0"]),
        Case(arguments: ["--data", "ok.csv", "--layers", "2,3,2", "--activations", "relu,sigmoid"],
             message: ["--layers 2,3,2:", "the last size must be 1"]),
        Case(arguments: ["--data", "ok.csv", "--model", "wrong-shape.json", "--layers", "2,1"],
             message: ["--model wrong-shape.json", "leave out --layers"]),
        Case(arguments: ["--data", "ok.csv", "--hidden", "16,8", "--layers", "2,16,8,1"],
             message: ["--layers 2,16,8,1 and --hidden 16,8 both give the sizes"]),
        Case(arguments: ["--data", "ok.csv", "--hidden", "16,x"],
             message: ["--hidden 16,x: \"x\" (entry 2) is not a whole number"]),
        Case(arguments: ["--data", "ok.csv", "--hidden", "4", "--activations", "relu,relu,sigmoid"],
             message: ["--hidden 4 (with 2 inputs from the data and 1 output) makes 2 layers",
                       "--activations relu,relu,sigmoid names 3"]),
        Case(arguments: ["--data", "ok.csv", "--split", "random"], message: ["'random' is invalid for '--split"]),
        Case(arguments: ["--data", "ok.csv", "--split-seed", "-1"], message: ["--split-seed must be a whole number from 0 to"]),
        // The model file
        Case(arguments: ["--data", "ok.csv", "--model", "wrong-shape.json"],
             message: ["wrong-shape.json: layer 2:", "takes 3 inputs but layer 1 has 2 neurons"]),
        Case(arguments: ["--data", "ok.csv", "--model", "few-biases.json"],
             message: ["few-biases.json: layer 1:", "1 neurons need 1 biases, found 0"]),
        Case(arguments: ["--data", "ok.csv", "--model", "tanh.json"],
             message: ["tanh.json: layer 1:", "unknown activation \"tanh\""]),
        Case(arguments: ["--data", "ok.csv", "--model", "relu-output.json"],
             message: ["relu-output.json: layer 1, the output, must be one sigmoid neuron"]),
        Case(arguments: ["--data", "ok.csv", "--model", "three-inputs.json"],
             message: ["ok.csv has 2 feature columns", "first layer (three-inputs.json) takes 3 inputs"]),
        Case(arguments: ["--data", "ok.csv", "--model", "not-a-model.json"],
             message: ["not-a-model.json: is not a model file"]),
        Case(arguments: ["--data", "ok.csv", "--model", "missing.json"],
             message: ["missing.json: no such file"]),
        Case(arguments: ["--data", "ok.csv", "--model", "no-biases.json"], message: ["no-biases.json: layers[0].biases: missing"]),
        Case(arguments: ["--data", "ok.csv", "--model", "string-weight.json"],
             message: ["string-weight.json: layers[1].weights[0][2]: expected a number, found a string"]),
        Case(arguments: ["--data", "ok.csv", "--model", "nan.json"],
             message: ["nan.json: line 2, column 16: NaN is not a JSON number"]),
        Case(arguments: ["--data", "ok.csv", "--model", "infinity.json"],
             message: ["infinity.json: line 1, column 52: Infinity is not a JSON number"]),
        Case(arguments: ["--data", "ok.csv", "--model", "huge.json"],
             message: ["huge.json: layers[0].weights[0][0]: 1e400 is too large for a double"]),
        Case(arguments: ["--data", "ok.csv", "--model", "truncated.json"],
             message: ["truncated.json: line 1, column 64: the file ends inside a string (is it cut short?)"]),
        Case(arguments: ["--data", "ok.csv", "--model", "bad-std.json"],
             message: ["bad-std.json: standardize.std[1]: a standard deviation must be positive, found 0.0"]),
        Case(arguments: ["--data", "ok.csv", "--model", "short-std.json"],
             message: ["short-std.json: standardize: the first layer takes 2 inputs but there are 1 means"]),
        // Exports from other programs
        Case(arguments: ["--data", "semicolons.csv"],
             message: ["semicolons.csv, line 1: looks semicolon-separated", "export it as comma-separated CSV"]),
        Case(arguments: ["--data", "hex.csv"],
             message: ["hex.csv, line 2, column 1: \"0x1p3\" is not a decimal number"]),
        // Numbers
        Case(arguments: ["--data", "ok.csv", "--learning-rate", "0"],
             message: ["--learning-rate must be a positive number, got 0.0"]),
        Case(arguments: ["--data", "ok.csv", "--learning-rate", "-0.5"],
             message: ["--learning-rate must be a positive number, got -0.5"]),
        Case(arguments: ["--data", "ok.csv", "--learning-rate", "fast"],
             message: ["'fast' is invalid for '--learning-rate"]),
        Case(arguments: ["--data", "ok.csv", "--epochs", "0"], message: ["--epochs must be at least 1, got 0"]),
        Case(arguments: ["--data", "ok.csv", "--epochs", "-3"], message: ["--epochs must be at least 1, got -3"]),
        Case(arguments: ["--data", "ok.csv", "--epochs", "ten"], message: ["'ten' is invalid for '--epochs"]),
        Case(arguments: ["--data", "ok.csv", "--test-fraction", "1"],
             message: ["--test-fraction must be at least 0 and less than 1, got 1.0"]),
        Case(arguments: ["--data", "ok.csv", "--test-fraction", "-0.2"],
             message: ["--test-fraction must be at least 0 and less than 1, got -0.2"]),
        Case(arguments: ["--data", "ok.csv", "--test-fraction", "0.9"],
             message: ["--test-fraction 0.9 leaves no training rows", "ok.csv has 4 rows"]),
        Case(arguments: ["--data", "ok.csv", "--seed", "-1"], message: ["--seed must be a whole number from 0 to 4294967295"]),
        // The command line itself
        Case(arguments: [], message: ["Missing expected argument '--data"]),
        Case(arguments: ["--data", "ok.csv", "--epoch", "3"], message: ["Unknown option '--epoch'"]),
    ]

    @Test(arguments: cases)
    func badInputIsOneLineAndStatus2(_ badInput: Case) throws {
        let folder = try Self.folderWithFiles()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Workbook.run(["train"] + badInput.arguments, in: folder)
        #expect(result.status == 2)
        let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1, "one line, got: \(result.standardError)")
        #expect(result.standardError.hasPrefix("Error: "))
        for piece in badInput.message {
            #expect(result.standardError.contains(piece), "\"\(piece)\" missing from: \(result.standardError)")
        }
        #expect(!result.standardOutput.contains("Loss at epoch"), "trained on bad input")
    }

    @Test func badInputLeavesAnExistingSaveFileAlone() throws {
        let folder = try Self.folderWithFiles()
        defer { try? FileManager.default.removeItem(at: folder) }
        let saved = folder.appendingPathComponent("model.json")
        try Data("keep me".utf8).write(to: saved)
        let result = try Workbook.run(["train", "--data", "ok.csv", "--epochs", "0", "--save", "model.json"], in: folder)
        #expect(result.status == 2)
        #expect(try String(contentsOf: saved, encoding: .utf8) == "keep me")
    }

    @Test func aFolderIsNotAFileToSaveTo() throws {
        let folder = try Self.folderWithFiles()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Workbook.run(["train", "--data", "ok.csv", "--save", "."], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.contains("--save . is a folder"))
    }

    @Test func aReportFolderMustNotBeAFile() throws {
        let folder = try Self.folderWithFiles()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Workbook.run(["train", "--data", "ok.csv", "--report", "ok.csv"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.contains("--report ok.csv is a file"))
    }

    static func folderWithFiles() throws -> URL {
        let folder = try Workbook.temporaryFolder()
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }
}
