import Testing
import Workbook

/// Whatever a chapter records or a learner names must not break the page it
/// lands in: the report, feedback.md, summary.md and results.json all escape
/// and fence it with `Markdown`.
struct MarkdownEscapingTests {
    @Test func tableCellsEscapePipesAndKeepLineBreaks() {
        #expect(Markdown.cell("a | b\nc") == "a \\| b<br>c")
        #expect(Markdown.cell("x\r\ny") == "x<br>y")
        #expect(Markdown.cell("2*3 and [link](x)") == "2\\*3 and \\[link\\](x)")
    }

    /// Each writer used to escape its own set: the report left `#` and `~`,
    /// summary.md left `~`, and results.json's cells escaped only pipes.
    @Test func inlineTextEscapesEveryMarkAndHasNoLineBreaks() {
        #expect(Markdown.inline("one\ntwo") == "one two")
        #expect(Markdown.inline("[ada](https://example.com) #1 ~~struck~~ <b>*x*_y_</b> `z` | \\")
                == ##"\[ada\](https://example.com) \#1 \~\~struck\~\~ \<b\>\*x\*\_y\_\</b\> \`z\` \| \\"##)
    }

    @Test func theFenceOutgrowsBackticksInTheCode() {
        #expect(Markdown.fencedCode("let s = \"````\"", language: "swift") == "`````swift\nlet s = \"````\"\n`````")
        #expect(Markdown.fencedCode("```\n# not a heading\n```") == "````\n```\n# not a heading\n```\n````")
    }

    @Test(arguments: [
        ("text\n```swift\nlet x = 1", "```"),
        ("````\n```\nstill code", "````"),
        ("````\ncode\n`````\nafter", nil),
        ("   ```\nthree spaces open a fence", "```"),
        ("    ```\nfour make indented code", nil),
        ("``` a`b\nnot a fence: a backtick in the info string", nil),
        ("```\ncode\n``` trailing\nstill code", "```"),
        ("```\r\ncode\r\n```\r\n", nil),
    ] as [(String, String?)])
    func openFences(text: String, fence: String?) {
        #expect(Markdown.openFence(atEndOf: text) == fence)
    }
}
