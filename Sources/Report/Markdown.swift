import Foundation
import Workbook

/// The links, images and thumbnails of the report's pages; the escaping and
/// fencing they share with the grader's reports is `Markdown` in Workbook.
extension Markdown {
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
}
