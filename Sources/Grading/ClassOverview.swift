import Foundation
import Workbook

/// The class at a glance: how every exercise and every check fared across the
/// submissions of one grading run. The instructor's view, for `summary.md`,
/// `class-overview.csv` and the pass-rate figure; the reference copy is not a
/// submission and is never counted.
public struct ClassOverview: Sendable, Equatable {
    /// One exercise across the class.
    public struct Exercise: Sendable, Equatable {
        public var info: ExerciseInfo
        /// Submissions that have at least one check of the exercise (every one, unless its chapter went ungraded).
        public var submissions: Int
        /// Submissions that passed every check of the exercise, visible and hidden.
        public var passedAll: Int
        /// Submissions whose visible checks of it all passed while its hidden check failed (`ScoringRule.disagreements`).
        public var disagreeing: Int
        /// The likely causes named by its failed visible checks, most common first, at most
        /// `causeLimit`; each counted once per submission that showed it.
        public var causes: [Cause]

        /// passedAll / submissions, 0…1; nil when no submission has a check of it.
        public var passRate: Double? { submissions == 0 ? nil : Double(passedAll) / Double(submissions) }
        public var disagreementRate: Double? { submissions == 0 ? nil : Double(disagreeing) / Double(submissions) }
    }

    /// A `likely cause:` line as a submission's failed check wrote it (escaped), and in how many submissions.
    public struct Cause: Sendable, Equatable {
        public var text: String
        public var submissions: Int
    }

    /// One check across the class, as the grader's own run recorded it.
    public struct Check: Sendable, Equatable {
        public var chapter: Int
        public var name: String
        public var exercise: String?
        public var hidden: Bool
        public var points: Int
        /// Submissions that passed it (whether or not its points counted: see `ScoringRule`).
        public var passed: Int
        public var submissions: Int

        /// passed / submissions, 0…1; nil when no submission was graded on it.
        public var passRate: Double? { submissions == 0 ? nil : Double(passed) / Double(submissions) }
    }

    /// Every exercise of the course, in course order.
    public var exercises: [Exercise]
    /// Every check, chapter by chapter, in the order the chapter runs them.
    public var checks: [Check]
    public var submissions: Int

    /// How many causes an exercise lists: enough to show a pattern, few enough to read in a table cell.
    public static let causeLimit = 3
    /// A cause longer than this is cut: a submission's message can say anything, at any length.
    static let causeLength = 160

    public init(_ graded: [GradedSubmission]) {
        submissions = graded.count
        exercises = ExerciseCatalog.exercises.map { info in Self.exercise(info, in: graded) }
        checks = Self.checks(in: graded)
    }

    private static func exercise(_ info: ExerciseInfo, in graded: [GradedSubmission]) -> Exercise {
        var summary = Exercise(info: info, submissions: 0, passedAll: 0, disagreeing: 0, causes: [])
        var causeCounts: [String: Int] = [:]
        for submission in graded {
            let own = submission.chapters.flatMap(\.checks).filter { $0.exercise == info.number }
            guard !own.isEmpty else { continue }
            summary.submissions += 1
            if own.allSatisfy(\.passed) { summary.passedAll += 1 }
            if submission.disagreements.contains(info.number) { summary.disagreeing += 1 }
            // Hidden checks' messages are the instructor's tests: never quoted, here either.
            let failedVisible = own.filter { !$0.hidden && !$0.passed }
            // One slip usually fails several checks of an exercise: counted once per
            // submission, a cause says how many learners made it, not how many checks it tripped.
            for cause in Set(failedVisible.flatMap { likelyCauses(in: $0.message) }) {
                causeCounts[cause, default: 0] += 1
            }
        }
        // Most common first; ties alphabetically, so the order does not depend on the submissions' order.
        summary.causes = causeCounts.map { Cause(text: $0.key, submissions: $0.value) }
            .sorted { ($1.submissions, $0.text) < ($0.submissions, $1.text) }
            .prefix(causeLimit).map { $0 }
        return summary
    }

    /// The causes a failed check's message names on lines `likely cause: …` (see
    /// `Workbook.likelyCause`), escaped and cut to `causeLength` characters.
    static func likelyCauses(in message: String) -> [String] {
        let prefix = likelyCause("")
        return message.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix(prefix) else { return nil }
            let cause = UntrustedText.escaped(String(trimmed.dropFirst(prefix.count)), keepingLineBreaks: false)
                .trimmingCharacters(in: .whitespaces)
            guard !cause.isEmpty else { return nil }
            return cause.count > causeLength ? String(cause.prefix(causeLength - 1)) + "…" : cause
        }
    }

    /// Checks keyed by chapter and position: every submission is graded against
    /// the same list of the reference's checks, in the same order.
    private static func checks(in graded: [GradedSubmission]) -> [Check] {
        var checks: [Check] = []
        var positions: [[Int]: Int] = [:]
        for submission in graded {
            for chapter in submission.chapters where chapter.isGraded {
                for (index, check) in chapter.checks.enumerated() {
                    let key = [chapter.info.number, index]
                    if positions[key] == nil {
                        positions[key] = checks.count
                        checks.append(Check(chapter: chapter.info.number, name: check.name, exercise: check.exercise,
                                            hidden: check.hidden, points: check.maxPoints, passed: 0, submissions: 0))
                    }
                    let position = positions[key]!
                    checks[position].submissions += 1
                    if check.passed { checks[position].passed += 1 }
                }
            }
        }
        let order = positions.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.value)
        return order.map { checks[$0] }
    }
}
