/// The tokens of a piece of Swift code, with where each one lies: enough to
/// make single edits of a solution (swap an operator, replace a name, move a
/// parenthesis) and no more.
///
/// Like `SwiftCodeScan`, it is not a parser. It skips comments and reads a string
/// literal (`"…"`, without interpolation) as one token; everything else is an
/// identifier or keyword, a number, an operator (a run of operator characters,
/// `…` and `..<` included), or a single punctuation mark (`( ) [ ] { } , : ; .`).
/// Offsets count Unicode scalars of the text, as `scalars` holds them.
struct SwiftTokens {
    enum Kind: Equatable {
        case identifier, number, string, `operator`, punctuation
    }

    struct Token: Equatable {
        var kind: Kind
        var text: String
        /// Scalar offsets in the scanned text.
        var range: Range<Int>
        /// 0-based line in the scanned text.
        var line: Int
        /// Whether white space (or the text's edge) touches the token on each side.
        var spaceBefore: Bool
        var spaceAfter: Bool
    }

    /// Swift's keywords that can appear in a solution's body: never a name to replace.
    static let keywords: Set<String> = [
        "let", "var", "for", "in", "if", "else", "guard", "return", "switch", "case", "default", "while",
        "repeat", "break", "continue", "try", "throw", "true", "false", "nil", "self", "Self", "as", "is",
        "where", "func", "inout", "init", "_", "await", "do", "catch", "some", "any",
    ]

    let scalars: [Unicode.Scalar]
    private(set) var tokens: [Token] = []
    /// The index of the bracket that closes or opens each bracket token.
    private(set) var partner: [Int: Int] = [:]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var index = 0
        var line = 0
        var open: [Int] = []
        func isSpace(_ offset: Int) -> Bool {
            offset < 0 || offset >= scalars.count || scalars[offset] == " " || scalars[offset] == "\n" || scalars[offset] == "\t"
        }
        func add(_ kind: Kind, _ end: Int) {
            let text = String(String.UnicodeScalarView(scalars[index..<end]))
            tokens.append(Token(kind: kind, text: text, range: index..<end, line: line,
                                spaceBefore: isSpace(index - 1), spaceAfter: isSpace(end)))
            index = end
        }
        while index < scalars.count {
            let c = scalars[index]
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            if c == "\n" {
                line += 1
                index += 1
            } else if c == " " || c == "\t" || c == "\r" {
                index += 1
            } else if c == "/" && next == "/" {
                while index < scalars.count && scalars[index] != "\n" { index += 1 }
            } else if c == "/" && next == "*" {
                index += 2
                while index + 1 < scalars.count && !(scalars[index] == "*" && scalars[index + 1] == "/") {
                    if scalars[index] == "\n" { line += 1 }
                    index += 1
                }
                index = min(index + 2, scalars.count)
            } else if c == "\"" {
                var end = index + 1
                while end < scalars.count && scalars[end] != "\"" && scalars[end] != "\n" {
                    end += scalars[end] == "\\" ? 2 : 1
                }
                add(.string, min(end + 1, scalars.count))
            } else if Self.isWordStart(c) {
                var end = index + 1
                while end < scalars.count && Self.isWordPart(scalars[end]) { end += 1 }
                add(.identifier, end)
            } else if ("0"..."9").contains(c) {
                var end = index + 1
                while end < scalars.count && (Self.isWordPart(scalars[end])
                    || (scalars[end] == "." && end + 1 < scalars.count && ("0"..."9").contains(scalars[end + 1]))) {
                    end += 1
                }
                add(.number, end)
            } else if c == "." && next == "." {
                var end = index
                while end < scalars.count && (scalars[end] == "." || scalars[end] == "<") { end += 1 }
                add(.operator, end)
            } else if Self.isOperatorCharacter(c) {
                var end = index + 1
                while end < scalars.count && Self.isOperatorCharacter(scalars[end]) { end += 1 }
                add(.operator, end)
            } else {
                if "([{".unicodeScalars.contains(c) {
                    open.append(tokens.count)
                } else if ")]}".unicodeScalars.contains(c), let opener = open.popLast() {
                    partner[opener] = tokens.count
                    partner[tokens.count] = opener
                }
                add(.punctuation, index + 1)
            }
        }
    }

    /// The text between two scalar offsets.
    func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }

    static func isWordStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic
    }

    static func isWordPart(_ c: Unicode.Scalar) -> Bool {
        isWordStart(c) || ("0"..."9").contains(c)
    }

    /// `+-*/=<>!&|^~%?` and the mathematical symbols a custom operator may use (`⊙`).
    static func isOperatorCharacter(_ c: Unicode.Scalar) -> Bool {
        "+-*/=<>!&|^~%?".unicodeScalars.contains(c) || (c.value > 127 && c.properties.generalCategory == .mathSymbol)
    }
}

extension SwiftTokens.Token {
    func `is`(_ kind: SwiftTokens.Kind, _ text: String) -> Bool {
        self.kind == kind && self.text == text
    }

    /// An identifier that is not a keyword.
    var isName: Bool {
        kind == .identifier && !SwiftTokens.keywords.contains(text)
    }

    /// An operator with space on both sides, as Swift's style writes infix operators.
    var isInfixOperator: Bool {
        kind == .operator && spaceBefore && spaceAfter
    }
}
