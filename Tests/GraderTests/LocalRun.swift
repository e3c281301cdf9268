import Foundation
import Grading
import Workbook

/// What a learner sees: `workbook run N` in a copy of the grader's package with
/// the exercise files of a submission in place, run as the learner runs it (the
/// command builds the chapter itself). One copy serves every test that runs
/// chapters this way, one at a time; it keeps its build folder between runs and
/// test runs, and a file is rewritten only when it differs, so each run
/// rebuilds only the learner's module and the chapter.
enum LocalRun {
    /// One folder per package, so test runs of two copies of the workbook never share it.
    static let package: URL = {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in GradingFixture.packageRoot.standardizedFileURL.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return FileManager.default.temporaryDirectory
            .appendingPathComponent("neuralworkbook-local-run-\(String(hash, radix: 16))/package")
    }()

    private static let lock = NSLock()

    /// The record `workbook run N` leaves for chapter `number`, with the files of
    /// `submission` (bare exercise files, as the planted submissions are) as
    /// the learner's `Sources/NeuralNetwork`.
    static func record(of number: Int, with submission: URL) throws -> ChapterRecord {
        var files: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: submission.path) where file.hasSuffix(".swift") {
            files[file] = try String(contentsOf: submission.appendingPathComponent(file), encoding: .utf8)
        }
        return try records(of: [number], withExerciseFiles: files)[0]
    }

    /// The records `workbook run N` leaves for each of `numbers`, with `files`
    /// (file name → text) in `Sources/NeuralNetwork` and the reference's elsewhere;
    /// `edit` gets the package folder once the files are in place, before the runs.
    static func records(of numbers: [Int], withExerciseFiles files: [String: String],
                        edit: ((URL) throws -> Void)? = nil) throws -> [ChapterRecord] {
        lock.lock()
        defer { lock.unlock() }
        let root = GradingFixture.packageRoot
        let listed = PackageFiles.list(in: root, entries: PackageFiles.buildEntries)
        for path in listed {
            let name = URL(fileURLWithPath: path).lastPathComponent
            let text = path.hasPrefix("Sources/NeuralNetwork/") ? files[name] : nil
            try write(text.map { Data($0.utf8) } ?? Data(contentsOf: root.appendingPathComponent(path)), to: path)
        }
        // Files the package no longer has would still be built.
        let kept = Set(listed)
        for entry in ["Sources", "Chapters", "Tests"] {
            let walker = FileManager.default.enumerator(at: package.appendingPathComponent(entry), includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                let path = PackageFiles.relativePath(of: url, under: package)
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                   !kept.contains(path) {
                    try FileManager.default.removeItem(at: url)
                }
            }
        }
        try edit?(package)
        // Each call starts with no progress, as a fresh copy would: what an earlier
        // call's chapters found of other code must not make these checks wait.
        try? FileManager.default.removeItem(at: package.appendingPathComponent(Progress.relativePath))
        return try numbers.map(run)
    }

    private static func write(_ data: Data, to path: String) throws {
        let url = package.appendingPathComponent(path)
        if let current = try? Data(contentsOf: url), current == data { return }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    private static func run(_ number: Int) throws -> ChapterRecord {
        guard let info = Catalog.chapter(number) else { throw CheckFailure("no chapter \(number)") }
        let recordURL = Chapter.defaultRecordURL(for: info, in: package)
        try? FileManager.default.removeItem(at: recordURL)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let run = ProcessRunner.run(executable: AutograderScratchRoot.workbook, arguments: ["run", "\(number)", "--alone"],
                                    environment: environment, currentDirectory: package, timeout: 1200)
        guard let record = try? ChapterRecord.read(from: recordURL) else {
            throw CheckFailure("`workbook run \(number)` left no record (\(run.termination)):\n\(run.output.suffix(3000))")
        }
        return record
    }
}
