import Foundation
import Workbook

/// `index.md`: one row per chapter with its results, thumbnails of its figures
/// and a link to its page, then the totals.
enum ReportIndexPage {
    /// `manifest`, in a learner edition, gives the real maximum of points: the
    /// totals then count the checks of chapters that stopped early or never ran.
    static func markdown(for chapters: [ReportChapter], written date: Date, manifest: CheckManifest? = nil) -> String {
        let runs = chapters.map(\.run)
        let records = runs.compactMap(\.record)
        let passedChapters = runs.filter { $0.status == .passed }.count
        let checks = records.map(\.checks.count).reduce(0, +)
        let passedChecks = records.map(\.passedCount).reduce(0, +)
        let points = records.map(\.points).reduce(0, +)
        let maxPoints = manifest?.maxPoints ?? records.map(\.maxPoints).reduce(0, +)
        let seconds = runs.map(\.seconds).reduce(0, +)

        var lines = [
            "# NeuralWorkbook report",
            "",
            "Written \(ReportFormat.date(date)). Each chapter's page shows its text and code "
                + "with the result of every check and the figures it drew.",
            "",
            Markdown.tableRow(["#", "Chapter", "Status", "Checks", "Points", "Time", "Figures"]),
            "|--:|---|---|--:|--:|--:|---|",
        ]
        for chapter in chapters {
            let record = chapter.run.record
            lines.append(Markdown.tableRow([
                "\(chapter.info.number)",
                Markdown.link(chapter.info.title, to: chapter.pageName),
                Markdown.cell(ReportFormat.status(chapter.run.status)),
                ReportFormat.checks(record),
                ReportFormat.points(record, out: chapter.points),
                ReportFormat.seconds(chapter.run.seconds),
                figureCell(chapter.figures),
            ]))
        }
        lines += [
            "",
            "**Total:** \(passedChapters) of \(chapters.count) chapters passed · "
                + "\(passedChecks)/\(checks) checks · \(ReportFormat.points(points, of: maxPoints)) · "
                + "\(ReportFormat.seconds(seconds))",
        ]
        if let manifest, manifest.hiddenPoints > 0 {
            lines += ["", "The total counts \(manifest.hiddenPoints) points of checks that only the grader runs."]
        }
        if let next = chapters.first(where: { $0.run.status != .passed }) {
            lines += [
                "",
                "**Next:** \(Markdown.link("chapter \(next.info.number), \(next.info.title)", to: next.pageName)) "
                    + "\(Markdown.inline(ReportFormat.advice(next.run.status))). "
                    + "Then run `./workbook run \(next.info.number)`.",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Thumbnails that open the full figure; a figure that is missing is named, not linked.
    private static func figureCell(_ figures: [ReportFigure]) -> String {
        guard !figures.isEmpty else { return "" }
        return figures.map { figure in
            if let path = figure.path { return Markdown.thumbnail(figure.caption, at: path) }
            return Markdown.cell("(\(figure.caption): not drawn)")
        }.joined(separator: " ")
    }
}
