/// The edits `MutantGenerator` makes, one family each.
extension Code {
    /// `+`↔`-`, `*`↔`/`, `<`↔`<=`, `>`↔`>=`, `==`↔`!=`, `&&`↔`||`, their
    /// compound assignments, `*`↔`⊙`, `...`↔`..<`; and a leading `-` left out.
    func operatorEdits() -> [Edit] {
        var edits: [Edit] = []
        for (index, token) in tokens.enumerated() where token.kind == .operator {
            if isPrefixOperator(index) && token.text == "-" {
                // Before a literal, the constants' family flips the sign.
                guard tokens[index + 1].kind != .number else { continue }
                edits.append(Edit(kind: .operatorSwapped, description: "the sign − left out\(place(index))",
                                  replacements: [(token.range, "")]))
                continue
            }
            let isRange = token.text == "..." || token.text == "..<"
            guard token.isInfixOperator || isRange, let others = Self.swaps[token.text] else { continue }
            for other in others {
                let description = "\(CourseNotation.operatorSymbol(other)) instead of \(CourseNotation.operatorSymbol(token.text))\(place(index))"
                edits.append(Edit(kind: .operatorSwapped, description: description, replacements: [(token.range, other)]))
            }
        }
        return edits
    }

    /// Each name used as a value replaced by every other name the region uses as
    /// a value or declares: `labels.count` → `predictions.count`.
    func operandEdits() -> [Edit] {
        var declared: Set<Int> = []
        var inPattern = false
        for (index, token) in tokens.enumerated() {
            if token.is(.identifier, "for") || token.is(.identifier, "case") { inPattern = true }
            if token.is(.identifier, "in") || token.is(.punctuation, ":") { inPattern = false }
            if token.isName && (inPattern || (index > 0 && (tokens[index - 1].is(.identifier, "let") || tokens[index - 1].is(.identifier, "var")))) {
                declared.insert(index)
            }
        }
        let uses = tokens.indices.filter { index in
            let token = tokens[index]
            guard token.isName, let first = token.text.unicodeScalars.first, !declared.contains(index),
                  first.properties.isLowercase || first == "_" else { return false }
            if index > 0 && tokens[index - 1].is(.punctuation, ".") && !token.spaceBefore { return false }
            if index + 1 < tokens.count {
                let next = tokens[index + 1]
                if !next.spaceBefore && (next.is(.punctuation, "(") || next.is(.punctuation, ":")) { return false }
            }
            return true
        }
        var names: [String] = []
        for index in declared.sorted() + uses where !names.contains(tokens[index].text) {
            names.append(tokens[index].text)
        }
        var edits: [Edit] = []
        for index in uses {
            let old = tokens[index].text
            for name in names where name != old {
                let description = "\(CourseNotation.symbol(name)) in place of \(CourseNotation.symbol(old))\(place(index))"
                edits.append(Edit(kind: .operandReplaced, description: description, replacements: [(tokens[index].range, name)]))
            }
        }
        return edits
    }

    /// 0↔1 (0.0↔1.0), a literal's sign flipped, and `1 - x` turned into `x - 1`.
    func constantEdits() -> [Edit] {
        var edits: [Edit] = []
        let flips = ["0": "1", "1": "0", "0.0": "1.0", "1.0": "0.0"]
        for (index, token) in tokens.enumerated() where token.kind == .number {
            if let other = flips[token.text] {
                edits.append(Edit(kind: .constantChanged, description: "\(other) instead of \(token.text)\(place(index))",
                                  replacements: [(token.range, other)]))
            }
            if index > 0 && isPrefixOperator(index - 1) && tokens[index - 1].text == "-" {
                edits.append(Edit(kind: .constantChanged, description: "\(token.text) instead of −\(token.text)\(place(index))",
                                  replacements: [(tokens[index - 1].range, "")]))
            } else if Double(token.text) != 0 {
                edits.append(Edit(kind: .constantChanged, description: "−\(token.text) instead of \(token.text)\(place(index))",
                                  replacements: [(token.range.lowerBound..<token.range.lowerBound, "-")]))
            }
            if index + 2 < tokens.count, tokens[index + 1].is(.operator, "-"), tokens[index + 1].isInfixOperator,
               let other = operand(startingAt: index + 2) {
                let shown = render(other.lowerBound, other.upperBound)
                edits.append(Edit(kind: .constantChanged,
                                  description: "\(shown) − \(token.text) instead of \(token.text) − \(shown)\(place(index))",
                                  replacements: [(range(index, other.upperBound), text(other.lowerBound, other.upperBound) + " - " + token.text)]))
            }
        }
        return edits
    }

