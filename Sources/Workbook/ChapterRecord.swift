import Foundation

/// The outcome of one check, as a chapter records it.
public struct CheckResult: Codable, Equatable, Sendable {
    public var name: String
    public var points: Int
    public var passed: Bool
    /// For a failed check: what was expected and what came out.
    public var message: String
    /// Hidden checks are the instructor's: graded, but their details withheld.
    public var hidden: Bool
    /// The exercise this check is about ("2.1"), when it is about one.
    public var exercise: String?
    /// For a failed check: the exercise it calls that fails its own checks
    /// ("7.1"), where the mistake is. The check earns nothing, but its own
    /// exercise is not blamed (see `Chapter.check`).
    public var waitsFor: String?
    /// The exercises whose code the check runs, in course order: its own
    /// exercise, what that one uses, and what the check itself `uses` (for a
    /// check of no exercise, the chapter's exercises and needs), with what they
    /// use in turn. The grader takes it from its own run, never a submission's:
    /// a check of no exercise counts only when the grader's own checks of
    /// these pass (see `ScoringRule`).
    public var calls: [String]?
    /// For a failed visible check that waits for nothing: what its outputs are
    /// known by (`SlipFingerprint`), for the mutants' table.
    public var fingerprint: String?

    public init(name: String, points: Int, passed: Bool, message: String, hidden: Bool = false,
                exercise: String? = nil, waitsFor: String? = nil, calls: [String]? = nil) {
        self.name = name
        self.points = points
        self.passed = passed
        self.message = message
        self.hidden = hidden
        self.exercise = exercise
        self.waitsFor = waitsFor
        self.calls = calls
    }
}

/// A figure a chapter drew, with its path relative to the output folder.
public struct FigureRecord: Codable, Equatable, Sendable {
    public var path: String
    public var caption: String

    public init(path: String, caption: String) {
        self.path = path
        self.caption = caption
    }
}

/// The machine-readable record of one chapter run: the one thing the CLI, the
/// report and the grader all read. A chapter rewrites it after every check, so a
/// run that crashes half-way still leaves the checks it got through.
public struct ChapterRecord: Codable, Equatable, Sendable {
    public var chapter: Int
    public var title: String
    public var checks: [CheckResult]
    public var figures: [FigureRecord]
    /// True once the chapter reached its end; false in a record left by a crash.
    public var finished: Bool
    public var seconds: Double
    /// The position (from 0) of the check whose body is running: in a record
    /// left by a crash, the check the crash happened in.
    public var currentCheck: Int?
    /// That check's name and exercise, to say where a run stopped or hung.
    public var currentCheckName: String?
    public var currentExercise: String?

    public init(chapter: Int, title: String, checks: [CheckResult] = [], figures: [FigureRecord] = [],
                finished: Bool = false, seconds: Double = 0) {
        self.chapter = chapter
        self.title = title
        self.checks = checks
        self.figures = figures
        self.finished = finished
        self.seconds = seconds
    }

    public var passedCount: Int { checks.filter(\.passed).count }
    public var points: Int { checks.filter(\.passed).map(\.points).reduce(0, +) }
    public var maxPoints: Int { checks.map(\.points).reduce(0, +) }
    public var allPassed: Bool { finished && checks.allSatisfy(\.passed) }

    public static func read(from url: URL) throws -> ChapterRecord {
        try JSONDecoder().decode(ChapterRecord.self, from: Data(contentsOf: url))
    }

    /// Writes the record whole: to a temporary file first, then renamed.
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: url)
    }
}
