import Testing
@testable import Report
import Workbook

/// The weaver turns a chapter's source into the page a learner reads: prose as
/// written, code fenced, instructor-only checks left out.
struct LiterateWeaverTests {
    @Test func proseBlocksAndCodeAlternate() {
        let source = """
            /*:
             # Title

             Some *prose*.
             */
            import Foundation

            let x = 1
            //: Between the code.
            print(x)
            """
        #expect(LiterateWeaver.segments(of: source) == [
            .prose("# Title\n\nSome *prose*."),
            .code("import Foundation\n\nlet x = 1"),
            .prose("Between the code."),
            .code("print(x)"),
        ])
    }

    @Test func commonIndentationGoesButIndentedCodeInsideProseStays() {
        let source = """
            /*:
               The sum:

                   z = w·x + b

               and then more.
             */
            """
        #expect(LiterateWeaver.segments(of: source) == [
            .prose("The sum:\n\n    z = w·x + b\n\nand then more."),
        ])
    }

    @Test func nestedIndentationOfAListSurvives() {
        let source = """
                /*:
                  - one
                    - nested
                      - deeper
                  - two
                  */
            """
        #expect(LiterateWeaver.segments(of: source) == [.prose("- one\n  - nested\n    - deeper\n- two")])
    }

    @Test func aBlockOnOneLine() {
        #expect(LiterateWeaver.segments(of: "/*: Just this. */\nlet y = 2") == [
            .prose("Just this."),
            .code("let y = 2"),
        ])
    }

    @Test func proseOnTheOpeningLineDoesNotSetTheIndentation() {
        let source = "/*: # Heading\n    Text under it.\n\n        indented code\n */"
        #expect(LiterateWeaver.segments(of: source) == [
            .prose("# Heading\nText under it.\n\n    indented code"),
        ])
    }

    @Test func nestedBlockCommentsDoNotEndTheProse() {
        let source = "/*:\n Write `/* a comment */` like this.\n */\nlet z = 3"
        #expect(LiterateWeaver.segments(of: source) == [
            .prose("Write `/* a comment */` like this."),
            .code("let z = 3"),
        ])
    }

    @Test func anEmptyLineCommentIsAParagraphBreak() {
        let source = "//: First paragraph.\n//:\n//:Second, no space.\nlet a = 1"
        #expect(LiterateWeaver.segments(of: source) == [
            .prose("First paragraph.\n\nSecond, no space."),
            .code("let a = 1"),
        ])
    }

    @Test func aLoneEmptyLineCommentMakesNoProse() {
        #expect(LiterateWeaver.segments(of: "let a = 1\n//:\nlet b = 2") == [
            .code("let a = 1"),
            .code("let b = 2"),
        ])
    }

    @Test func indentedLineCommentsBelongToTheProse() {
        let source = "func f() {\n    //: Inside a function.\n    return\n}"
        #expect(LiterateWeaver.segments(of: source) == [
            .code("func f() {"),
            .prose("Inside a function."),
            .code("    return\n}"),
        ])
    }

    @Test func blankLineRunsAreTrimmedAndNoFenceIsEmpty() {
        let source = "//: Prose.\n\n\n\nlet a = 1\n\n\n\nlet b = 2\n\n\n//: More prose.\n\n\n"
        #expect(LiterateWeaver.segments(of: source) == [
            .prose("Prose."),
            .code("let a = 1\n\nlet b = 2"),
            .prose("More prose."),
        ])
        #expect(!LiterateWeaver.markdown(from: source).contains("```swift\n\n```"))
    }

    @Test func proseBlocksWithOnlyBlankLinesBetweenThemMerge() {
        let source = "/*:\n One.\n */\n\n//: Two."
        #expect(LiterateWeaver.segments(of: source) == [.prose("One.\n\nTwo.")])
    }

    @Test func crlfFilesReadLikeLfFiles() {
        let lf = "/*:\n # Title\n\n Text.\n */\nlet x = 1\r\n//: After.\nprint(x)\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(LiterateWeaver.segments(of: crlf) == LiterateWeaver.segments(of: lf))
        #expect(!LiterateWeaver.markdown(from: crlf).contains("\r"))
    }

    @Test func hiddenTestsAreLeftOut() {
        let source = """
            chapter.check("visible") {}
            // BEGIN HIDDEN TESTS
            //: A hint only instructors see.
            chapter.check("secret", hidden: true) {}
            // END HIDDEN TESTS
            chapter.finish()
            """
        let markdown = LiterateWeaver.markdown(from: source)
        #expect(!markdown.contains("secret"))
        #expect(!markdown.contains("instructors"))
        #expect(!markdown.contains("HIDDEN"))
        #expect(LiterateWeaver.segments(of: source) == [
            .code("chapter.check(\"visible\") {}\nchapter.finish()"),
        ])
    }

    @Test func codeAfterTheClosingMarkerStaysCode() {
        #expect(LiterateWeaver.segments(of: "/*: Note. */ let x = 1") == [.prose("Note."), .code("let x = 1")])
    }

    @Test func anUnterminatedBlockIsStillProse() {
        #expect(LiterateWeaver.segments(of: "/*:\n Forgot to close.") == [.prose("Forgot to close.")])
    }

    @Test func markdownFencesTheCode() {
        let markdown = LiterateWeaver.markdown(from: "//: Text.\nlet s = \"```\"")
        #expect(markdown == "Text.\n\n````swift\nlet s = \"```\"\n````\n")
    }
}
