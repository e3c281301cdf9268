import Foundation
import Testing
@testable import Workbook

/// How a child process ends decides what the workbook reports for a chapter.
struct ProcessRunnerTests {
    let shell = URL(fileURLWithPath: "/bin/sh")

    @Test func exitStatusAndOutputAreKept() {
        let result = ProcessRunner.run(executable: shell, arguments: ["-c", "echo out; echo err >&2; exit 3"], timeout: 10)
        #expect(result.termination == .exit(3))
        #expect(result.output.contains("out"))
        #expect(result.output.contains("err"))
    }

    @Test func aCrashIsReportedWithItsSignal() {
        let result = ProcessRunner.run(executable: shell, arguments: ["-c", "kill -SEGV $$"], timeout: 10)
        #expect(result.termination == .signal(SIGSEGV))
    }

    @Test func aHangIsKilledAtTheTimeLimit() {
        let started = Date()
        let result = ProcessRunner.run(executable: shell, arguments: ["-c", "exec sleep 30"], timeout: 0.5)
        #expect(result.termination == .timedOut)
        #expect(Date().timeIntervalSince(started) < 20, "the runner must not wait for the child to finish")
    }

    @Test func aMissingProgramIsALaunchFailure() {
        let result = ProcessRunner.run(executable: URL(fileURLWithPath: "/nonexistent/program"), timeout: 1)
        guard case .launchFailed(let reason) = result.termination else {
            Issue.record("expected a launch failure, got \(result.termination)")
            return
        }
        #expect(reason.contains("/nonexistent/program"))
    }

    @Test func statusLabelsNameTheSignal() {
        #expect(ChapterStatus.crashed(signal: SIGILL, exitStatus: nil).label == "crashed (signal 4, SIGILL)")
        #expect(ChapterStatus.timedOut(seconds: 60).label == "timed out after 60 s")
    }
}