    /// Two adjacent one-line statements at the same depth in the other order.
    func statementEdits() -> [Edit] {
        let lines = tokens.indices.reduce(into: [Int: [Int]]()) { $0[tokens[$1].line, default: []].append($1) }
        func isSimple(_ line: Int) -> Bool {
            guard let indices = lines[line], let first = indices.first else { return false }
            let head = tokens[first]
            return !head.is(.identifier, "case") && !head.is(.identifier, "default")
                && !indices.contains { tokens[$0].is(.punctuation, "{") || tokens[$0].is(.punctuation, "}") }
        }
        func indentation(_ line: Int) -> Int {
            lines[line].map { tokens[$0[0]].range.lowerBound - lineStart(tokens[$0[0]].range.lowerBound) } ?? -1
        }
        func subject(_ line: Int) -> String {
            guard let indices = lines[line] else { return "?" }
            if tokens[indices[0]].is(.identifier, "return") { return "the return" }
            // The first name the course has a symbol for: `TrainingError.check…(ŷ, …)` reads by its check.
            let names = indices.filter { tokens[$0].isName }.map { tokens[$0].text }
            let name = names.first { CourseNotation.symbols[$0] != nil }.map(CourseNotation.symbol) ?? "a statement"
            return "the line of \(name)"
        }
        var edits: [Edit] = []
        for line in lines.keys.sorted() where isSimple(line) && isSimple(line + 1) && indentation(line) == indentation(line + 1) {
            let first = lines[line]!, second = lines[line + 1]!
            let upper = range(first.first!, first.last!), lower = range(second.first!, second.last!)
            let description = "\(subject(line + 1)) before \(subject(line))"
            edits.append(Edit(kind: .statementsSwapped, description: description,
                              replacements: [(upper, scan.text(lower)), (lower, scan.text(upper))]))
        }
        return edits
    }

    private func lineStart(_ offset: Int) -> Int {
        var start = offset
        while start > 0 && scan.scalars[start - 1] != "\n" { start -= 1 }
        return start
    }

    /// A one-argument call left out (`f(x)` → `x`) or applied twice (`f(f(x))`).
    func callEdits() -> [Edit] {
        var edits: [Edit] = []
        for index in tokens.indices where opensCall(index) {
            let arguments = arguments(of: index)
            guard arguments.count == 1, let closer = scan.partner[index] else { continue }
            let start = chainStart(endingAt: index - 1)
            let argument = range(arguments[0].first, arguments[0].last)
            let callee = CourseNotation.symbol(calleeName(index))
            edits.append(Edit(kind: .callLeftOut, description: "\(callee) left out, its argument taken as is\(place(index - 1))",
                              replacements: [(range(start, closer), scan.text(argument))]))
            edits.append(Edit(kind: .callTwice, description: "\(callee) applied twice\(place(index - 1))",
                              replacements: [(argument, text(start, closer))]))
        }
        return edits
    }

    /// A property of a value left out: `input.transposed` → `input`.
    func memberEdits() -> [Edit] {
        var edits: [Edit] = []
        for index in tokens.indices.dropFirst() where tokens[index].is(.punctuation, ".") && index + 1 < tokens.count {
            let member = tokens[index + 1]
            guard !tokens[index].spaceBefore, endsValue(index - 1), member.kind == .identifier, !member.spaceBefore else { continue }
            if index + 2 < tokens.count && tokens[index + 2].is(.punctuation, "(") && !tokens[index + 2].spaceBefore { continue }
            edits.append(Edit(kind: .memberLeftOut, description: "\(CourseNotation.symbol(member.text)) left out\(place(index + 1))",
                              replacements: [(range(index, index + 1), "")]))
        }
        return edits
    }

