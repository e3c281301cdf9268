import Foundation
import Testing

/// `workbook train`'s held-out loss: the test rows' average loss after every epoch,
/// printed, written under its own key, drawn in the report; absent without test rows.
struct TrainHeldOutLossTests {
    struct Losses: Decodable {
        let losses: [Double]
        let heldOutLosses: [Double]?
        enum CodingKeys: String, CodingKey {
            case losses
            case heldOutLosses = "held_out_losses"
        }
    }

    static let data = Workbook.fixtures.appendingPathComponent("two-features.csv")

    static func readLosses(_ url: URL) throws -> Losses {
        try JSONDecoder().decode(Losses.self, from: Data(contentsOf: url))
    }

    /// The fixture's last 20% of rows (the default tail split), with the header: the test part.
    static func testRows() throws -> String {
        let lines = try String(contentsOf: data, encoding: .utf8).split(separator: "\n")
        let rows = lines.dropFirst()
        let testCount = Int((Double(rows.count) * 0.2).rounded())
        return ([lines[0]] + rows.suffix(testCount)).joined(separator: "\n") + "\n"
    }

    @Test func heldOutLossAfterEpochKIsTheTestRowsCrossEntropyUnderTheModelSavedAfterK() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.testRows().utf8).write(to: folder.appendingPathComponent("test.csv"))
        let run = try Workbook.run(["train", "--data", Self.data.path, "--epochs", "3", "--losses", "losses.json"], in: folder)
        try #require(run.status == 0, "\(run.standardError)")
        let losses = try Self.readLosses(folder.appendingPathComponent("losses.json"))
        let heldOut = try #require(losses.heldOutLosses)
        #expect(heldOut.count == 3)
        // Printed beside the training loss, every digit.
        let printed = run.standardOutput.split(separator: "\n").filter { $0.hasPrefix("Loss at epoch ") }
            .compactMap { $0.components(separatedBy: "held-out loss: ").last.flatMap { Double($0) } }
        #expect(printed == heldOut)

        for epochs in 1...3 {
            // The same seed trains the same first epochs: save the model after `epochs` of them,
            // let `workbook predict` give ŷ for the test rows, and average the loss by hand.
            let model = "after-\(epochs).json"
            let train = try Workbook.run(["train", "--data", Self.data.path, "--epochs", "\(epochs)", "--save", model],
                                         in: folder)
            try #require(train.status == 0, "\(train.standardError)")
            let predict = try Workbook.run(["predict", "--model", model, "--data", "test.csv", "--output", "p.csv"], in: folder)
            try #require(predict.status == 0, "\(predict.standardError)")
            let probabilities = try String(contentsOf: folder.appendingPathComponent("p.csv"), encoding: .utf8)
                .split(separator: "\n").dropFirst().map { Double($0.split(separator: ",")[0])! }
            let labels = try Self.testRows().split(separator: "\n").dropFirst().map { Double($0.split(separator: ",").last!)! }
            try #require(probabilities.count == labels.count)
            let expected = zip(probabilities, labels).map { p, y in -(y * log(p) + (1 - y) * log(1 - p)) }
                .reduce(0, +) / Double(labels.count)
            #expect(abs(heldOut[epochs - 1] - expected) <= 1e-12 * expected,
                    "epoch \(epochs): \(heldOut[epochs - 1]) against \(expected) from the saved model")
        }
    }

    @Test func withoutTestRowsNothingChanges() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Workbook.run(["train", "--data", Self.data.path, "--test-fraction", "0", "--epochs", "2",
                                    "--losses", "losses.json"], in: folder)
        try #require(run.status == 0, "\(run.standardError)")
        #expect(!run.standardOutput.contains("held-out"))
        let text = try String(contentsOf: folder.appendingPathComponent("losses.json"), encoding: .utf8)
        #expect(!text.contains("held_out"))
        #expect(try Self.readLosses(folder.appendingPathComponent("losses.json")).losses.count == 2)
    }

    @Test func theReportNamesTheLowestHeldOutEpoch() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Workbook.run(["train", "--data", Self.data.path, "--epochs", "12", "--report", "report"], in: folder)
        try #require(run.status == 0, "\(run.standardError)")
        let losses = try Self.readLosses(folder.appendingPathComponent("report/losses.json"))
        let heldOut = try #require(losses.heldOutLosses)
        let best = heldOut.indices.min { heldOut[$0] < heldOut[$1] }! + 1
        let page = try String(contentsOf: folder.appendingPathComponent("report/index.md"), encoding: .utf8)
        #expect(page.contains("was lowest after epoch \(best): \(heldOut[best - 1])"))
        #expect(page.contains("| \(best) | \(losses.losses[best - 1]) | \(heldOut[best - 1]) (lowest) |"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report/loss.png").path))
    }
}
