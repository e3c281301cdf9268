import Foundation
import Workbook

/// The links and images of a Markdown page, to check that each one resolves.
public enum MarkdownLinks {
    /// Every link and image target, percent-decoded: `[text](target)`,
    /// `![text](target)` and HTML `src="…"` / `href="…"`, outside code.
    public static func targets(in markdown: String) -> [String] {
        var targets: [String] = []
        for line in linesOutsideCodeFences(markdown) {
            let text = removingInlineCode(line)
            targets += markdownTargets(in: text) + htmlTargets(in: text)
        }
        return targets.map { $0.removingPercentEncoding ?? $0 }
    }

    /// The targets of `page` that name no file inside `root`: missing files, and
    /// paths that leave the folder. Web addresses and in-page anchors are not files.
    public static func unresolved(in page: URL, root: URL) throws -> [String] {
        let markdown = try String(contentsOf: page, encoding: .utf8)
        let folder = page.deletingLastPathComponent()
        let rootPath = root.standardizedFileURL.path
        return targets(in: markdown).filter { target in
            if target.hasPrefix("#") || target.contains("://") || target.hasPrefix("mailto:") { return false }
            let path = String(target.prefix { $0 != "#" })
            guard !path.hasPrefix("/") else { return true }
            let resolved = folder.appendingPathComponent(path).standardizedFileURL.path
            guard resolved.hasPrefix(rootPath + "/") else { return true }
            return !FileManager.default.fileExists(atPath: resolved)
        }
    }

    private static func linesOutsideCodeFences(_ markdown: String) -> [Substring] {
        var lines: [Substring] = []
        var fence: Substring?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            let run = trimmed.prefix { $0 == "`" }
            if let open = fence {
                if run.count >= open.count && trimmed.dropFirst(run.count).allSatisfy(\.isWhitespace) { fence = nil }
            } else if run.count >= 3 {
                fence = run
            } else if !line.hasPrefix("    ") && !line.hasPrefix("\t") {
                lines.append(line)
            }
        }
        return lines
    }

    private static func removingInlineCode(_ line: Substring) -> String {
        var result = ""
        var inCode = false
        var previous: Character?
        for character in line {
            if character == "`" && previous != "\\" { inCode.toggle() }
            else if !inCode { result.append(character) }
            previous = character
        }
        return result
    }

    /// `](target)` not preceded by a backslash; the target ends at the
    /// parenthesis that balances the opening one.
    private static func markdownTargets(in text: String) -> [String] {
        var targets: [String] = []
        var rest = Substring(text)
        while let opening = rest.range(of: "](") {
            if opening.lowerBound > rest.startIndex && rest[rest.index(before: opening.lowerBound)] == "\\" {
                rest = rest[opening.upperBound...]
                continue
            }
            var depth = 1
            var end = opening.upperBound
            while end < rest.endIndex {
                if rest[end] == "(" { depth += 1 }
                if rest[end] == ")" { depth -= 1; if depth == 0 { break } }
                end = rest.index(after: end)
            }
            let target = rest[opening.upperBound..<end].split(separator: " ").first.map(String.init) ?? ""
            targets.append(target.trimmingCharacters(in: CharacterSet(charactersIn: "<>")))
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
        }
        return targets
    }

    private static func htmlTargets(in text: String) -> [String] {
        var targets: [String] = []
        for attribute in ["src=\"", "href=\""] {
            var rest = Substring(text)
            while let start = rest.range(of: attribute) {
                let value = rest[start.upperBound...].prefix { $0 != "\"" }
                targets.append(String(value).replacingOccurrences(of: "&amp;", with: "&"))
                rest = rest[value.endIndex...]
            }
        }
        return targets
    }
}
