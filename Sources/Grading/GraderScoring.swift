import Foundation
import Workbook

/// One check as graded: its points out of its maximum and why.
public struct GradedCheck: Sendable, Equatable {
    public var name: String
    public var points: Int
    public var maxPoints: Int
    public var passed: Bool
    /// For a failed check: the check's own message, or why it never ran.
    public var message: String
    public var hidden: Bool
    /// The exercise the check holds to ("7.1"), as the reference's record tags it.
    public var exercise: String?
    /// The exercises whose code the check runs, as the reference's record lists them.
    public var calls: [String] = []
    /// For a failed check: the exercise it waits for, which fails its own checks.
    public var waitsFor: String?
    /// For a passed check whose points do not count: the exercises whose hidden
    /// checks failed (see `ScoringRule`).
    public var withheldFor: [String] = []
}

/// One chapter of one submission as graded.
public struct GradedChapter: Sendable {
    public var info: ChapterInfo
    public var status: ChapterStatus
    /// Every check the reference run made, in order, whether or not this run got to it.
    public var checks: [GradedCheck]
    /// The last lines the chapter printed when it stopped early (hidden checks cut out).
    public var lastWords: String
    /// Bytes of the chapter's output the grader did not keep (it keeps 1 MiB).
    public var droppedOutputBytes: Int = 0
    public var seconds: Double

    public var points: Int { checks.map(\.points).reduce(0, +) }
    public var maxPoints: Int { checks.map(\.maxPoints).reduce(0, +) }
    /// False for a chapter whose reference run recorded no checks (one still being
    /// written): it counts for nothing and is left out of the reports.
    public var isGraded: Bool { !checks.isEmpty }
    /// Stopped before its end: open exercise, crash, time-out or no build.
    public var stoppedEarly: Bool { isGraded && ![.passed, .failed].contains(status) }
}

/// A submission as graded, chapter by chapter.
public struct GradedSubmission: Sendable {
    public var submission: Submission
    public var chapters: [GradedChapter]
    public var files: SubmissionFiles
    public var seconds: Double

    public var points: Int { chapters.map(\.points).reduce(0, +) }
    public var maxPoints: Int { chapters.map(\.maxPoints).reduce(0, +) }
    /// Exercises whose visible checks pass while their hidden checks fail (see `ScoringRule`).
    public var disagreements: [String] { ScoringRule.disagreements(in: chapters) }
}

/// What the grader's own copy gives for every chapter: the full list of checks
/// with their points, so that a chapter that stops early still lists all of its
/// checks, and a learner cannot lose the maximum by crashing.
public struct ReferenceChecks: Sendable {
    public var checks: [Int: [CheckResult]]
    /// Chapters where the grader's own copy did not pass: grading them is suspect.
    public var problems: [String]

    public init(runs: [ChapterRun]) {
        checks = [:]
        problems = []
        for run in runs {
            checks[run.info.number] = run.record?.checks ?? []
            if run.record?.checks.isEmpty ?? true {
                problems.append("chapter \(run.info.number) recorded no checks (\(run.status.label)), so it is not graded")
            } else if run.status != .passed {
                problems.append("chapter \(run.info.number) of the grader's own copy: \(run.status.label)")
            }
        }
    }
}

/// Grading one chapter run against the reference.
public enum ChapterGrading {
    public static func grade(_ run: ChapterRun, against reference: [CheckResult]) -> GradedChapter {
        // A chapter suspected of tampering earns nothing, not even the checks it sent before.
        var remaining: [CheckResult]
        if case .tamperingSuspected = run.status { remaining = [] } else { remaining = run.record?.checks ?? [] }
        let notRun = reasonNotRun(run)
        let checks = reference.map { expected -> GradedCheck in
            // Match by name, first come first served, so checks with the same name
            // pair up in order.
            guard let index = remaining.firstIndex(where: { $0.name == expected.name }) else {
                return GradedCheck(name: expected.name, points: 0, maxPoints: expected.points,
                                   passed: false, message: notRun, hidden: expected.hidden, exercise: expected.exercise,
                                   calls: expected.calls ?? [])
            }
            let actual = remaining.remove(at: index)
            // Only an exercise this check calls can be what it waits for.
            let waited = actual.passed ? nil : actual.waitsFor.flatMap { (expected.calls ?? []).contains($0) ? $0 : nil }
            return GradedCheck(name: expected.name, points: actual.passed ? expected.points : 0,
                               maxPoints: expected.points, passed: actual.passed,
                               message: UntrustedText.escaped(actual.message), hidden: expected.hidden, exercise: expected.exercise,
                               calls: expected.calls ?? [], waitsFor: waited)
        }
        let stoppedEarly = ![ChapterStatus.passed, .failed].contains(run.status)
        let lastWords = stoppedEarly
            ? UntrustedText.escaped(LastWords.of(run.output, hiding: reference.filter(\.hidden).map(\.name))) : ""
        return GradedChapter(info: run.info, status: run.status, checks: checks, lastWords: lastWords,
                             droppedOutputBytes: run.droppedOutputBytes, seconds: run.seconds)
    }

    /// Why a check has no result, in the chapter's words.
    static func reasonNotRun(_ run: ChapterRun) -> String {
        let checks = run.record?.checks ?? []
        // The visible check that ended the chapter early, named with the first line of why.
        let stopper = checks.last { !$0.passed && !$0.hidden }.map { check in
            "\"\(check.name)\" (\(check.message.split(separator: "\n").first.map(String.init) ?? "failed"))"
        }
        let stoppedIn = run.record?.currentCheckName.map { " in the check \"\($0)\"" } ?? " before this check"
        var reason: String
        switch run.status {
        case .exerciseOpen:
            let exercise = run.openExercise ?? "an exercise"
            reason = "not reached: the chapter stopped at open \(exercise)"
        case .crashed, .timedOut:
            reason = "not reached: the chapter \(run.status.label)\(stoppedIn)"
        case .tamperingSuspected:
            return "not counted: tampering suspected in this chapter"
        case .didNotBuild:
            return "not run: the code did not build"
        case .couldNotStart:
            return "not run: the chapter could not start"
        case .passed, .failed, .notRun:
            reason = stopper.map { "not run: the chapter ended after the check \($0)" }
                ?? "not run: the chapter did not get to this check"
        }
        if let waited = checks.lazy.compactMap(\.waitsFor).first {
            reason += "; its checks wait for exercise \(waited), which fails its own checks or does not compile"
        }
        return reason
    }
}
