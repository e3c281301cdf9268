import Foundation
import Testing
@testable import Workbook

/// How `ChapterRunner` goes on after a check stops the chapter, with stand-in
/// chapters: shell scripts that read their hand-off from standard input, leave
/// the record a real chapter would and end as it would. The first run (no stopped checks) leaves `first.json` and ends
/// with `firstEnd`; every later run leaves `later.json` and ends with `laterEnd`.
struct ChapterRunnerResumeTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chapter-runner-resume-\(UUID().uuidString)")
    let info = Catalog.chapter(1)!

    static let checks = ["first", "second", "third"].map { CheckResult(name: $0, points: 1, passed: true, message: "") }

    /// A runner of the stand-in chapter, resuming, without echo.
    func runner(firstRecord: ChapterRecord, firstEnd: String, laterRecord: ChapterRecord, laterEnd: String,
                timeout: Double = 20) throws -> ChapterRunner {
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try firstRecord.write(to: folder.appendingPathComponent("first.json"))
        try laterRecord.write(to: folder.appendingPathComponent("later.json"))
        let program = bin.appendingPathComponent(info.target)
        try Data("""
            #!/bin/sh
            handoff=$(cat)
            if printf '%s' "$handoff" | grep -q '"stoppedChecks":{}'; then
                cp '\(folder.path)/first.json' "$WORKBOOK_RECORD"
                \(firstEnd)
            else
                printf '%s\\n' "$handoff" >> '\(folder.path)/stopped'
                cp '\(folder.path)/later.json' "$WORKBOOK_RECORD"
                \(laterEnd)
            fi
            """.utf8).write(to: program)
        chmod(program.path, 0o755)
        return ChapterRunner(binFolder: bin, outputFolder: folder, recordFolder: folder, timeout: timeout, echo: false,
                             resumingIn: folder)
    }

    /// A record that stops in check `index` after passing the ones before it.
    func stopped(in index: Int) -> ChapterRecord {
        var record = ChapterRecord(chapter: 1, title: info.title, checks: Array(Self.checks.prefix(index)))
        record.currentCheck = index
        return record
    }

    /// Every check claimed passed, to the end.
    var allPassed: ChapterRecord { ChapterRecord(chapter: 1, title: info.title, checks: Self.checks, finished: true) }

    /// What the later runs were told had stopped, one hand-off a run.
    var stoppedChecksPassedOn: [[Int: String]] {
        ((try? String(contentsOf: folder.appendingPathComponent("stopped"), encoding: .utf8)) ?? "")
            .split(separator: "\n").compactMap { try? ChapterHandOff.decode(Array($0.utf8)).stoppedChecks }
    }

    @Test func aTrapFailsItsCheckAndTheChapterGoesOnWhateverTheNextRunClaims() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = try runner(firstRecord: stopped(in: 1),
                                firstEnd: "echo 'Fatal error: Index out of range'; kill -ILL $$",
                                laterRecord: allPassed, laterEnd: "exit 0")
        let run = runner.run(info)
        #expect(stoppedChecksPassedOn == [[1: "Index out of range"]])
        #expect(run.record?.checks.map(\.passed) == [true, false, true])
        #expect(run.record?.checks[1].message == "Index out of range")
        #expect(run.status == .failed, "\(run.status.label)")
    }

    /// A grader's verdict (its signed channel) says which check stopped; the
    /// record the learner's code could have written says another.
    @Test func theStoppedCheckIsTheVerdictsNotTheRecords() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var runner = try runner(firstRecord: stopped(in: 0), firstEnd: "kill -SEGV $$",
                                laterRecord: allPassed, laterEnd: "exit 0")
        let launches = Counter()
        runner.launcher = { program, environment, handOff in
            let launch = launches.next()
            return ChapterLaunch(executable: program, arguments: [], environment: environment, handOff: handOff,
                                 verdict: { run in
                var run = run
                if launch == 1 { run.record?.currentCheck = 2 }
                return run
            })
        }
        let run = runner.run(info)
        #expect(launches.count == 2, "one launch, with its own verdict, for each run")
        #expect(stoppedChecksPassedOn.count == 1 && stoppedChecksPassedOn[0].keys.sorted() == [2], "\(stoppedChecksPassedOn)")
        #expect(run.record?.checks.map(\.passed) == [true, true, false])
    }

    /// `workbook run` goes on past an open exercise; a grader may end the chapter there.
    @Test(arguments: [true, false])
    func anOpenExerciseIsResumedOnlyWhenAsked(resumes: Bool) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var runner = try runner(firstRecord: stopped(in: 1),
                                firstEnd: "echo '  ✎ Exercise 1.1 (Neuron.weightedSum) is still open.'; exit 3",
                                laterRecord: allPassed, laterEnd: "exit 0")
        runner.resumesAfterOpenExercises = resumes
        let run = runner.run(info)
        #expect(stoppedChecksPassedOn.count == (resumes ? 1 : 0), "\(stoppedChecksPassedOn)")
        #expect(run.status == .exerciseOpen, "\(run.status.label)")
        #expect(run.record?.checks.map(\.passed) == (resumes ? [true, false, true] : [true]))
    }

    @Test func aRunKilledFromOutsideIsNotResumed() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = try runner(firstRecord: stopped(in: 1), firstEnd: "kill -KILL $$", laterRecord: allPassed, laterEnd: "exit 0")
        let run = runner.run(info)
        #expect(stoppedChecksPassedOn.isEmpty)
        #expect(run.status == .crashed(signal: SIGKILL, exitStatus: nil))
    }

    /// The runs share the chapter's limit, and the one that reaches it ends the chapter.
    @Test func theRunsShareOneTimeLimit() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = try runner(firstRecord: stopped(in: 1), firstEnd: "sleep 1; kill -ILL $$",
                                laterRecord: stopped(in: 2), laterEnd: "exec sleep 30", timeout: 3)
        let started = Date()
        let run = runner.run(info)
        #expect(Date().timeIntervalSince(started) < 8)
        #expect(run.seconds < 3.5, "\(run.seconds) s")
        #expect(stoppedChecksPassedOn.count == 1, "a run that timed out is not resumed: \(stoppedChecksPassedOn)")
        #expect(run.status == .timedOut(seconds: 3), "\(run.status.label)")
    }
}

/// Counts calls from any thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return calls
    }

    /// The number of this call, from 1.
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        calls += 1
        return calls
    }
}
