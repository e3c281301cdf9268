import Foundation
import Workbook

/// A figure as the report shows it: its caption, and its path relative to the
/// output folder when the file is there to link to.
public struct ReportFigure: Equatable, Sendable {
    public var caption: String
    /// The path the chapter recorded, e.g. `figures/chapter-08-loss.png`.
    public var recordedPath: String
    /// `recordedPath` when it names a file inside the output folder; nil when the
    /// file is missing or the path leads elsewhere, so no page links to nothing.
    public var path: String?
}

/// Everything the report knows about one chapter: how its run went, its woven
/// source, and its figures checked against the output folder.
public struct ReportChapter: Sendable {
    public var run: ChapterRun
    /// Nil when the chapter's source could not be read.
    public var segments: [LiterateSegment]?
    public var figures: [ReportFigure]
    /// Out of the checks manifest's maximum when the package has one (see `ChapterPoints`).
    public var points: ChapterPoints

    public var info: ChapterInfo { run.info }
    public var pageName: String { "\(info.slug).md" }
    public var checks: [CheckResult] { run.record?.checks ?? [] }

    public init(run: ChapterRun, segments: [LiterateSegment]?, figures: [ReportFigure], manifest: CheckManifest? = nil) {
        self.run = run
        self.segments = segments
        self.figures = figures
        points = ChapterPoints(chapter: run.info.number, record: run.record, manifest: manifest)
    }

    /// Reads the chapter's source from the package and finds its figures in the output folder.
    public init(run: ChapterRun, packageRoot: URL, outputFolder: URL, manifest: CheckManifest? = nil) {
        let source = try? String(contentsOf: packageRoot.appendingPathComponent(run.info.sourcePath), encoding: .utf8)
        let figures = (run.record?.figures ?? []).map { figure in
            ReportFigure(caption: figure.caption, recordedPath: figure.path,
                         path: Self.isLinkable(figure.path, in: outputFolder) ? figure.path : nil)
        }
        self.init(run: run, segments: source.map(LiterateWeaver.segments(of:)), figures: figures, manifest: manifest)
    }

    /// A relative path without `..` naming an existing file: links from pages in
    /// the output folder to it stay inside that folder.
    static func isLinkable(_ path: String, in outputFolder: URL) -> Bool {
        let components = path.split(separator: "/")
        guard !path.hasPrefix("/"), !components.isEmpty, !components.contains(".."), !path.contains("\\") else {
            return false
        }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: outputFolder.appendingPathComponent(path).path,
                                                    isDirectory: &isFolder)
        return exists && !isFolder.boolValue
    }
}

/// Where in a chapter's code its checks and figures are made, so the page can
/// show each result right after the code that produced it.
enum ChapterCalls {
    /// How a `check("…"` call names its check.
    enum Name: Equatable {
        /// A plain literal: the one check of that name.
        case exact(String)
        /// A name built with `\(…)`, as in a loop: every check starting with the
        /// literal text before the first interpolation.
        case prefix(String)

        func matches(_ name: String) -> Bool {
            switch self {
            case .exact(let text): name == text
            case .prefix(let text): name.hasPrefix(text)
            }
        }
    }

    /// The names in `check("…"` calls, in order.
    static func checkNames(in code: String) -> [Name] {
        literalArguments(of: "check(", in: code)
    }

    /// The names in `figure("…"` calls, in order.
    static func figureNames(in code: String) -> [Name] {
        literalArguments(of: "figure(", in: code)
    }

    /// The string literal that opens the argument list of each call to `function`.
    private static func literalArguments(of function: String, in code: String) -> [Name] {
        var names: [Name] = []
        var rest = Substring(code)
        while let call = rest.range(of: "." + function) {
            rest = rest[call.upperBound...]
            let afterSpaces = rest.drop { $0 == " " || $0 == "\n" }
            guard afterSpaces.first == "\"" else { continue }
            var literal = ""
            var escaped = false
            var closed = false
            for character in afterSpaces.dropFirst() {
                if escaped { literal.append(character); escaped = false; continue }
                if character == "\\" { escaped = true; literal.append(character); continue }
                if character == "\"" { closed = true; break }
                if character == "\n" { break }
                literal.append(character)
            }
            guard closed else { continue }
            if let interpolation = literal.range(of: "\\(") {
                let prefix = String(literal[..<interpolation.lowerBound])
                if !prefix.isEmpty { names.append(.prefix(unescaped(prefix))) }
            } else {
                names.append(.exact(unescaped(literal)))
            }
        }
        return names
    }

    private static func unescaped(_ literal: String) -> String {
        literal.replacingOccurrences(of: "\\\"", with: "\"")
            .replacingOccurrences(of: "\\\\", with: "\\")
            .replacingOccurrences(of: "\\n", with: "\n")
            .replacingOccurrences(of: "\\t", with: "\t")
    }
}
