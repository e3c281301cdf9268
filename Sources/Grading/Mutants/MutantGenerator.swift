/// Every single-edit mutant of a solution's body, made with `SwiftTokens`:
/// an operator swapped, a name replaced by another of the region, a constant
/// changed, two statements swapped, a call left out or applied twice, a member
/// left out, an index off by one, arguments swapped, parentheses moved.
///
/// Nothing here knows types: a mutant that does not compile is dropped later,
/// by the compiler (`MutantSchema`). Mutants that read the same are made once.
public enum MutantGenerator {
    /// The mutants of `body` (a region's code, indentation removed), for `exercise`.
    public static func mutants(of body: String, exercise: String) -> [Mutant] {
        let code = Code(SwiftTokens(body))
        var seen: Set<String> = [body]
        var mutants: [Mutant] = []
        for edit in code.edits() {
            let text = code.applying(edit.replacements)
            guard seen.insert(text).inserted else { continue }
            let first = edit.replacements.map(\.range.lowerBound).min() ?? 0
            let line = code.scan.scalars[..<first].filter { $0 == "\n" }.count
            let description = edit.description + ", in: " + context(line: line, of: text)
            mutants.append(Mutant(exercise: exercise, kind: edit.kind, description: description, body: text))
        }
        return mutants
    }

    /// Slips of two edits at once: up to `limit` pairs of the body's single
    /// edits that touch different tokens, spread evenly over all such pairs.
    /// They measure how causes fare on slips the table was not made from.
    public static func twoEditMutants(of body: String, exercise: String, limit: Int) -> [Mutant] {
        let code = Code(SwiftTokens(body))
        let edits = code.edits()
        var pairs: [(Int, Int)] = []
        for i in edits.indices {
            for j in edits.indices where j > i {
                let apart = edits[i].replacements.allSatisfy { a in
                    edits[j].replacements.allSatisfy { b in !a.range.overlaps(b.range) && a.range != b.range }
                }
                if apart { pairs.append((i, j)) }
            }
        }
        let step = max(1, pairs.count / max(1, limit))
        var seen: Set<String> = [body]
        var mutants: [Mutant] = []
        for (i, j) in stride(from: 0, to: pairs.count, by: step).map({ pairs[$0] }).prefix(limit) {
            let text = code.applying(edits[i].replacements + edits[j].replacements)
            guard seen.insert(text).inserted else { continue }
            mutants.append(Mutant(exercise: exercise, kind: .twoEdits,
                                  description: edits[i].description + "; and " + edits[j].description, body: text))
        }
        return mutants
    }

    /// The longest a line of context runs before it is cut short.
    static let contextLength = 60

    /// Line `line` of the mutated `body`, in the course's notation: what the
    /// slip looks like, never the reference's own line. A long line keeps the
    /// tokens around its middle.
    static func context(line: Int, of body: String) -> String {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard line < lines.count else { return "" }
        let tokens = SwiftTokens(String(lines[line])).tokens
        let shown = tokens.drop { ["let", "var", "return", "try"].contains($0.text) }
        let text = CourseNotation.render(shown)
        guard text.count > contextLength else { return text }
        return String(text.prefix(contextLength - 1)) + "…"
    }

    /// One edit: replacements of scalar ranges of the body, made at once.
    struct Edit {
        var kind: Mutant.Kind
        var description: String
        var replacements: [(range: Range<Int>, text: String)]
    }
}

/// A body's tokens with the questions the edits ask of them.
struct Code {
    let scan: SwiftTokens
    var tokens: [SwiftTokens.Token] { scan.tokens }

    init(_ scan: SwiftTokens) {
        self.scan = scan
    }

    typealias Edit = MutantGenerator.Edit

    static let swaps: [String: [String]] = [
        "+": ["-"], "-": ["+"], "*": ["/", "⊙"], "/": ["*"], "⊙": ["*"], "<": ["<="], "<=": ["<"], ">": [">="],
        ">=": [">"], "==": ["!="], "!=": ["=="], "&&": ["||"], "||": ["&&"], "+=": ["-="], "-=": ["+="],
        "*=": ["/="], "/=": ["*="], "...": ["..<"], "..<": ["..."],
    ]
    static let arithmetic: [String: Int] = ["+": 1, "-": 1, "*": 2, "/": 2, "⊙": 2]

    func edits() -> [Edit] {
        operatorEdits() + operandEdits() + constantEdits() + statementEdits() + callEdits() + memberEdits()
            + indexEdits() + argumentEdits() + parenthesisEdits()
    }

