import Foundation

/// One error the compiler reported: `/path/File.swift:12:5: error: message`.
///
/// Every reader of a build log (the command's short account, the report, the
/// grader's feedback) takes errors from it with this one rule.
public struct CompilerError: Hashable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    /// Parses one line of compiler output, or nil when it is not an error line.
    /// The line must start with the place: the source excerpts the compiler
    /// draws under it (`12 | code`, `   | `- error: …`) repeat the message and
    /// are not errors of their own. A path may hold spaces.
    public init?(line text: String) {
        guard let marker = text.range(of: ": error: "), let first = text.first, !first.isWhitespace else { return nil }
        let lineNumber = text.prefix { $0.isASCII && $0.isNumber }
        if !lineNumber.isEmpty && text.dropFirst(lineNumber.count).hasPrefix(" |") { return nil }
        let place = text[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
        guard place.count >= 3, let line = Int(place[place.count - 2]), let column = Int(place[place.count - 1]),
              !place[0].isEmpty else { return nil }
        file = place.dropLast(2).joined(separator: ":")
        self.line = line
        self.column = column
        message = String(text[marker.upperBound...])
    }

    /// `Sources/NeuralNetwork/Loss.swift:12:5: error: …`, the path relative to `root`
    /// when it lies inside it: terminals and editors make the place clickable.
    public func formatted(relativeTo root: URL) -> String {
        "\(Self.relativePath(file, to: root)):\(line):\(column): error: \(message)"
    }

    /// Every distinct error in a build log, in order.
    public static func all(in output: String) -> [CompilerError] {
        var seen = Set<CompilerError>()
        return output.split(whereSeparator: \.isNewline).compactMap { CompilerError(line: String($0)) }
            .filter { seen.insert($0).inserted }
    }

    /// The first `limit` errors of a build log, one line each with paths
    /// relative to `root`; when it names none (a linker or package error), the
    /// log's last 20 lines, so the reason is still there to read.
    public static func summary(of output: String, relativeTo root: URL, limit: Int = 5) -> String {
        let errors = all(in: output)
        guard errors.isEmpty else { return errors.prefix(limit).map { $0.formatted(relativeTo: root) }.joined(separator: "\n") }
        return output.split(whereSeparator: \.isNewline).suffix(20).map { relativePath(String($0), to: root) }.joined(separator: "\n")
    }

    /// `text` with the package's own path left out wherever it begins a path:
    /// as given, and as the build tools spell it with links resolved.
    public static func relativePath(_ text: String, to root: URL) -> String {
        let spellings = Set([root.standardizedFileURL.path, root.resolvingSymlinksInPath().path]).map { $0 + "/" }
        return spellings.reduce(text) { $0.replacingOccurrences(of: $1, with: "") }
    }
}
