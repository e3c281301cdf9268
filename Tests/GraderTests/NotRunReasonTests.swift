import Foundation
@testable import Grading
import Testing
import Workbook

/// Every check in the feedback says why: one the chapter never got to names
/// the check that ended it, and what the chapter waits for.
struct NotRunReasonTests {
    let info = Catalog.chapter(10)!
    let reference = [
        CheckResult(name: "folds", points: 1, passed: true, message: ""),
        CheckResult(name: "every candidate trained", points: 1, passed: true, message: ""),
        CheckResult(name: "hidden one", points: 3, passed: true, message: "", hidden: true),
    ]

    @Test func aCheckNotRunNamesTheCheckThatEndedTheChapterAndWhatItWaitsFor() {
        let stopper = CheckResult(name: "train the candidates", points: 4, passed: false,
                                  message: "waits for 7.1 (Layer.backward), which fails its own checks in chapter 7: fix it first",
                                  waitsFor: "7.1")
        let run = ChapterRun(info: info, status: .failed,
                             record: ChapterRecord(chapter: 10, title: info.title, checks: [stopper], finished: true),
                             output: "", seconds: 1)
        let graded = ChapterGrading.grade(run, against: reference)
        #expect(graded.points == 0)
        for check in graded.checks {
            #expect(check.message.contains("the chapter ended after the check \"train the candidates\" (waits for 7.1"),
                    "\(check.message)")
            #expect(check.message.contains("its checks wait for exercise 7.1"), "\(check.message)")
        }
    }

    @Test func aCrashNamesTheCheckItHappenedIn() {
        var record = ChapterRecord(chapter: 10, title: info.title, checks: [reference[0]])
        record.currentCheckName = "every candidate trained"
        let run = ChapterRun(info: info, status: .crashed(signal: SIGILL, exitStatus: nil), record: record, output: "", seconds: 1)
        let graded = ChapterGrading.grade(run, against: reference)
        #expect(graded.checks[0].passed)
        #expect(graded.checks[1].message == "not reached: the chapter crashed (signal 4, SIGILL) in the check \"every candidate trained\"")
    }

    @Test func aHiddenChecksMessageIsNeverQuotedAsTheReason() {
        let hiddenFailure = CheckResult(name: "hidden one", points: 3, passed: false, message: "expected 0.123, got 0.5", hidden: true)
        let run = ChapterRun(info: info, status: .failed,
                             record: ChapterRecord(chapter: 10, title: info.title, checks: [hiddenFailure], finished: true),
                             output: "", seconds: 1)
        let graded = ChapterGrading.grade(run, against: reference)
        #expect(graded.checks.filter { !$0.hidden }.allSatisfy { !$0.message.contains("0.123") }, "only the hidden check holds its own message")
    }
}