    /// A subscript's index one off: `[i]` → `[i + 1]`, `[i - 1]`.
    func indexEdits() -> [Edit] {
        var edits: [Edit] = []
        for index in tokens.indices where opensSubscript(index) {
            guard let closer = scan.partner[index] else { continue }
            let end = tokens[closer].range.lowerBound
            for step in ["+ 1", "- 1"] {
                edits.append(Edit(kind: .indexOffByOne, description: "the index \(step.replacingOccurrences(of: "-", with: "−"))\(place(index))",
                                  replacements: [(end..<end, " " + step)]))
            }
        }
        return edits
    }

    /// Two adjacent arguments of a call swapped, their labels kept.
    func argumentEdits() -> [Edit] {
        var edits: [Edit] = []
        for index in tokens.indices where opensCall(index) {
            let arguments = arguments(of: index)
            for (left, right) in zip(arguments, arguments.dropFirst()) {
                let first = range(left.first, left.last), second = range(right.first, right.last)
                let callee = CourseNotation.symbol(calleeName(index))
                let which = left.label.flatMap { label in right.label.map { "the values of \(tokens[label].text) and \(tokens[$0].text)" } }
                    ?? "two arguments"
                edits.append(Edit(kind: .argumentsSwapped, description: "\(which) swapped in \(callee)\(place(index - 1))",
                                  replacements: [(first, scan.text(second)), (second, scan.text(first))]))
            }
        }
        return edits
    }

    /// Parentheses dropped around a sum or product (`(a - b) / c` → `a - b / c`),
    /// or put around two operands of three (`a / b * c` → `a / (b * c)`).
    func parenthesisEdits() -> [Edit] {
        var edits: [Edit] = []
        for index in tokens.indices where tokens[index].is(.punctuation, "(") && !opensCall(index) {
            guard let closer = scan.partner[index] else { continue }
            if index > 0 && !tokens[index].spaceBefore && endsValue(index - 1) { continue }
            var depth = 0
            var holdsOperator = false
            var holdsComma = false
            for inner in (index + 1)..<closer {
                if let partner = scan.partner[inner] { depth += partner > inner ? 1 : -1 }
                if depth == 0 && tokens[inner].isInfixOperator && Self.arithmetic[tokens[inner].text] != nil { holdsOperator = true }
                if depth == 0 && tokens[inner].is(.punctuation, ",") { holdsComma = true }
            }
            guard holdsOperator && !holdsComma else { continue }
            edits.append(Edit(kind: .parenthesesMoved,
                              description: "no parentheses around \(render(index + 1, closer - 1))\(place(index))",
                              replacements: [(tokens[index].range, ""), (tokens[closer].range, "")]))
        }
        for first in tokens.indices where tokens[first].isInfixOperator {
            guard let precedence1 = Self.arithmetic[tokens[first].text], let left = operand(endingAt: first - 1),
                  let middle = operand(startingAt: first + 1), middle.upperBound + 2 < tokens.count else { continue }
            let second = middle.upperBound + 1
            guard tokens[second].isInfixOperator, let precedence2 = Self.arithmetic[tokens[second].text],
                  let right = operand(startingAt: second + 1) else { continue }
            let op1 = tokens[first].text, op2 = tokens[second].text
            if precedence1 >= precedence2 && !(op1 == op2 && (op1 == "+" || op1 == "*")) {
                edits.append(Edit(kind: .parenthesesMoved,
                                  description: "\(render(left.lowerBound, left.upperBound)) \(CourseNotation.operatorSymbol(op1)) (\(render(middle.lowerBound, right.upperBound)))\(place(first))",
                                  replacements: [(tokens[middle.lowerBound].range.lowerBound..<tokens[middle.lowerBound].range.lowerBound, "("),
                                                 (tokens[right.upperBound].range.upperBound..<tokens[right.upperBound].range.upperBound, ")")]))
            }
            if precedence2 > precedence1 {
                edits.append(Edit(kind: .parenthesesMoved,
                                  description: "(\(render(left.lowerBound, middle.upperBound))) \(CourseNotation.operatorSymbol(op2)) \(render(right.lowerBound, right.upperBound))\(place(second))",
                                  replacements: [(tokens[left.lowerBound].range.lowerBound..<tokens[left.lowerBound].range.lowerBound, "("),
                                                 (tokens[middle.upperBound].range.upperBound..<tokens[middle.upperBound].range.upperBound, ")")]))
            }
        }
        return edits
    }
}
