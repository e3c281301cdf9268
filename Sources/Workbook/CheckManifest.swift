import Foundation

/// Every check of every chapter with its points, as the reference solution's
/// run lists them: what summaries count points out of, even for chapters that
/// stopped early or never ran. The learner edition ships it as
/// `Chapters/checks.json`, hidden checks counted but not named.
public struct CheckManifest: Codable, Equatable, Sendable {
    public struct Entry: Codable, Equatable, Sendable {
        public var chapter: Int
        /// The check's name; "hidden check" for the instructor's own.
        public var name: String
        public var points: Int
        public var exercise: String?
        public var hidden: Bool

        public init(chapter: Int, name: String, points: Int, exercise: String?, hidden: Bool) {
            self.chapter = chapter
            self.name = name
            self.points = points
            self.exercise = exercise
            self.hidden = hidden
        }
    }

    public var checks: [Entry]
    /// For each exercise file the edition handed out, the fingerprint of its text
    /// outside the solution regions (`ExerciseSource.fingerprintOutsideRegions`):
    /// the grader takes only region bodies, so the command warns when a learner
    /// writes code outside them.
    public var outsideRegions: [String: String]?

    /// Where a package keeps it.
    public static let relativePath = "Chapters/checks.json"

    /// From the records of a full reference run, with the grader's hidden check of
    /// every exercise (`HiddenCheckCatalog`) after each chapter's own, where the run
    /// did not hold them; hidden checks lose their names.
    public init(records: [ChapterRecord]) {
        checks = records.flatMap { record in
            let ran = Set(record.checks.map(\.name))
            let graderOnly = HiddenCheckCatalog.checks.filter { $0.chapter == record.chapter && !ran.contains($0.name) }
            return record.checks.map {
                Entry(chapter: record.chapter, name: $0.hidden ? "hidden check" : $0.name, points: $0.points,
                      exercise: $0.exercise, hidden: $0.hidden)
            } + graderOnly.map {
                Entry(chapter: record.chapter, name: "hidden check", points: $0.points, exercise: $0.exercise, hidden: true)
            }
        }
    }

    /// The package's manifest, or nil when it has none (the instructor's copy).
    public static func read(in packageRoot: URL) -> CheckManifest? {
        guard let data = try? Data(contentsOf: packageRoot.appendingPathComponent(relativePath)) else { return nil }
        return try? JSONDecoder().decode(CheckManifest.self, from: data)
    }

    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    public func maxPoints(ofChapter chapter: Int) -> Int {
        checks.filter { $0.chapter == chapter }.map(\.points).reduce(0, +)
    }

    public var maxPoints: Int { checks.map(\.points).reduce(0, +) }

    /// The points of `record`'s chapter in checks only the grader runs.
    public func hiddenPoints(ofChapter chapter: Int) -> Int {
        checks.filter { $0.chapter == chapter && $0.hidden }.map(\.points).reduce(0, +)
    }
    public var hiddenPoints: Int { checks.filter(\.hidden).map(\.points).reduce(0, +) }
}
