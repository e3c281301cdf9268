import Foundation
import Workbook

/// `chapter-NN.md`: the chapter's text and code as the learner reads them in the
/// source, each check's result right after the code that runs it, the figures
/// where they are drawn, and the table of every check at the end.
enum ReportChapterPage {
    static func markdown(for chapter: ReportChapter, previous: ReportChapter?, next: ReportChapter?) -> String {
        var blocks: [String] = [navigation(previous: previous, next: next)]
        var segments = chapter.segments ?? []
        var remainingChecks = chapter.checks.filter { !$0.hidden }
        var remainingFigures = chapter.figures

        // The chapter's own `# …` heading comes first, then how the run went.
        if case .prose(let text)? = segments.first, text.hasPrefix("# ") {
            let heading = text.prefix { $0 != "\n" }
            blocks.append(String(heading))
            let rest = text.dropFirst(heading.count).drop { $0 == "\n" }
            segments[0] = .prose(String(rest))
        } else {
            blocks.append("# Chapter \(chapter.info.number) · \(Markdown.inline(chapter.info.title))")
        }
        blocks.append(statusBlock(chapter))

        if chapter.segments == nil {
            blocks.append("*The chapter's source, `\(chapter.info.sourcePath)`, could not be read.*")
        }
        for segment in segments {
            switch segment {
            case .prose(let text):
                if !text.isEmpty { blocks.append(text) }
            case .code(let code):
                blocks.append(Markdown.fencedCode(code, language: "swift"))
                for name in ChapterCalls.checkNames(in: code) {
                    // A check in a loop runs once per pass: all of its results belong here.
                    while let index = remainingChecks.firstIndex(where: { name.matches($0.name) }) {
                        blocks.append(inlineResult(remainingChecks.remove(at: index)))
                        if case .exact = name { break }
                    }
                }
                for name in ChapterCalls.figureNames(in: code) {
                    let prefix = "figures/\(chapter.info.slug)-"
                    while let index = remainingFigures.firstIndex(where: { figure in
                        figure.recordedPath.hasPrefix(prefix) && figure.recordedPath.hasSuffix(".png")
                            && name.matches(String(figure.recordedPath.dropFirst(prefix.count).dropLast(4)))
                    }) {
                        blocks.append(figureBlock(remainingFigures.remove(at: index)))
                        if case .exact = name { break }
                    }
                }
            }
        }
        if !remainingFigures.isEmpty {
            blocks.append("## Figures")
            blocks += remainingFigures.map(figureBlock)
        }
        if let printed = printedOutput(chapter.run) { blocks.append(printed) }
        blocks.append(resultsSection(chapter))
        blocks.append(navigation(previous: previous, next: next))
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private static func navigation(previous: ReportChapter?, next: ReportChapter?) -> String {
        var links = [Markdown.link("Report", to: "index.md")]
        if let previous {
            links.append(Markdown.link("← \(previous.info.number). \(previous.info.title)", to: previous.pageName))
        }
        if let next {
            links.append(Markdown.link("\(next.info.number). \(next.info.title) →", to: next.pageName))
        }
        return links.joined(separator: " · ")
    }

    /// One line on the run, and when it went wrong, what the learner needs to see first.
    private static func statusBlock(_ chapter: ReportChapter) -> String {
        let run = chapter.run
        var summary = "**\(Markdown.inline(ReportFormat.status(run.status)))**"
        if let record = run.record, !record.checks.isEmpty {
            summary += " · \(record.passedCount) of \(record.checks.count) checks · "
                + ReportFormat.points(chapter.points.points, of: chapter.points.maxPoints)
        }
        summary += " · \(ReportFormat.seconds(run.seconds)) · source `\(chapter.info.sourcePath)`"
        var lines = ["> " + summary]

        switch run.status {
        case .passed, .notRun:
            break
        case .failed:
            if let first = chapter.checks.first(where: { !$0.passed }) {
                lines += [">", "> First to fix: **\(Markdown.inline(first.name))**. See [the results](#results)."]
            }
        case .didNotBuild(let errors):
            lines += [">", "> The chapters did not build. The compiler's first errors:", ">"]
            lines += quoted(Markdown.fencedCode(ReportFormat.plainText(errors), language: "text"))
        case .exerciseOpen, .crashed, .timedOut, .tamperingSuspected, .couldNotStart:
            let tail = ReportFormat.tail(run)
            if !tail.isEmpty {
                let heading = run.status == .exerciseOpen ? "The chapter stopped at an exercise still to write:"
                                                          : "The end of what the chapter printed:"
                lines += [">", "> \(heading)", ">"]
                lines += quoted(Markdown.fencedCode(tail, language: "text"))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Everything the chapter printed (its notes as well as its checks), folded
    /// away: worth a look, but not what the page is about.
    private static func printedOutput(_ run: ChapterRun, limit: Int = 400) -> String? {
        let lines = ReportFormat.printedLines(run)
        // A chapter that stopped early had the end of its output shown at the top already.
        let shownAtTop = ReportFormat.showsOutputTail(run.status) ? ReportFormat.tailLength : 0
        guard lines.count > shownAtTop else { return nil }
        var text = lines.prefix(limit).joined(separator: "\n")
        if lines.count > limit { text += "\n… and \(lines.count - limit) more lines" }
        return """
            <details>
            <summary>What the chapter printed</summary>

            \(Markdown.fencedCode(text, language: "text"))

            </details>
            """
    }

    private static func inlineResult(_ check: CheckResult) -> String {
        let points = check.passed ? ReportFormat.points(check.points, of: check.points)
                                  : ReportFormat.points(0, of: check.points)
        let mark = check.passed ? "✓ Check passed:"
            : check.waitsFor.map { "◦ Check waits for exercise \($0):" } ?? "✗ Check failed:"
        var lines = ["> **\(mark)** \(Markdown.inline(check.name)) · \(points)"]
        if !check.passed && !check.message.isEmpty {
            lines += quoted(Markdown.fencedCode(check.message, language: "text"))
        }
        return lines.joined(separator: "\n")
    }

    private static func figureBlock(_ figure: ReportFigure) -> String {
        guard let path = figure.path else {
            return "*Figure not drawn: \(Markdown.inline(figure.caption)) (no file `\(figure.recordedPath)` in the output folder).*"
        }
        return Markdown.image(figure.caption, at: path) + "\n\n*\(Markdown.inline(figure.caption))*"
    }

    private static func resultsSection(_ chapter: ReportChapter) -> String {
        var lines = ["## Results", ""]
        guard let record = chapter.run.record, !record.checks.isEmpty else {
            lines.append("No checks were recorded: \(Markdown.inline(ReportFormat.reasonForNoChecks(chapter.run.status))).")
            return lines.joined(separator: "\n")
        }
        lines.append("\(record.passedCount) of \(record.checks.count) checks passed, "
                     + "\(ReportFormat.points(chapter.points.points, of: chapter.points.maxPoints))"
                     + (chapter.points.hiddenPoints > 0 ? ", \(chapter.points.hiddenPoints) of them in checks only the grader runs." : "."))
        if !record.finished {
            lines.append("The chapter stopped before its end, so checks after these did not run.")
        }
        lines += [
            "",
            Markdown.tableRow(["", "Check", "Points", "Message"]),
            "|:-:|---|--:|---|",
        ]
        for check in record.checks {
            let name = check.hidden ? "\(check.name) (hidden)" : check.name
            let message = check.hidden && !check.passed ? "details withheld" : check.message
            lines.append(Markdown.tableRow([
                check.passed ? "✓" : check.waitsFor == nil ? "✗" : "◦",
                Markdown.cell(name),
                ReportFormat.points(check.passed ? check.points : 0, of: check.points),
                Markdown.cell(message),
            ]))
        }
        return lines.joined(separator: "\n")
    }

    private static func quoted(_ block: String) -> [String] {
        block.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> \($0)" }
    }
}
