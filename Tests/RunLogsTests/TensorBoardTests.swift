import Foundation
import Testing
@testable import RunLogs

/// TensorBoard's event files read by hand, from files real writers wrote
/// (`Fixtures/tensorboard/make_fixtures.py` says which and how), and the bad ones a
/// run leaves: a last record cut short, a corrupt record.
struct TensorBoardTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tensorboard")

    static func fixture(_ path: String) -> String { fixtures.appendingPathComponent(path).path }

    /// Float32 values as the writers stored them.
    static func float(_ values: [Double]) -> [Double] { values.map { Double(Float($0)) } }

    @Test func crc32cOfTheCheckValue() {
        // The CRC catalogue's check value for CRC-32C: "123456789" gives 0xE3069283.
        #expect(MaskedCRC32C.checksum(ArraySlice("123456789".utf8)) == 0xE306_9283)
    }

    @Test func simpleValuesFromTensorboardX() throws {
        let log = try RunLog.read(Self.fixture("tensorboardx"))
        #expect(log.columns.map(\.name) == ["loss", "val_loss"], "the histogram is not a scalar")
        let chosen = try log.chosen([])
        #expect(chosen.axis == .step)
        #expect(chosen.curves[0].x == [0, 1, 2, 3, 4])
        #expect(chosen.curves[0].y == Self.float([0.69, 0.52, 0.41, 0.36, 0.33]))
        #expect(chosen.curves[1].isValidation && chosen.curves[1].quantity == "loss")
    }

    @Test func kerasTrainAndValidationFoldersInTheTensorForm() throws {
        let log = try RunLog.read(Self.fixture("keras"))
        let chosen = try log.chosen([])
        #expect(chosen.axis == .epoch, "Keras logs epoch_ tags once an epoch, from 0")
        #expect(chosen.curves.map(\.name) == ["train/epoch_loss", "validation/epoch_loss"])
        #expect(chosen.curves[0].x == [1, 2, 3, 4, 5])
        #expect(chosen.curves[1].y == Self.float([0.70, 0.56, 0.47, 0.46, 0.48]))
        #expect(!chosen.curves[0].isValidation && chosen.curves[1].isValidation)
        #expect(chosen.curves[0].quantity == chosen.curves[1].quantity)
        // One file of it, alone.
        let train = try RunLog.read(Self.fixture("keras/train/events.out.tfevents.1700000000.fixture.v2"))
        #expect(try train.chosen([]).curves.map(\.name) == ["epoch_loss"])
    }

    @Test func doublesInTensorContentAndDoubleValAndAStepLoggedAgain() throws {
        let log = try RunLog.read(Self.fixture("tensor-content"))
        let chosen = try log.chosen([])
        #expect(chosen.curves.map(\.name) == ["loss", "eval/loss"])
        #expect(chosen.curves[0].y == [2.5, 1.25, 0.7, 0.5], "step 2 logged again: the later value")
        #expect(chosen.curves[1].y == [3, 1.75, 1.25, 1])
        #expect(chosen.curves[1].isValidation)
        #expect(log.notes.count == 1 && log.notes[0].hasSuffix(": loss is logged again at step 2 (a resumed run?); the later value is drawn"))
    }

    /// Writes `bytes` as an event file in a fresh folder and reads it.
    static func readEvents(_ bytes: [UInt8]) throws -> RunLog {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tfevents-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("events.out.tfevents.1.host")
        try Data(bytes).write(to: file)
        do {
            var log = try RunLog.read(file.path)
            log.notes = log.notes.map { $0.replacingOccurrences(of: folder.path + "/", with: "") }
            return log
        } catch let error as RunLogError {
            throw RunLogError(error.description.replacingOccurrences(of: folder.path + "/", with: ""))
        }
    }

    static var tensorboardXBytes: [UInt8] {
        get throws { [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture("tensorboardx/events.out.tfevents.1700000000.fixture")))) }
    }

    @Test func aLastRecordCutShortIsLeftOutWithANote() throws {
        let whole = try Self.tensorboardXBytes
        let log = try Self.readEvents(Array(whole.dropLast(7)))
        #expect(log.notes.count == 1)
        #expect(log.notes.first?.hasPrefix("events.out.tfevents.1.host: its last record (") == true, "\(log.notes)")
        #expect(log.notes.first?.hasSuffix("is cut short, as while a run is still writing; left out") == true)
        #expect(try !log.chosen([]).curves.isEmpty)
        // Nothing but a record cut short: the error says so.
        #expect(throws: RunLogError("events.out.tfevents.1.host: no scalar logged in its TensorBoard events (tags found: none); "
                                    + "events.out.tfevents.1.host: its last record (1, at byte 0) is cut short, as while a run is still writing; left out")) {
            try Self.readEvents(Array(whole.prefix(5)))
        }
    }

    @Test func aCorruptRecordIsAnErrorNamingItsPlace() throws {
        var bytes = try Self.tensorboardXBytes
        // The second record (after the file_version event) begins where the first one ends.
        let firstLength = Int(bytes[0]) | Int(bytes[1]) << 8
        let second = 12 + firstLength + 4
        bytes[second + 12 + 3] ^= 0xFF
        #expect(throws: RunLogError("events.out.tfevents.1.host: record 2 at byte \(second): the checksum of its data does not match; the file is corrupt")) {
            try Self.readEvents(bytes)
        }
        var length = try Self.tensorboardXBytes
        length[second] ^= 0x01
        #expect(throws: RunLogError("events.out.tfevents.1.host: record 2 at byte \(second): the checksum of its length does not match; the file is corrupt (or not a TensorBoard event file)")) {
            try Self.readEvents(length)
        }
    }

    @Test func aFolderWithoutEventsIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tfempty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: RunLogError("\(folder.path): a folder without TensorBoard event files (events.out.tfevents.*), metrics.csv "
                                    + "or trainer_state.json; name a log file or a run's folder")) {
            try RunLog.read(folder.path)
        }
        // A Lightning version folder: its metrics.csv.
        try Data("epoch,loss\n0,0.5\n1,0.4\n".utf8).write(to: folder.appendingPathComponent("metrics.csv"))
        #expect(try RunLog.read(folder.path).columns.map(\.name) == ["loss"])
    }

    @Test func tensorBoardDownloadsAreOneCurveNamedAfterTheFile() throws {
        let csv = try RunLogTests.read("Wall time,Step,Value\n1700000000.5,0,0.69\n1700000001.5,1,0.52\n", name: "run-train-tag-epoch_loss.csv")
        let fromCSV = try csv.chosen([])
        #expect(fromCSV.curves.map(\.name) == ["run-train-tag-epoch_loss"])
        #expect(fromCSV.axis == .step && fromCSV.curves[0].x == [0, 1] && fromCSV.curves[0].y == [0.69, 0.52])
        let json = try RunLogTests.read("[[1700000000.5, 0, 0.69], [1700000001.5, 1, 0.52]]", name: "run-validation-tag-epoch_loss.json")
        let fromJSON = try json.chosen([])
        #expect(fromJSON.curves.map(\.name) == ["run-validation-tag-epoch_loss"])
        #expect(fromJSON.curves[0].x == [0, 1] && fromJSON.curves[0].y == [0.69, 0.52] && fromJSON.curves[0].isValidation)
        #expect(RunLogTests.message("[[1, 2]]", name: "d.json")
                == "d.json: [0]: expected [wall_time, step, value] as TensorBoard downloads a scalar, found an array")
    }
}
