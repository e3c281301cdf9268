import Foundation
import Grading
import Testing
import Workbook

/// Every slip the chapters recognise (`PlantedSubmissions.slips`), planted in the
/// reference and run as a learner runs it, `workbook run N`, for just the
/// chapters that must name it: one warm copy of the package, where only the
/// exercise files change from one submission to the next, so each costs a
/// rebuild of the learner's module and its chapters, not a grading.
@Suite(.serialized)
struct SlipRunTests {
    /// Outlives the run, so the next test run starts warm.
    static let package = FileManager.default.temporaryDirectory
        .appendingPathComponent("neuralworkbook-slip-runs/package")

    @Test(arguments: PlantedSubmissions.slips.keys.sorted())
    func eachSlipIsNamedByItsChapter(_ name: String) throws {
        try Self.syncPackage()
        let slips = try #require(PlantedSubmissions.slips[name])
        let sources = GradingFixture.packageRoot.appendingPathComponent("Sources/NeuralNetwork")
        for file in Set(slips.map(\.plant.file)).union(Self.plantedBefore) {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            try Self.write(PlantedSubmissions.planting(slips.map(\.plant), in: text, of: file, for: name),
                           to: "Sources/NeuralNetwork/\(file)")
        }
        Self.plantedBefore = Set(slips.map(\.plant.file))
        for number in Set(slips.map(\.chapter)).sorted() {
            let messages = try Self.failedMessages(of: number)
            for slip in slips where slip.chapter == number {
                #expect(messages.contains { $0.contains(slip.cause) },
                        "\(name), chapter \(number): no failed check says \"\(slip.cause)\"; they say \(messages)")
            }
        }
    }

    /// Files the last submission planted in, to put back to the reference.
    nonisolated(unsafe) static var plantedBefore: Set<String> = []

    /// The package's build files in the copy, each rewritten only when it differs,
    /// so that what did not change is not rebuilt.
    static func syncPackage() throws {
        let root = GradingFixture.packageRoot
        for path in PackageFiles.list(in: root, entries: PackageFiles.buildEntries) {
            try write(String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self), to: path)
        }
    }

    static func write(_ text: String, to path: String) throws {
        let url = package.appendingPathComponent(path)
        if let current = try? Data(contentsOf: url), current == Data(text.utf8) { return }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The messages of chapter `number`'s failed checks, from `workbook run N`'s record.
    static func failedMessages(of number: Int) throws -> [String] {
        let info = try #require(Catalog.chapter(number))
        let recordURL = Chapter.defaultRecordURL(for: info, in: package)
        try? FileManager.default.removeItem(at: recordURL)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let run = ProcessRunner.run(executable: AutograderScratchRoot.workbook, arguments: ["run", "\(number)"],
                                    environment: environment, currentDirectory: package, timeout: 1200)
        guard let record = try? ChapterRecord.read(from: recordURL) else {
            throw CheckFailure("`workbook run \(number)` left no record (\(run.termination)):\n\(run.output.suffix(3000))")
        }
        return record.checks.filter { !$0.passed }.map(\.message)
    }
}
