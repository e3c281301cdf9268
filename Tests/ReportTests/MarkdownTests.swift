import Foundation
import Testing
@testable import Report
import Workbook

/// The report's links and images resolve, and its thumbnails escape their text
/// (the escaping itself is tested with `Markdown` in WorkbookTests).
struct MarkdownTests {
    @Test func linkTargetsArePercentEncoded() {
        #expect(Markdown.image("a (b)", at: "figures/my plot (1).png") == "![a (b)](figures/my%20plot%20%281%29.png)")
    }

    @Test func thumbnailsEscapeTheirDescription() {
        let html = Markdown.thumbnail("say \"hi\" <now>", at: "figures/a.png", width: 100)
        #expect(html == "<a href=\"figures/a.png\"><img src=\"figures/a.png\" width=\"100\" alt=\"say &quot;hi&quot; &lt;now&gt;\"></a>")
    }

    @Test func linksAreFoundOutsideCodeOnly() {
        let page = """
            See [the page](chapter-01.md) and ![a figure](figures/a%20b.png).
            <a href="figures/c.png"><img src="figures/c.png" width="160" alt="c"></a>
            Not `[code](ignored.md)` and not \\[escaped\\](x.md), as Markdown.inline writes it.

            ```swift
            let link = "[inside](fence.md)"
            ```
            [web](https://example.com) and [anchor](#results)
            """
        #expect(MarkdownLinks.targets(in: page) == [
            "chapter-01.md", "figures/a b.png", "figures/c.png", "figures/c.png",
            "https://example.com", "#results",
        ])
    }

    @Test func unresolvedLinksAreMissingFilesOrLeaveTheFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try AtomicFile.write("x", to: folder.appendingPathComponent("here.md"))
        let page = folder.appendingPathComponent("page.md")
        try AtomicFile.write("[ok](here.md) [gone](gone.md) [out](../page.md) [abs](/etc/hosts) [web](http://x.org)", to: page)
        #expect(try MarkdownLinks.unresolved(in: page, root: folder) == ["gone.md", "../page.md", "/etc/hosts"])
    }
}
