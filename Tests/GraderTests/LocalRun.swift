import Foundation
import Grading
import Workbook

/// What a learner saw: `workbook run N` in a copy of the grader's package with
/// the exercise files of a submission in place, run as the learner runs it (the
/// command builds the chapter itself). The copy keeps its build folder between
/// runs and test runs, so each run rebuilds only the network and the chapter.
enum LocalRun {
    /// One folder per package, so test runs of two copies of the workbook never share it.
    static let package: URL = {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in GradingFixture.packageRoot.standardizedFileURL.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return FileManager.default.temporaryDirectory
            .appendingPathComponent("neuralworkbook-local-run-\(String(hash, radix: 16))/package")
    }()

    /// The record `workbook run N` leaves for chapter `number`, with the files of
    /// `submission` (bare exercise files, as the planted submissions are) as
    /// the learner's `Sources/NeuralNetwork`.
    static func record(of number: Int, with submission: URL) throws -> ChapterRecord {
        let manager = FileManager.default
        guard let info = Catalog.chapter(number) else { throw CheckFailure("no chapter \(number)") }
        // Everything but the build folder starts over.
        for entry in (try? manager.contentsOfDirectory(atPath: package.path)) ?? [] where entry != ".build" {
            try manager.removeItem(at: package.appendingPathComponent(entry))
        }
        let root = GradingFixture.packageRoot
        for path in PackageFiles.list(in: root, entries: PackageFiles.buildEntries) {
            let copy = package.appendingPathComponent(path)
            try manager.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: root.appendingPathComponent(path), to: copy)
        }
        for file in try manager.contentsOfDirectory(atPath: submission.path) where file.hasSuffix(".swift") {
            let copy = package.appendingPathComponent("Sources/NeuralNetwork/\(file)")
            try manager.removeItem(at: copy)
            try manager.copyItem(at: submission.appendingPathComponent(file), to: copy)
        }
        let recordURL = Chapter.defaultRecordURL(for: info, in: package)
        try? manager.removeItem(at: recordURL)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let run = ProcessRunner.run(executable: AutograderScratchRoot.workbook, arguments: ["run", "\(number)"],
                                    environment: environment, currentDirectory: package, timeout: 1200)
        guard let record = try? ChapterRecord.read(from: recordURL) else {
            throw CheckFailure("`workbook run \(number)` left no record (\(run.termination)):\n\(run.output.suffix(3000))")
        }
        return record
    }
}
