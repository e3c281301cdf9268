/// A conservative reading of a piece of Swift code: what is code, what is a
/// string or a comment, and whether its brackets balance.
///
/// It is not a parser. It knows Swift's comments (`//`, nested `/* */`), string
/// literals (`"…"`, `"""…"""`, raw `#"…"#` with any number of `#`, and the code
/// in their `\( )` interpolations), and refuses what it cannot read with
/// certainty: a regex literal (whose text could hide a brace from it but not
/// from the compiler) and brackets that close more than was opened. Whatever it
/// accepts, the compiler reads the same way: the code it sees as code is code,
/// and a piece that balances cannot close the function it is spliced into.
struct SwiftCodeScan {
    /// An identifier, keyword, `@attribute` or `#directive` found in code, with its
    /// line (0-based, within the scanned text).
    struct Word: Equatable {
        var text: String
        var line: Int
    }

    /// What the scan refuses, with the line (0-based) where it stopped.
    struct Refusal: Error, Equatable {
        var line: Int
        var problem: String
    }

    private(set) var words: [Word] = []

    /// Scans `text`; throws a `Refusal` for text it cannot read with certainty
    /// or whose brackets do not balance.
    init(_ text: String) throws {
        let chars = Array(text.unicodeScalars)
        var index = 0
        var line = 0
        // Open brackets of the code, innermost last; a string's interpolation is
        // marked by the string it returns to.
        enum Frame { case bracket(Unicode.Scalar), interpolation(quotes: Int, hashes: Int) }
        var stack: [Frame] = []
        let closing: [Unicode.Scalar: Unicode.Scalar] = ["}": "{", ")": "(", "]": "["]

        func peek(_ offset: Int) -> Unicode.Scalar? {
            index + offset < chars.count ? chars[index + offset] : nil
        }
        func isWordStart(_ c: Unicode.Scalar) -> Bool {
            c == "_" || c.properties.isAlphabetic
        }
        func isWordPart(_ c: Unicode.Scalar) -> Bool {
            isWordStart(c) || c.properties.numericType != nil || ("0"..."9").contains(c)
        }

        /// Reads a string literal whose opening delimiter starts at `index`:
        /// `hashes` `#`s, then one or three quotes. Returns when the string ends,
        /// or when an interpolation opens (pushing its frame).
        func readString(hashes: Int, quotes: Int) throws {
            while index < chars.count {
                let c = chars[index]
                if c == "\n" {
                    if quotes == 1 { throw Refusal(line: line, problem: "a string literal is not closed on its line") }
                    line += 1
                    index += 1
                    continue
                }
                if c == "\\" {
                    // An escape needs as many # after the backslash as the delimiter has.
                    var count = 0
                    while peek(1 + count) == "#" { count += 1 }
                    if count == hashes {
                        if peek(1 + count) == "(" {
                            index += 2 + count
                            stack.append(.interpolation(quotes: quotes, hashes: hashes))
                            stack.append(.bracket("("))
                            return
                        }
                        index += 2 + count
                        continue
                    }
                    index += 1
                    continue
                }
                if c == "\"" {
                    var quoteCount = 0
                    while peek(quoteCount) == "\"" && quoteCount < quotes { quoteCount += 1 }
                    if quoteCount == quotes {
                        var hashCount = 0
                        while peek(quotes + hashCount) == "#" && hashCount < hashes { hashCount += 1 }
                        if hashCount == hashes {
                            index += quotes + hashes
                            return
                        }
                    }
                }
                index += 1
            }
            throw Refusal(line: line, problem: "a string literal is never closed")
        }

        while index < chars.count {
            let c = chars[index]
            if c == "\n" {
                line += 1
                index += 1
            } else if c == "/" && peek(1) == "/" {
                while index < chars.count && chars[index] != "\n" { index += 1 }
            } else if c == "/" && peek(1) == "*" {
                var depth = 0
                repeat {
                    if chars[index] == "/" && peek(1) == "*" { depth += 1; index += 2 }
                    else if chars[index] == "*" && peek(1) == "/" { depth -= 1; index += 2 }
                    else { if chars[index] == "\n" { line += 1 }; index += 1 }
                } while depth > 0 && index < chars.count
                if depth > 0 { throw Refusal(line: line, problem: "a /* comment is never closed") }
            } else if c == "/" {
                // Division and `/=` only, spaced as Swift's style has them: a slash
                // that could start a regex literal is refused rather than guessed at.
                let next = peek(1)
                let spacedDivision = next == " " || next == "\n" || next == "\t" || (next == "=" && (peek(2) == " " || peek(2) == "\n"))
                guard spacedDivision else {
                    throw Refusal(line: line, problem: "`/` must be followed by a space (regex literals are not allowed in a solution)")
                }
                index += 1
            } else if c == "#" || c == "\"" {
                var hashes = 0
                while peek(hashes) == "#" { hashes += 1 }
                if peek(hashes) == "\"" {
                    let quotes = peek(hashes + 1) == "\"" && peek(hashes + 2) == "\"" ? 3 : 1
                    index += hashes + quotes
                    try readString(hashes: hashes, quotes: quotes)
                } else if hashes == 1, let next = peek(1), isWordStart(next) {
                    var end = index + 1
                    while end < chars.count && isWordPart(chars[end]) { end += 1 }
                    words.append(Word(text: "#" + String(String.UnicodeScalarView(chars[(index + 1)..<end])), line: line))
                    index = end
                } else {
                    throw Refusal(line: line, problem: "`#` outside a string (regex literals and directives are not allowed in a solution)")
                }
            } else if ("0"..."9").contains(c) {
                // A number literal, `1_000` and `0x1p-3` included: never a word.
                index += 1
                while index < chars.count && isWordPart(chars[index]) { index += 1 }
            } else if c == "@" || c == "`" || isWordStart(c) {
                var end = index + 1
                while end < chars.count && isWordPart(chars[end]) { end += 1 }
                if c == "`" {
                    // A quoted identifier: its text is the identifier.
                    guard end < chars.count && chars[end] == "`" else {
                        throw Refusal(line: line, problem: "a ` quoted identifier is not closed")
                    }
                    words.append(Word(text: String(String.UnicodeScalarView(chars[(index + 1)..<end])), line: line))
                    index = end + 1
                } else {
                    words.append(Word(text: String(String.UnicodeScalarView(chars[index..<end])), line: line))
                    index = end
                }
            } else if c == "{" || c == "(" || c == "[" {
                stack.append(.bracket(c))
                index += 1
            } else if let opener = closing[c] {
                guard case .bracket(let open)? = stack.last, open == opener else {
                    throw Refusal(line: line, problem: "`\(c)` closes more than the solution opened")
                }
                stack.removeLast()
                index += 1
                if c == ")", case .interpolation(let quotes, let hashes)? = stack.last {
                    stack.removeLast()
                    try readString(hashes: hashes, quotes: quotes)
                }
            } else {
                index += 1
            }
        }
        if !stack.isEmpty {
            throw Refusal(line: line, problem: "a bracket the solution opens is never closed")
        }
    }
}
