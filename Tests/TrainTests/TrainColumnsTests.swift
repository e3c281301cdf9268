import Foundation
import Testing

/// Real CSVs as they come: `--label`, `--ignore`, two-word labels with `--positive`,
/// the columns kept in the model file, and `workbook predict` finding them by name.
struct TrainColumnsTests {
    static let wisconsin = Workbook.fixtures.appendingPathComponent("wisconsin-like.csv")

    struct Losses: Decodable { let losses: [Double] }
    struct Model: Decodable {
        struct Columns: Decodable, Equatable {
            let features: [String]
            let label: String
            let positive: String?
            let negative: String?
            let ignored: [String]
        }
        let columns: Columns?
    }

    /// The fixture as the plain data format, converted here independently: the id left
    /// out, the diagnosis moved last as 1 for M and 0 for B.
    static func plainCopy() throws -> String {
        let lines = try String(contentsOf: wisconsin, encoding: .utf8).split(separator: "\n")
        return lines.enumerated().map { index, line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let label = index == 0 ? "label" : (fields[1] == "M" ? "1" : "0")
            return (Array(fields.dropFirst(2)) + [label]).joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    static func train(_ arguments: [String], in folder: URL) throws -> Workbook.Result {
        try Workbook.run(["train", "--epochs", "4", "--standardize"] + arguments, in: folder)
    }

    @Test func wordsInTheLabelColumnTrainAsTheirZeroOneCopy() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.plainCopy().utf8).write(to: folder.appendingPathComponent("plain.csv"))
        let plain = try Self.train(["--data", "plain.csv", "--losses", "plain.json"], in: folder)
        try #require(plain.status == 0, "\(plain.standardError)")
        let named = try Self.train(["--data", Self.wisconsin.path, "--label", "diagnosis", "--ignore", "id",
                                    "--positive", "M", "--losses", "named.json", "--save", "model.json"], in: folder)
        try #require(named.status == 0, "\(named.standardError)")
        let numbered = try Self.train(["--data", Self.wisconsin.path, "--label", "2", "--ignore", "1",
                                       "--positive", "M", "--losses", "numbered.json"], in: folder)
        try #require(numbered.status == 0, "\(numbered.standardError)")
        func losses(_ name: String) throws -> [Double] {
            try JSONDecoder().decode(Losses.self, from: Data(contentsOf: folder.appendingPathComponent(name))).losses
        }
        #expect(try losses("named.json") == losses("plain.json"))
        #expect(try losses("numbered.json") == losses("plain.json"))
        #expect(named.standardOutput.contains("label diagnosis (M = 1, B = 0), leaving out id"))
        let model = try JSONDecoder().decode(Model.self, from: Data(contentsOf: folder.appendingPathComponent("model.json")))
        #expect(model.columns == Model.Columns(features: ["mean_radius", "mean_texture", "mean_area", "mean_smoothness"],
                                               label: "diagnosis", positive: "M", negative: "B", ignored: ["id"]))
    }

    @Test func predictFindsTheColumnsByNameAndAnswersInTheFilesLabels() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let trained = try Self.train(["--data", Self.wisconsin.path, "--label", "diagnosis", "--ignore", "id",
                                      "--positive", "M", "--save", "model.json"], in: folder)
        try #require(trained.status == 0, "\(trained.standardError)")
        // The same rows with the columns in another order (diagnosis last, id in the middle).
        let lines = try String(contentsOf: Self.wisconsin, encoding: .utf8).split(separator: "\n")
        let shuffled = lines.map { line -> String in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return [f[4], f[2], f[0], f[5], f[3], f[1]].joined(separator: ",")
        }.joined(separator: "\n") + "\n"
        try Data(shuffled.utf8).write(to: folder.appendingPathComponent("shuffled.csv"))

        let original = try Workbook.run(["predict", "--model", "model.json", "--data", Self.wisconsin.path,
                                         "--output", "original.csv"], in: folder)
        try #require(original.status == 0, "\(original.standardError)")
        let reordered = try Workbook.run(["predict", "--model", "model.json", "--data", "shuffled.csv",
                                          "--output", "reordered.csv"], in: folder)
        try #require(reordered.status == 0, "\(reordered.standardError)")
        let text = try String(contentsOf: folder.appendingPathComponent("original.csv"), encoding: .utf8)
        #expect(text == (try String(contentsOf: folder.appendingPathComponent("reordered.csv"), encoding: .utf8)))
        let rows = text.split(separator: "\n")
        #expect(rows.first == "probability,prediction,predicted_diagnosis")
        #expect(rows.count == lines.count)
        for row in rows.dropFirst() {
            let fields = row.split(separator: ",")
            #expect(fields[2] == (fields[1] == "1" ? "M" : "B"), "\(row)")
        }
        // The labels were read in M and B: the scores are printed, counted over every row.
        #expect(original.standardOutput.contains("samples           60"))
    }

    @Test func theReportSaysWhichWordIsClassOne() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.train(["--data", Self.wisconsin.path, "--label", "diagnosis", "--ignore", "id",
                                     "--positive", "M", "--report", "report"], in: folder)
        try #require(result.status == 0, "\(result.standardError)")
        let page = try String(contentsOf: folder.appendingPathComponent("report/index.md"), encoding: .utf8)
        #expect(page.contains("| label | `diagnosis`: `M` is class 1, `B` class 0; left out: `id` |"))
        #expect(page.contains("| features | `mean_radius`, `mean_texture`, `mean_area`, `mean_smoothness` |"))
    }

    @Test func obviousWordsNeedNoPositive() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("x,sick\n0.1,yes\n-0.3,no\n0.5,yes\n-0.2,no\n".utf8).write(to: folder.appendingPathComponent("d.csv"))
        let result = try Workbook.run(["train", "--data", "d.csv", "--test-fraction", "0", "--epochs", "1",
                                       "--save", "m.json"], in: folder)
        try #require(result.status == 0, "\(result.standardError)")
        let model = try JSONDecoder().decode(Model.self, from: Data(contentsOf: folder.appendingPathComponent("m.json")))
        #expect(model.columns?.positive == "yes" && model.columns?.negative == "no")
    }

    // Bad input: one line naming the file, column and what to do; status 2.

    static func expectRefused(_ arguments: [String], files: [String: String] = [:], saying expected: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let result = try Workbook.run(["train"] + arguments, in: folder)
        #expect(result.status == 2, sourceLocation: sourceLocation)
        #expect(result.standardError == "Error: \(expected)\n", sourceLocation: sourceLocation)
        #expect(!result.standardOutput.contains("Loss at epoch"), sourceLocation: sourceLocation)
    }

    @Test func aColumnOfWordsAmongTheFeaturesSuggestsIgnoreOrLabel() throws {
        try Self.expectRefused(["--data", Self.wisconsin.path], saying: "\(Self.wisconsin.path), line 2, column 2 (diagnosis): "
            + "\"M\" is not a number, and neither is the rest of the column: features are numbers; "
            + "leave it out with --ignore diagnosis or make it the label with --label diagnosis")
    }

    @Test func twoWordsNeitherObviousNeedPositive() throws {
        try Self.expectRefused(["--data", Self.wisconsin.path, "--label", "diagnosis", "--ignore", "id"],
                               saying: "\(Self.wisconsin.path), column 2 (diagnosis): the labels are \"B\" and \"M\"; "
                                   + "say which is class 1 with --positive B or --positive M")
        try Self.expectRefused(["--data", Self.wisconsin.path, "--label", "diagnosis", "--ignore", "id", "--positive", "malignant"],
                               saying: "--positive malignant: the label column diagnosis holds \"M\" and \"B\"; give one of them")
    }

    @Test func unknownColumns() throws {
        let columns = "id, diagnosis, mean_radius, mean_texture, mean_area, mean_smoothness"
        try Self.expectRefused(["--data", Self.wisconsin.path, "--label", "diagnosis", "--ignore", "ID_number", "--positive", "M"],
                               saying: "--ignore ID_number: \(Self.wisconsin.path) has no such column (columns found: \(columns))")
        try Self.expectRefused(["--data", Self.wisconsin.path, "--label", "7"],
                               saying: "--label 7: \(Self.wisconsin.path) has 6 columns; give a name or a number from 1 to 6")
        try Self.expectRefused(["--data", Self.wisconsin.path, "--label", "diagnosis", "--ignore", "diagnosis"],
                               saying: "--ignore diagnosis: that is the label column; leave it out of --ignore or choose another with --label")
    }

    @Test func aLabelColumnOfThreeValues() throws {
        try Self.expectRefused(["--data", "d.csv"], files: ["d.csv": "x,kind\n1,a\n2,b\n3,c\n"],
                               saying: "d.csv, column 2 (kind): the label column holds 3 values (\"a\", \"b\", \"c\"); "
                                   + "training needs exactly two classes; choose the label column with --label")
    }

    @Test func predictNamesAMissingColumn() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let trained = try Self.train(["--data", Self.wisconsin.path, "--label", "diagnosis", "--ignore", "id",
                                      "--positive", "M", "--save", "model.json"], in: folder)
        try #require(trained.status == 0)
        try Data("id,mean_radius,mean_texture,mean_area\n1,13,20,500\n".utf8).write(to: folder.appendingPathComponent("few.csv"))
        let result = try Workbook.run(["predict", "--model", "model.json", "--data", "few.csv"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError == "Error: few.csv has no column \"mean_smoothness\", which model.json was trained on "
            + "(columns found: id, mean_radius, mean_texture, mean_area)\n")
    }
}
