import Foundation
import Testing
@testable import Report
import Workbook

/// The report from synthetic chapter runs and tiny chapter sources in a temporary
/// folder: right counts, every link resolving, nothing touched outside the output.
struct ReportWriterTests {
    /// `package/` with two chapter sources, `output/` with a figure and a file of
    /// the user's, and a file beside them that a stray `..` could reach.
    struct Sandbox {
        let root: URL
        var package: URL { root.appendingPathComponent("package") }
        var output: URL { root.appendingPathComponent("output") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
            try write("""
                /*:
                 # Chapter 1 · A single neuron

                 The weighted sum:

                     z = w·x + b
                 */
                import Workbook
                let chapter = Chapter(1)

                //: First check.
                chapter.check("sum by hand") {}
                chapter.check("output in (0, 1)", points: 2) {}
                // BEGIN HIDDEN TESTS
                chapter.check("secret", hidden: true) {}
                // END HIDDEN TESTS
                chapter.finish()
                """, to: "package/Chapters/01-neuron/main.swift")
            try write("""
                //: # Chapter 2 · Activations
                //:
                //: A curve.
                chapter.figure("curve", caption: "ReLU | sigmoid") { _ in }
                chapter.check("derivative") {}
                for point in [1, 2] {
                    chapter.check("gradient check at \\(point)") {}
                }
                """, to: "package/Chapters/02-activations/main.swift")
            try write("PNG", to: "output/figures/chapter-02-curve.png")
            try write("my notes", to: "output/notes.txt")
            try write("escaped", to: "outside.png")
        }

        func write(_ text: String, to path: String) throws {
            try AtomicFile.write(text, to: root.appendingPathComponent(path))
        }

        func page(_ name: String) throws -> String {
            try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
        }

        /// Every file outside `output/` with its size and modification date.
        func filesOutsideOutput() throws -> [String: String] {
            var files: [String: String] = [:]
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
            for case let url as URL in enumerator where !url.standardizedFileURL.path.hasPrefix(output.standardizedFileURL.path) {
                let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
                files[url.path] = "\(attributes[.size] ?? "") \(attributes[.modificationDate] ?? "")"
            }
            return files
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func runs() -> [ChapterRun] {
        let one = ChapterRecord(chapter: 1, title: "A single neuron", checks: [
            CheckResult(name: "sum by hand", points: 1, passed: true, message: ""),
            CheckResult(name: "output in (0, 1)", points: 2, passed: true, message: ""),
            CheckResult(name: "secret", points: 3, passed: false, message: "the answer is 42", hidden: true),
        ], finished: true, seconds: 0.25)
        let two = ChapterRecord(chapter: 2, title: "Activations", checks: [
            CheckResult(name: "derivative", points: 1, passed: false, message: "expected 1 | 2\ngot 3"),
            CheckResult(name: "gradient check at 1", points: 1, passed: true, message: ""),
            CheckResult(name: "gradient check at 2", points: 1, passed: true, message: ""),
        ], figures: [
            FigureRecord(path: "figures/chapter-02-curve.png", caption: "ReLU | sigmoid"),
            FigureRecord(path: "figures/chapter-02-never.png", caption: "never drawn"),
            FigureRecord(path: "../outside.png", caption: "outside"),
        ], finished: true, seconds: 1.5)
        return [
            ChapterRun(info: Catalog.chapter(1)!, status: .failed, record: one,
                       output: "  ✓ sum by hand  (1 pt)\n  ✗ secret  (3 pts)\n      the answer is 42\n  │ a note\n",
                       seconds: 0.3),
            ChapterRun(info: Catalog.chapter(2)!, status: .failed, record: two, output: "", seconds: 1.6),
            ChapterRun(info: Catalog.chapter(3)!, status: .crashed(signal: 4, exitStatus: nil), record: nil,
                       output: "\u{1B}[31mFatal error\u{1B}[0m: index out of range\n", seconds: 0.1),
        ]
    }

    @Test func theIndexCountsChecksAndPointsPerChapterAndInTotal() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try ReportWriter(outputFolder: sandbox.output, packageRoot: sandbox.package).write(Self.runs())
        let index = try sandbox.page("index.md")
        #expect(index.contains("| 1 | [A single neuron](chapter-01.md) | ✗ failed | 2/3 | 3/6 pts |"))
        #expect(index.contains("| 2 | [Activations](chapter-02.md) | ✗ failed | 2/3 | 2/3 pts |"))
        #expect(index.contains("| 3 | [Layers](chapter-03.md) | ✗ crashed (signal 4, SIGILL) | — | — |"))
        #expect(index.contains("**Total:** 0 of 3 chapters passed · 4/6 checks · 5/9 pts"))
        #expect(index.contains("<img src=\"figures/chapter-02-curve.png\""))
        #expect(index.contains("never drawn: not drawn"))
    }

