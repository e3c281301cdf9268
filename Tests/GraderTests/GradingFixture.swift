import Foundation
import Grading
import Workbook

/// One grading run over every kind of submission, shared by the end-to-end
/// tests: building is what costs time, so all submissions go through one grader
/// run with warm work slots instead of one run per test.
struct GradingFixture: Sendable {
    let run: GradingRun
    let output: URL
    let submissionsFolder: URL
    /// Every file under the submissions folder with its contents, taken before
    /// grading: the grader must leave them as they were.
    let submissionsBefore: [String: Data]

    /// The grader's own package: this test file is at Tests/GraderTests/.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Seconds a chapter may run: far above what a chapter of the reference takes
    /// in a debug build, far below what a test run can afford for each endless loop.
    static let timeout: Double = 30

    /// Outlives the run, so the next test run starts warm; the autograder's test reuses it.
    static let workFolder = FileManager.default.temporaryDirectory.appendingPathComponent("neuralworkbook-grader-tests-work")

    /// Started once, on its own thread (the grader blocks on builds and processes
    /// for minutes, which must not hold a thread of Swift's cooperative pool).
    static let shared = Task<GradingFixture, any Error> {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try GradingFixture.make() }) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    static func make() throws -> GradingFixture {
        let temporary = FileManager.default.temporaryDirectory
        let prefix = "neuralworkbook-grader-tests-"
        // Earlier runs' submissions and reports, unless their test process still runs.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
        let base = temporary.appendingPathComponent(prefix + "\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: base)
        let submissionsFolder = base.appendingPathComponent("submissions")
        let folders = try PlantedSubmissions(packageRoot: packageRoot).write(into: submissionsFolder)
        let before = snapshot(submissionsFolder)

        // The work folder outlives the run, so the next test run starts warm.
        let workFolder = Self.workFolder
        let output = base.appendingPathComponent("grades")
        let settings = GraderSettings(packageRoot: packageRoot, output: output, workFolder: workFolder,
                                      timeout: timeout, jobs: 2, hiddenVisibility: .afterPublished)
        let run = try Grader(settings: settings).grade(folders) { line in
            FileHandle.standardError.write(Data("grader: \(line)\n".utf8))
        }
        FileHandle.standardError.write(Data(String(
            format: "grader: reference run %.0f s, %d submissions, whole run %.0f s\n",
            run.referenceSeconds, run.submissions.count, run.seconds).utf8))
        return GradingFixture(run: run, output: output, submissionsFolder: submissionsFolder, submissionsBefore: before)
    }

    func graded(_ name: String) throws -> GradedSubmission {
        guard let graded = run.submissions.first(where: { $0.submission.name == name }) else {
            throw CheckFailure("no submission named \(name) was graded")
        }
        return graded
    }

    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if let data = try? Data(contentsOf: url) {
                files[PackageFiles.relativePath(of: url, under: folder)] = data
            }
        }
        return files
    }
}

extension GradedSubmission {
    func chapter(_ number: Int) -> GradedChapter {
        chapters.first { $0.info.number == number }!
    }
}