    func applying(_ replacements: [(range: Range<Int>, text: String)]) -> String {
        var scalars = scan.scalars
        for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            scalars.replaceSubrange(replacement.range, with: replacement.text.unicodeScalars)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    // MARK: - Where

    /// " (the 2nd +)" when the token's line holds it more than once, else "":
    /// the line itself follows the description (`MutantGenerator.context`).
    func place(_ index: Int) -> String {
        let token = tokens[index]
        let same = tokens.indices.filter { tokens[$0].line == token.line && tokens[$0].text == token.text }
        guard same.count > 1, let position = same.firstIndex(of: index) else { return "" }
        let ordinals = ["1st", "2nd", "3rd"]
        let ordinal = position < 3 ? ordinals[position] : "\(position + 1)th"
        let shown = switch token.kind {
        case .operator: CourseNotation.operatorSymbol(token.text)
        case .identifier: CourseNotation.symbol(token.text)
        default: token.text
        }
        return " (the \(ordinal) \(shown))"
    }

    func range(_ first: Int, _ last: Int) -> Range<Int> {
        tokens[first].range.lowerBound..<tokens[last].range.upperBound
    }

    func text(_ first: Int, _ last: Int) -> String {
        scan.text(range(first, last))
    }

    func render(_ first: Int, _ last: Int) -> String {
        CourseNotation.render(tokens[first...last])
    }

    // MARK: - Shapes

    /// A token that can end a value: a name, `self`, a number, `)` or `]`.
    func endsValue(_ index: Int) -> Bool {
        guard index >= 0 else { return false }
        let token = tokens[index]
        return token.isName || token.is(.identifier, "self") || token.kind == .number
            || token.is(.punctuation, ")") || token.is(.punctuation, "]")
    }

    /// `(` right after a callee: `f(`, `x.f(`, `self(`.
    func opensCall(_ index: Int) -> Bool {
        index > 0 && tokens[index].is(.punctuation, "(") && !tokens[index].spaceBefore
            && (tokens[index - 1].isName || tokens[index - 1].is(.identifier, "self"))
    }

    /// `[` right after a value: a subscript, not an array literal.
    func opensSubscript(_ index: Int) -> Bool {
        tokens[index].is(.punctuation, "[") && !tokens[index].spaceBefore && endsValue(index - 1)
    }

    /// The first token of the postfix chain (`layers[i].forward(a)`, `.log(x)`) that ends at `end`.
    func chainStart(endingAt end: Int) -> Int {
        var index = end
        while true {
            let token = tokens[index]
            if token.is(.punctuation, ")") || token.is(.punctuation, "]"), let opener = scan.partner[index] {
                index = opener
                if !tokens[index].spaceBefore && endsValue(index - 1) { index -= 1; continue }
                return index
            }
            if token.kind == .identifier, index > 0, tokens[index - 1].is(.punctuation, "."), !token.spaceBefore {
                let dot = index - 1
                if !tokens[dot].spaceBefore && endsValue(dot - 1) { index = dot - 1; continue }
                return dot
            }
            return index
        }
    }

    /// The last token of the postfix chain (or parenthesized group) that starts at `start`.
    func chainEnd(startingAt start: Int) -> Int {
        var index = start
        if tokens[index].is(.punctuation, "("), let closer = scan.partner[index] { index = closer }
        else if tokens[index].is(.punctuation, "."), index + 1 < tokens.count { index += 1 }
        while index + 1 < tokens.count, !tokens[index + 1].spaceBefore {
            let next = tokens[index + 1]
            if next.is(.punctuation, "."), index + 2 < tokens.count, tokens[index + 2].kind == .identifier {
                index += 2
            } else if next.is(.punctuation, "(") || next.is(.punctuation, "["), let closer = scan.partner[index + 1] {
                index = closer
            } else {
                break
            }
        }
        return index
    }

    /// A prefix `-` or `!`: no space after it, and none of a value before it.
    func isPrefixOperator(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.kind == .operator && (token.text == "-" || token.text == "!") && !token.spaceAfter
            && (index == 0 || token.spaceBefore || !endsValue(index - 1))
    }

    /// The operand that starts at `start` (a prefix operator included), as token bounds.
    func operand(startingAt start: Int) -> ClosedRange<Int>? {
        guard start < tokens.count else { return nil }
        let first = isPrefixOperator(start) ? start + 1 : start
        guard first < tokens.count else { return nil }
        let token = tokens[first]
        guard token.kind == .identifier || token.kind == .number || token.is(.punctuation, "(")
            || token.is(.punctuation, ".") else { return nil }
        return start...chainEnd(startingAt: first)
    }

    /// The operand that ends at `end` (a prefix operator included).
    func operand(endingAt end: Int) -> ClosedRange<Int>? {
        guard end >= 0, endsValue(end) else { return nil }
        var start = chainStart(endingAt: end)
        if start > 0 && isPrefixOperator(start - 1) { start -= 1 }
        return start...end
    }

    /// The top-level arguments of the call or subscript opened at `opener`, as
    /// (label token, first value token, last value token).
    func arguments(of opener: Int) -> [(label: Int?, first: Int, last: Int)] {
        guard let closer = scan.partner[opener], closer > opener + 1 else { return [] }
        var result: [(label: Int?, first: Int, last: Int)] = []
        var start = opener + 1
        var index = opener + 1
        while index <= closer {
            if index == closer || tokens[index].is(.punctuation, ",") {
                guard index > start else { return [] }
                let labeled = tokens[start].kind == .identifier && start + 1 < index && tokens[start + 1].is(.punctuation, ":")
                let first = labeled ? start + 2 : start
                guard first < index else { return [] }
                result.append((labeled ? start : nil, first, index - 1))
                start = index + 1
            } else if let closing = scan.partner[index], closing > index {
                index = closing
            }
            index += 1
        }
        return result
    }

    /// The code name a call's callee has: `forward` in `layers[i].forward(a)`.
    func calleeName(_ opener: Int) -> String {
        tokens[opener - 1].text
    }
}
