import Foundation
import Workbook

/// One stretch of a literate chapter: prose to read, or code to show.
public enum LiterateSegment: Equatable, Sendable {
    /// Markdown, as the author wrote it, with the comment markers and the block's
    /// common indentation removed.
    case prose(String)
    /// Swift source, without leading or trailing blank lines.
    case code(String)
}

/// Turns a chapter's source into Markdown: the prose of `/*: … */` blocks and
/// `//:` lines (Playground markup) as written, everything else in `swift` fences.
/// Instructor-only checks between `// BEGIN HIDDEN TESTS` and
/// `// END HIDDEN TESTS` are left out, as they are from the learner edition.
public enum LiterateWeaver {
    public static func markdown(from source: String) -> String {
        render(segments(of: source))
    }

    /// Prose as it is and code fenced, separated by blank lines.
    public static func render(_ segments: [LiterateSegment]) -> String {
        segments.map { segment in
            switch segment {
            case .prose(let text): text
            case .code(let text): Markdown.fencedCode(text, language: "swift")
            }
        }.joined(separator: "\n\n") + (segments.isEmpty ? "" : "\n")
    }

    public static func segments(of source: String) -> [LiterateSegment] {
        var parser = Parser()
        for line in visibleLines(of: source) { parser.take(line) }
        return parser.finish()
    }

    /// The source's lines (any line ending) without the hidden-test regions,
    /// read by the same rule as the learner edition's (`ExerciseMarkers`).
    static func visibleLines(of source: String) -> [String] {
        var lines = ExerciseMarkers.read(source).visibleLines
        // A file ending in a newline has no last line after it.
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// A line-by-line state machine: in code, in a `/*:` block, or in a run of `//:` lines.
    private struct Parser {
        private enum State { case code, block, lineComments }
        private var state = State.code
        private var current: [String] = []
        /// Swift block comments nest, so `/* … */` inside prose does not end it.
        private var depth = 0
        /// Prose written on the `/*:` line itself: it has lost its indentation
        /// with the marker, so it does not count towards the block's.
        private var proseOnOpeningLine = false
        private var segments: [LiterateSegment] = []

        mutating func take(_ line: String) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            switch state {
            case .block:
                continueBlock(line)
            case .code, .lineComments:
                if trimmed.hasPrefix("//:") {
                    if state != .lineComments { flush(); state = .lineComments }
                    current.append(Self.lineCommentText(trimmed))
                } else if trimmed.hasPrefix("/*:") {
                    flush()
                    state = .block
                    depth = 1
                    // Whatever follows `/*:` on its line is prose too; the column it
                    // starts at keeps indented code blocks on the first line intact.
                    let opener = line.range(of: "/*:")!
                    let rest = String(line[opener.upperBound...])
                    continueBlock(rest.hasPrefix(" ") ? String(rest.dropFirst()) : rest, isFirst: true)
                } else {
                    if state != .code { flush(); state = .code }
                    current.append(line)
                }
            }
        }

        /// Adds a line of a `/*:` block, ending the block at its matching `*/`.
        private mutating func continueBlock(_ line: String, isFirst: Bool = false) {
            var index = line.startIndex
            while index < line.endIndex {
                let rest = line[index...]
                if rest.hasPrefix("/*") {
                    depth += 1
                    index = line.index(index, offsetBy: 2)
                } else if rest.hasPrefix("*/") {
                    depth -= 1
                    if depth == 0 {
                        appendProse(String(line[..<index]).trimmingTrailingWhitespace(), isFirst: isFirst)
                        flush()
                        state = .code
                        let after = line[line.index(index, offsetBy: 2)...].drop { $0 == " " || $0 == "\t" }
                        if !after.isEmpty { current.append(String(after)) }
                        return
                    }
                    index = line.index(index, offsetBy: 2)
                } else {
                    index = line.index(after: index)
                }
            }
            appendProse(line, isFirst: isFirst)
        }

        private mutating func appendProse(_ text: String, isFirst: Bool) {
            // An empty remainder after `/*:` is not a line of prose.
            if isFirst && text.trimmingCharacters(in: .whitespaces).isEmpty { return }
            if isFirst { proseOnOpeningLine = true }
            current.append(text)
        }

        /// `//: text` → `text`; the one space after the marker is the marker's.
        private static func lineCommentText(_ trimmed: String) -> String {
            let text = trimmed.dropFirst(3)
            return String(text.hasPrefix(" ") ? text.dropFirst() : text)
        }

        private mutating func flush() {
            defer { current = []; proseOnOpeningLine = false }
            switch state {
            case .code:
                let code = Self.collapsingBlankRuns(Self.trimmingBlankEnds(current.map { $0.trimmingTrailingWhitespace() }))
                if !code.isEmpty { segments.append(.code(code.joined(separator: "\n"))) }
            case .block:
                let opening = proseOnOpeningLine ? Array(current.prefix(1)) : []
                let prose = Self.trimmingBlankEnds(opening + Self.removingCommonIndentation(Array(current.dropFirst(opening.count))))
                if !prose.isEmpty { segments.append(.prose(prose.joined(separator: "\n"))) }
            case .lineComments:
                // `//:` lines are already aligned by their marker: what follows it
                // is the author's Markdown, indentation and all.
                let prose = Self.trimmingBlankEnds(current)
                if !prose.isEmpty { segments.append(.prose(prose.joined(separator: "\n"))) }
            }
        }

        mutating func finish() -> [LiterateSegment] {
            // An unterminated `/*:` block still reads as prose rather than vanishing.
            flush()
            return Self.mergingAdjacentProse(segments)
        }

        static func isBlank(_ line: String) -> Bool {
            line.allSatisfy { $0 == " " || $0 == "\t" }
        }

        static func trimmingBlankEnds(_ lines: [String]) -> [String] {
            guard let first = lines.firstIndex(where: { !isBlank($0) }),
                  let last = lines.lastIndex(where: { !isBlank($0) }) else { return [] }
            return Array(lines[first...last])
        }

        /// One blank line is a paragraph break in code; more is just space.
        static func collapsingBlankRuns(_ lines: [String]) -> [String] {
            var result: [String] = []
            for line in lines where !(isBlank(line) && result.last.map(isBlank) == true) {
                result.append(line)
            }
            return result
        }

        /// Markdown treats text indented four spaces as code, so a block indented
        /// as a whole must be moved left; its own indented blocks keep their depth.
        static func removingCommonIndentation(_ lines: [String]) -> [String] {
            let indents = lines.filter { !isBlank($0) }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }
            let common = indents.min() ?? 0
            return lines.map { isBlank($0) ? "" : String($0.dropFirst(common)) }
        }

        /// A `/*:` block followed by `//:` lines (or blank lines) reads as one passage.
        static func mergingAdjacentProse(_ segments: [LiterateSegment]) -> [LiterateSegment] {
            var merged: [LiterateSegment] = []
            for segment in segments {
                if case .prose(let next) = segment, case .prose(let previous)? = merged.last {
                    merged[merged.count - 1] = .prose(previous + "\n\n" + next)
                } else {
                    merged.append(segment)
                }
            }
            return merged
        }
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
