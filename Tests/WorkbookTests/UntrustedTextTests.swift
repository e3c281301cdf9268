import Testing
import Workbook

/// What a submission chose reaches a terminal or a report with its control
/// characters written out, never acted on.
struct UntrustedTextTests {
    @Test func controlsAreEscapedAndPlainTextIsKept() {
        #expect(UntrustedText.escaped("plain é ∂L/∂ŷ\n\tnext") == "plain é ∂L/∂ŷ\n\tnext")
        #expect(UntrustedText.escaped("\u{1B}[2J\u{1B}]0;owned\u{07}") == "\\u{1B}[2J\\u{1B}]0;owned\\u{7}")
        #expect(UntrustedText.escaped("a\u{7F}b\u{85}c\u{9B}d") == "a\\u{7F}b\\u{85}c\\u{9B}d")
        #expect(UntrustedText.escaped("x\u{202E}y\u{2066}z\u{2028}") == "x\\u{202E}y\\u{2066}z\\u{2028}")
        #expect(UntrustedText.escaped("one\ntwo\tthree", keepingLineBreaks: false) == "one\\u{A}two\\u{9}three")
        #expect(UntrustedText.escaped("\r") == "\\u{D}")
    }
}
