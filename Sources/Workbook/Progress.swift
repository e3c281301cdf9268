import Foundation

/// What the learner has achieved, kept in the package (`.workbook/progress.json`,
/// git-ignored) rather than in `.build/`, so that it survives `swift package
/// clean`; and tied to what the exercise regions hold, not to file dates, so
/// that touching or re-saving a file changes nothing.
///
/// After each chapter run the command stores the chapter's record with the
/// fingerprints of the regions it ran on. A chapter's result stands as long as
/// those regions and the chapter's source are unchanged.
public struct Progress: Codable, Sendable {
    public struct ChapterEntry: Codable, Sendable {
        public var record: ChapterRecord
        /// "passed", "failed", "exercise open", …
        public var status: String
        /// Fingerprints of the chapter's source ("chapter") and of every region it uses.
        public var fingerprints: [String: String]
    }

    public var chapters: [String: ChapterEntry] = [:]

    public static let relativePath = ".workbook/progress.json"

    public init() {}

    /// The package's progress, empty when there is none yet.
    public static func read(in packageRoot: URL) -> Progress {
        guard let data = try? Data(contentsOf: packageRoot.appendingPathComponent(relativePath)),
              let progress = try? JSONDecoder().decode(Progress.self, from: data) else { return Progress() }
        return progress
    }

    public func write(in packageRoot: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: packageRoot.appendingPathComponent(Self.relativePath))
    }

    /// Keeps `run`'s result, with the fingerprints of what it ran on now.
    public mutating func record(_ run: ChapterRun, in packageRoot: URL) {
        guard let record = run.record else { return }
        chapters[String(run.info.number)] = ChapterEntry(
            record: record, status: run.status.label,
            fingerprints: Self.fingerprints(for: run.info, in: packageRoot))
    }

    /// The chapter's last result, when nothing it ran on has changed since.
    public func current(_ info: ChapterInfo, in packageRoot: URL) -> ChapterEntry? {
        guard let entry = chapters[String(info.number)],
              entry.fingerprints == Self.fingerprints(for: info, in: packageRoot) else { return nil }
        return entry
    }

    /// The chapter's last result even if its code changed since, to show what it was.
    public func last(_ info: ChapterInfo) -> ChapterEntry? {
        chapters[String(info.number)]
    }

    /// How an exercise stands: open while its stub is there; otherwise done or
    /// failing as its chapter's last run on this very region found it.
    public func state(of exercise: ExerciseInfo, in packageRoot: URL) -> ExerciseState {
        let source = ExerciseSource(packageRoot: packageRoot)
        if source.isOpen(exercise) { return .open }
        guard let info = Catalog.chapter(exercise.chapter),
              let entry = chapters[String(info.number)],
              entry.fingerprints[exercise.number] == source.fingerprint(of: exercise) else { return .notRun }
        let checks = entry.record.checks.filter { $0.exercise == exercise.number }
        guard !checks.isEmpty else { return .notRun }
        if checks.allSatisfy(\.passed) { return .done }
        // Checks that failed only because they wait for another exercise blame that one.
        return checks.contains { !$0.passed && $0.waitsFor == nil } ? .failing : .waiting
    }

    /// Exercises whose own checks failed in their chapter's latest run on the
    /// regions as they are now (number → "fails its own checks in chapter N"): what a chapter's
    /// checks wait for (`ChapterHandOff.failingExercises`).
    public func failingExercises(in packageRoot: URL) -> [String: String] {
        var failing: [String: String] = [:]
        for exercise in ExerciseCatalog.exercises where state(of: exercise, in: packageRoot) == .failing {
            failing[exercise.number] = "fails its own checks in chapter \(exercise.chapter)"
        }
        return failing
    }

    static func fingerprints(for info: ChapterInfo, in packageRoot: URL) -> [String: String] {
        let source = ExerciseSource(packageRoot: packageRoot)
        var prints: [String: String] = [:]
        for exercise in (info.needs.compactMap(ExerciseCatalog.exercise) + info.exercises) {
            prints[exercise.number] = source.fingerprint(of: exercise) ?? "missing"
        }
        let chapterText = (try? String(contentsOf: packageRoot.appendingPathComponent(info.sourcePath), encoding: .utf8)) ?? ""
        prints["chapter"] = ExerciseSource.fingerprint(chapterText)
        return prints
    }
}

/// An exercise as `workbook list` shows it.
public enum ExerciseState: String, Sendable {
    /// Its checks passed on the region as it is now.
    case done
    /// Its checks failed on the region as it is now.
    case failing
    /// The stub is still in the region.
    case open
    /// Written, but not run since it last changed.
    case notRun = "not run"
    /// Its checks failed only while an exercise they call failed its own.
    case waiting = "waiting"
}