    /// In a learner edition, chapter 2 also has the grader's hidden check of its
    /// exercise (`HiddenCheckCatalog`, 2 points): the index row, the chapter's page, its own summary and `list` (all
    /// through `ChapterPoints`) count out of 5, not out of the 3 that ran.
    @Test func aChaptersPointsReadTheSameOnEveryPage() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let runs = Self.runs()
        let manifest = CheckManifest(records: runs.compactMap(\.record))
        try #require(manifest.hiddenPoints(ofChapter: 2) == 2)
        try sandbox.write(String(decoding: try manifest.jsonData(), as: UTF8.self), to: "package/\(CheckManifest.relativePath)")
        try ReportWriter(outputFolder: sandbox.output, packageRoot: sandbox.package).write(runs)

        let points = ChapterPoints(chapter: 2, record: runs[1].record, manifest: manifest)
        #expect(points.text == "2 of 5 points if the grader's checks agree (2 in checks only the grader runs)")
        #expect(try sandbox.page("index.md").contains("| 2 | [Activations](chapter-02.md) | ✗ failed | 2/3 | 2/5 pts |"))
        let page = try sandbox.page("chapter-02.md")
        #expect(page.contains("2 of 3 checks · 2/5 pts"))
        #expect(page.contains("2 of 3 checks passed, 2/5 pts, 2 of them in checks only the grader runs."))
        // Without a manifest (the instructor's copy) the run's own checks are the maximum.
        #expect(ChapterPoints(chapter: 2, record: runs[1].record, manifest: nil).text == "2/3 points")
    }

