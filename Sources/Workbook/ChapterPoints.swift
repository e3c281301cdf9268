/// What a chapter scored out of what it is worth, read the same by every place
/// that shows it (the chapter's own summary, `workbook run`, `list`, `all` and
/// the report): out of the checks manifest's maximum when the package has one
/// (a learner edition, where it counts the grader's hidden checks too), else
/// out of the checks the run recorded.
public struct ChapterPoints: Sendable, Equatable {
    public var points: Int
    public var maxPoints: Int
    /// Part of `maxPoints` in checks only the grader runs.
    public var hiddenPoints: Int

    public init(chapter: Int, record: ChapterRecord?, manifest: CheckManifest?) {
        points = record?.points ?? 0
        if let manifest {
            maxPoints = manifest.maxPoints(ofChapter: chapter)
            hiddenPoints = manifest.hiddenPoints(ofChapter: chapter)
        } else {
            maxPoints = record?.maxPoints ?? 0
            hiddenPoints = 0
        }
    }

    /// "16/18 pts", for tables.
    public var shortText: String { "\(points)/\(maxPoints) pts" }

    /// "16 of 18 points if the grader's checks agree (2 in checks only the grader
    /// runs)": an exercise's points count only when the grader's own check of it
    /// passes (the grader's `ScoringRule`); "16/18 points" where no check is the grader's.
    public var text: String {
        hiddenPoints > 0
            ? "\(points) of \(maxPoints) points if the grader's checks agree (\(hiddenPoints) in checks only the grader runs)"
            : "\(points)/\(maxPoints) points"
    }
}
