import Foundation
import Workbook

/// The few pieces of Markdown the report writes, escaped so that whatever a
/// chapter records (names, messages, captions) cannot break the page around it.
public enum Markdown {
    /// A fenced code block, its fence longer than any backtick run in `code`.
    public static func fencedCode(_ code: String, language: String = "") -> String {
        let longestRun = code.split(whereSeparator: { $0 != "`" }).map(\.count).max() ?? 0
        let fence = String(repeating: "`", count: max(3, longestRun + 1))
        return "\(fence)\(language)\n\(code)\n\(fence)"
    }

    /// Text inside a paragraph, a link's text or an image's description:
    /// Markdown's punctuation is escaped and line breaks become spaces.
    public static func inline(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\r\n", "\n", "\r": escaped += " "
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|": escaped += "\\\(character)"
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

    /// A relative path as a link target: spaces and parentheses percent-encoded.
    public static func destination(_ relativePath: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "()")
        return relativePath.addingPercentEncoding(withAllowedCharacters: allowed) ?? relativePath
    }

    public static func link(_ text: String, to relativePath: String) -> String {
        "[\(inline(text))](\(destination(relativePath)))"
    }

    public static func image(_ description: String, at relativePath: String) -> String {
        "![\(inline(description))](\(destination(relativePath)))"
    }

    /// A clickable thumbnail for tables. Plain Markdown cannot size an image,
    /// so this is the HTML that GitHub and editors' previews render.
    public static func thumbnail(_ description: String, at relativePath: String, width: Int = 160) -> String {
        let source = destination(relativePath)
        return "<a href=\"\(source)\"><img src=\"\(source)\" width=\"\(width)\" alt=\"\(attribute(description))\"></a>"
    }

    /// Text inside an HTML attribute in double quotes.
    static func attribute(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\n", with: " ")
    }

    /// `| a | b |` from already escaped cells.
    public static func tableRow(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }
}
