import Foundation
import Workbook

/// Writes the Markdown report of a set of chapter runs into an output folder:
/// `index.md` and one `chapter-NN.md` per chapter, each written whole.
///
/// It writes nothing outside the folder and deletes only pages it wrote there
/// itself on an earlier run (listed in its manifest) that this run no longer
/// writes; everything else in the folder is left alone. The figures are the
/// chapters' own, drawn into `figures/` while they ran.
public struct ReportWriter: Sendable {
    public var outputFolder: URL
    /// The package, where the chapters' sources are read from.
    public var packageRoot: URL

    /// The list of pages the report wrote, so a later run knows what it may remove.
    static let manifestName = ".report-manifest"

    public init(outputFolder: URL, packageRoot: URL) {
        self.outputFolder = outputFolder.standardizedFileURL
        self.packageRoot = packageRoot
    }

    public struct Written: Sendable {
        public var index: URL
        public var pages: [URL]
        /// Links or images that name no file in the output folder: empty unless
        /// something removed a figure while the report was written.
        public var unresolvedLinks: [String]
    }

    @discardableResult
    public func write(_ runs: [ChapterRun], date: Date = Date()) throws -> Written {
        let manifest = CheckManifest.read(in: packageRoot)
        let chapters = runs.map {
            ReportChapter(run: $0, packageRoot: packageRoot, outputFolder: outputFolder, manifest: manifest)
        }
        var pages: [(name: String, text: String)] = [
            ("index.md", ReportIndexPage.markdown(for: chapters, written: date, manifest: manifest)),
        ]
        for (position, chapter) in chapters.enumerated() {
            let previous = position > 0 ? chapters[position - 1] : nil
            let next = position + 1 < chapters.count ? chapters[position + 1] : nil
            pages.append((chapter.pageName, ReportChapterPage.markdown(for: chapter, previous: previous, next: next)))
        }

        let urls = pages.map { outputFolder.appendingPathComponent($0.name) }
        for (page, url) in zip(pages, urls) {
            try AtomicFile.write(page.text, to: url)
        }
        try removePagesNoLongerWritten(keeping: pages.map(\.name))

        var unresolved: [String] = []
        for url in urls {
            unresolved += try MarkdownLinks.unresolved(in: url, root: outputFolder).map { "\(url.lastPathComponent): \($0)" }
        }
        return Written(index: urls[0], pages: urls, unresolvedLinks: unresolved)
    }

    /// Pages an earlier report wrote for chapters this one does not have; the
    /// manifest then lists exactly the pages now in the folder.
    private func removePagesNoLongerWritten(keeping names: [String]) throws {
        let manifest = outputFolder.appendingPathComponent(Self.manifestName)
        let earlier = (try? String(contentsOf: manifest, encoding: .utf8))?
            .split(separator: "\n").map(String.init) ?? []
        for name in earlier where !names.contains(name) && Self.isPageName(name) {
            try? FileManager.default.removeItem(at: outputFolder.appendingPathComponent(name))
        }
        try AtomicFile.write(names.joined(separator: "\n") + "\n", to: manifest)
    }

    /// Only a plain `….md` name in the folder itself: a manifest edited by hand
    /// cannot make the report delete anything else.
    static func isPageName(_ name: String) -> Bool {
        name.hasSuffix(".md") && !name.contains("/") && !name.hasPrefix(".") && name != "README.md"
    }
}