    @Test func everyLinkAndImageResolvesInsideTheOutputFolder() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let written = try ReportWriter(outputFolder: sandbox.output, packageRoot: sandbox.package).write(Self.runs())
        #expect(written.unresolvedLinks.isEmpty)
        let names = ["index.md", "chapter-01.md", "chapter-02.md", "chapter-03.md"]
        #expect(written.pages.map(\.lastPathComponent) == names)
        var linkCount = 0
        for name in names {
            let page = sandbox.output.appendingPathComponent(name)
            #expect(try MarkdownLinks.unresolved(in: page, root: sandbox.output) == [], "in \(name)")
            linkCount += MarkdownLinks.targets(in: try sandbox.page(name)).count
        }
        #expect(linkCount > 10, "the pages link to each other and to the figure")
        #expect(!(try sandbox.page("chapter-02.md")).contains("outside.png]("))
    }

    @Test func chapterPagesWeaveTheSourceWithResultsAndFigures() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try ReportWriter(outputFolder: sandbox.output, packageRoot: sandbox.package).write(Self.runs())
        let one = try sandbox.page("chapter-01.md")
        #expect(one.contains("# Chapter 1 · A single neuron\n\n> **✗ failed** · 2 of 3 checks · 3/6 pts"))
        #expect(one.contains("The weighted sum:\n\n    z = w·x + b"))
        #expect(one.contains("```swift\nchapter.check(\"sum by hand\") {}\nchapter.check(\"output in (0, 1)\", points: 2) {}\nchapter.finish()\n```\n\n> **✓ Check passed:** sum by hand · 1/1 pt"))
        #expect(!one.contains("BEGIN HIDDEN"))
        #expect(one.contains("| ✗ | secret (hidden) | 0/3 pts | details withheld |"))
        #expect(!one.contains("42"), "a hidden check's message stays hidden, in the table and in the printed output")
        #expect(one.contains("<summary>What the chapter printed</summary>\n\n```text\n  ✓ sum by hand  (1 pt)\n  │ a note\n```"))

        let two = try sandbox.page("chapter-02.md")
        #expect(two.contains("![ReLU \\| sigmoid](figures/chapter-02-curve.png)\n\n*ReLU \\| sigmoid*"))
        #expect(two.contains("| ✗ | derivative | 0/1 pt | expected 1 \\| 2<br>got 3 |"))
        #expect(two.contains("> **✗ Check failed:** derivative · 0/1 pt\n> ```text\n> expected 1 | 2\n> got 3\n> ```"))
        #expect(two.contains("Figure not drawn: never drawn"))
        #expect(two.contains("> got 3\n> ```\n\n> **✓ Check passed:** gradient check at 1 · 1/1 pt\n\n> **✓ Check passed:** gradient check at 2 · 1/1 pt"),
                "checks named in a loop show after the loop")

        let three = try sandbox.page("chapter-03.md")
        #expect(three.contains("# Chapter 3 · Layers"))
        #expect(three.contains("could not be read"))
        #expect(three.contains("Fatal error: index out of range"))
        #expect(!three.contains("\u{1B}"))
    }

    @Test func nothingOutsideTheOutputFolderChangesAndTheUsersFilesSurvive() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let before = try sandbox.filesOutsideOutput()
        let writer = ReportWriter(outputFolder: sandbox.output, packageRoot: sandbox.package)
        try writer.write(Self.runs())
        try writer.write(Self.runs())
        #expect(try sandbox.filesOutsideOutput() == before)
        #expect(try sandbox.page("notes.txt") == "my notes")
        let left = try FileManager.default.contentsOfDirectory(atPath: sandbox.output.path).sorted()
        #expect(left == [".report-manifest", "chapter-01.md", "chapter-02.md", "chapter-03.md", "figures", "index.md", "notes.txt"])
    }

    @Test func onlyPagesTheReportWroteBeforeAreRemoved() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write("the user's own page", to: "output/chapter-09.md")
        let writer = ReportWriter(outputFolder: sandbox.output, packageRoot: sandbox.package)
        try writer.write(Self.runs())
        try writer.write(Array(Self.runs().prefix(1)))
        let manager = FileManager.default
        #expect(!manager.fileExists(atPath: sandbox.output.appendingPathComponent("chapter-02.md").path))
        #expect(!manager.fileExists(atPath: sandbox.output.appendingPathComponent("chapter-03.md").path))
        #expect(try sandbox.page("chapter-09.md") == "the user's own page")
        #expect(try sandbox.page("notes.txt") == "my notes")
        #expect(manager.fileExists(atPath: sandbox.output.appendingPathComponent("figures/chapter-02-curve.png").path))
        #expect(try MarkdownLinks.unresolved(in: sandbox.output.appendingPathComponent("chapter-01.md"), root: sandbox.output) == [])
    }

    @Test func anOpenExerciseSaysSoWithoutEmptyCounts() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let open = ChapterRun(info: Catalog.chapter(1)!, status: .exerciseOpen,
                              record: ChapterRecord(chapter: 1, title: "A single neuron"),
                              output: "Chapter 1 · A single neuron\n✎ Exercise 1.1 (Neuron.weightedSum) is still open.\n",
                              seconds: 0.02)
        try ReportWriter(outputFolder: sandbox.output, packageRoot: sandbox.package).write([open])
        let index = try sandbox.page("index.md")
        #expect(index.contains("| 1 | [A single neuron](chapter-01.md) | ✗ exercise open | — | — |"))
        #expect(index.contains("has an exercise still to write"))
        let page = try sandbox.page("chapter-01.md")
        #expect(page.contains("> **✗ exercise open** · 0.02 s"))
        #expect(page.contains("> ✎ Exercise 1.1 (Neuron.weightedSum) is still open."))
        #expect(page.contains("No checks were recorded: the chapter stopped at an exercise that is still to write."))
        #expect(!page.contains("<details>"), "the output is short and shown at the top already")
    }

    @Test func aHandEditedManifestCannotDeleteOtherFiles() {
        #expect(ReportWriter.isPageName("chapter-04.md"))
        #expect(!ReportWriter.isPageName("../secrets.md"))
        #expect(!ReportWriter.isPageName("figures/chapter-08-loss.png"))
        #expect(!ReportWriter.isPageName("README.md"))
        #expect(!ReportWriter.isPageName("notes.txt"))
    }
}
