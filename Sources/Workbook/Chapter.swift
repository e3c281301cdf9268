import Foundation

/// The harness a chapter runs its checks in.
///
///     let chapter = Chapter(7)
///     chapter.check("one step by hand", points: 2) {
///         try expect(daPrev, closeTo: [0.1, -0.3], tolerance: 1e-12)
///     }
///     chapter.finish()
///
/// Each check prints as it runs; `finish` prints a summary and exits non-zero
/// when a check failed. The record of the checks (see `ChapterRecord`) goes to
/// `$WORKBOOK_RECORD`, or to `.build/workbook/chapter-NN.json` in the package,
/// and figures to `$WORKBOOK_OUTPUT/figures` (default `Output/figures`).
@MainActor
public final class Chapter {
    public let info: ChapterInfo
    /// The package folder, found from the chapter's own source path.
    public let packageRoot: URL
    /// Where reports and figures go.
    public let outputFolder: URL
    private let recordURL: URL
    private var record: ChapterRecord
    private let started = Date()
    /// The grader's channel, when a grader runs this chapter (see `ResultChannel`).
    private let channel: ResultChannel?

    /// Starts chapter `number` of the catalog. `file` locates the package.
    public init(_ number: Int, file: String = #filePath) {
        guard let info = Catalog.chapter(number) else {
            fatalError("there is no chapter \(number) in the catalog")
        }
        self.info = info
        // Chapters/NN-name/main.swift → the package folder.
        packageRoot = URL(fileURLWithPath: file).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let environment = ProcessInfo.processInfo.environment
        outputFolder = environment["WORKBOOK_OUTPUT"].map { URL(fileURLWithPath: $0) }
            ?? packageRoot.appendingPathComponent("Output")
        recordURL = environment["WORKBOOK_RECORD"].map { URL(fileURLWithPath: $0) }
            ?? Chapter.defaultRecordURL(for: info, in: packageRoot)
        record = ChapterRecord(chapter: info.number, title: info.title)
        channel = ResultChannel.openIfRequested(chapter: info.number)
        Console.line(Console.bold("Chapter \(info.number) · \(info.title)"))
        save()
    }

    /// Where a chapter run directly leaves its record, for `workbook list`.
    public nonisolated static func defaultRecordURL(for info: ChapterInfo, in packageRoot: URL) -> URL {
        packageRoot.appendingPathComponent(".build/workbook/\(info.slug).json")
    }

    /// A file in the package, e.g. `chapter.resource("Data/moons.csv")`.
    public func resource(_ relativePath: String) -> URL {
        packageRoot.appendingPathComponent(relativePath)
    }

    /// Runs one check: it passes when `body` returns and fails with the message
    /// of whatever it throws.
    public func check(_ name: String, points: Int = 1, hidden: Bool = false, _ body: () throws -> Void) {
        let result: CheckResult
        do {
            try body()
            result = CheckResult(name: name, points: points, passed: true, message: "", hidden: hidden)
        } catch {
            result = CheckResult(name: name, points: points, passed: false,
                                 message: String(describing: error), hidden: hidden)
        }
        record.checks.append(result)
        channel?.send(result)
        save()
        let pointsText = points == 1 ? "1 pt" : "\(points) pts"
        if result.passed {
            Console.line("  \(Console.green("✓")) \(name)  \(Console.dim("(\(pointsText))"))")
        } else {
            Console.line("  \(Console.red("✗")) \(name)  \(Console.dim("(\(pointsText))"))")
            for line in result.message.split(separator: "\n") {
                Console.line("      \(line)")
            }
        }
    }

    /// Prints a line of the chapter's own output (results worth reading).
    public func note(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            Console.line("  \(Console.dim("│")) \(line)")
        }
    }

    /// Draws a figure: `draw` writes a PNG to the URL it is given, which lies in
    /// the output's `figures` folder. A figure that fails to draw is reported,
    /// not fatal: the checks are what the chapter is about.
    public func figure(_ name: String, caption: String, _ draw: (URL) throws -> Void) {
        let relative = "figures/\(info.slug)-\(name).png"
        let url = outputFolder.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try draw(url)
            record.figures.append(FigureRecord(path: relative, caption: caption))
            save()
            Console.line("  \(Console.dim("▣")) figure: \(url.path)")
        } catch {
            Console.line("  \(Console.yellow("!")) could not draw \(relative): \(error)")
        }
    }

    /// Prints the summary, writes the final record and exits: 0 when every check
    /// passed, 1 otherwise.
    public func finish() -> Never {
        record.finished = true
        channel?.finish(checks: record.checks.count)
        save()
        let total = record.checks.count
        let passed = record.passedCount
        let summary = "\(passed) of \(total) checks passed · \(record.points)/\(record.maxPoints) points"
        Console.line(passed == total ? Console.green(summary) : Console.red(summary))
        if passed < total, let first = record.checks.first(where: { !$0.passed }) {
            Console.line("First to fix: \(first.name)")
        }
        exit(passed == total ? 0 : 1)
    }

    private func save() {
        record.seconds = Date().timeIntervalSince(started)
        do {
            try record.write(to: recordURL)
        } catch {
            Console.error("could not write the chapter record \(recordURL.path): \(error)")
        }
    }
}
