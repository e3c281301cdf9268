import Foundation

/// Markdown for text that is not ours: names, messages, captions and what a
/// program printed, escaped or fenced so that it cannot break the page around
/// it. The report, `feedback.md`, `summary.md` and Gradescope's `results.json`
/// all write it with these.
public enum Markdown {
    /// A fenced code block, its fence longer than any backtick run in `code`
    /// (CommonMark closes a fence only with a run at least as long), so nothing
    /// inside can close it early.
    public static func fencedCode(_ code: String, language: String = "") -> String {
        let longestRun = code.split(whereSeparator: { $0 != "`" }).map(\.count).max() ?? 0
        let fence = String(repeating: "`", count: max(3, longestRun + 1))
        return "\(fence)\(language)\n\(code)\n\(fence)"
    }

    /// Text inside a paragraph, a heading, a list item, a link's text or an
    /// image's description: Markdown's punctuation is escaped and line breaks
    /// become spaces.
    public static func inline(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\r\n", "\n", "\r": escaped += " "
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~": escaped += "\\\(character)"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A table cell: escaped like inline text, and a line break kept as `<br>`
    /// because a raw newline would end the table row.
    public static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { inline(String($0)) }
            .joined(separator: "<br>")
    }

    /// `| a | b |` from already escaped cells.
    public static func tableRow(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    /// The fence of a code block that `text` leaves open at its end, or nil: a
    /// text cut short closes it with this fence, and the text after the cut
    /// reopens it. Backtick fences only, the kind `fencedCode` writes; lines are
    /// read as CommonMark reads them (up to three spaces before a fence, an
    /// opening fence with no backtick after it, a closing one at least as long).
    public static func openFence(atEndOf text: some StringProtocol) -> String? {
        var open: Int?
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let indentation = line.prefix { $0 == " " }.count
            guard indentation <= 3 else { continue }
            let run = line.dropFirst(indentation).prefix { $0 == "`" }.count
            guard run >= 3 else { continue }
            let after = line.dropFirst(indentation + run)
            if let length = open {
                if run >= length && after.allSatisfy({ $0 == " " || $0 == "\t" }) { open = nil }
            } else if !after.contains("`") {
                open = run
            }
        }
        return open.map { String(repeating: "`", count: $0) }
    }
}
