import Foundation
import Workbook

/// The public declarations of a built module, as `swift-symbolgraph-extract`
/// lists them from its `.swiftmodule`, and a detector of those that reach the
/// file system or other processes.
///
/// The modules are the ones this test binary was linked with (every test build
/// compiles them), so nothing is rebuilt: extracting one takes about a second.
enum PublicDeclarations {
    struct Declaration: CustomStringConvertible {
        /// The symbol-graph file it came from: `CourseFiles@CourseData` for an
        /// extension of CourseData's types declared in CourseFiles.
        let graph: String
        /// Its container's name and its own, `DataSet.init(contentsOfCSV:)`.
        let path: String
        /// The declaration as written, `init(contentsOfCSV url: URL) throws`.
        let text: String
        let fragments: [Fragment]

        var description: String { "\(graph): \(path): \(text)" }
    }

    struct Fragment: Decodable {
        /// `keyword`, `identifier`, `typeIdentifier`, `externalParam`, `internalParam`, `text`, …
        let kind: String
        let spelling: String
    }

    /// Types that hold or open files, streams or processes. A declaration that
    /// names one hands the caller the means to use it.
    static let fileTypes: Set<String> = [
        "URL", "NSURL", "URLComponents", "URLRequest", "URLSession", "Data", "NSData", "FileHandle", "FileManager",
        "FileDescriptor", "FilePath", "Process", "ProcessInfo", "Pipe", "Bundle", "Stream", "InputStream",
        "OutputStream", "FILE", "DIR",
    ]

    /// Words of a name (split at its capitals) that say it takes or gives a place
    /// in the file system or a process. `file` is not one: CourseData's parsers
    /// take a `file` name only to say where an error is, and open nothing.
    static let fileWords: Set<String> = [
        "path", "paths", "url", "urls", "directory", "folder", "handle", "descriptor", "environment", "process",
    ]

    /// Why `declaration` reaches files or processes, or nil when nothing in its
    /// signature does.
    static func fileReach(of declaration: Declaration) -> String? {
        for fragment in declaration.fragments {
            switch fragment.kind {
            case "typeIdentifier" where fileTypes.contains(fragment.spelling):
                return "names the type \(fragment.spelling)"
            case "identifier", "externalParam", "internalParam":
                if fragment.spelling.lowercased().contains("contentsof") {
                    return "reads contents: \(fragment.spelling)"
                }
                if let word = words(of: fragment.spelling).first(where: fileWords.contains) {
                    return "\(fragment.spelling) names a \(word)"
                }
            default:
                continue
            }
        }
        return nil
    }

    /// `contentsOfCSV` → ["contents", "of", "csv"], `atPath` → ["at", "path"].
    static func words(of name: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in name {
            if (character.isUppercase && !(current.last?.isUppercase ?? true)) || character == "_" {
                if !current.isEmpty { words.append(current.lowercased()) }
                current = ""
            }
            if character != "_" { current.append(character) }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }

    /// The folder of the built modules' `.swiftmodule` files: beside this test
    /// binary, as SwiftPM lays out a build.
    static func modulesFolder() throws -> URL {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for folder in sequence(first: binary.deletingLastPathComponent(), next: {
            $0.path == "/" ? nil : $0.deletingLastPathComponent()
        }).prefix(4) {
            let modules = folder.appendingPathComponent("Modules")
            if FileManager.default.fileExists(atPath: modules.appendingPathComponent("CourseData.swiftmodule").path) {
                return modules
            }
        }
        throw CheckFailure("no Modules/CourseData.swiftmodule near the test binary \(binary.path)")
    }

    /// The public declarations of `module`, and of its extensions to other modules' types.
    static func of(_ module: String) throws -> [Declaration] {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("neuralworkbook-symbols-\(module)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let modules = try modulesFolder()
        let result = ProcessRunner.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            arguments: ["swift", "symbolgraph-extract", "-module-name", module, "-I", modules.path,
                        "-minimum-access-level", "public", "-output-dir", output.path],
            timeout: 120)
        guard result.termination == .exit(0) else {
            throw CheckFailure("swift symbolgraph-extract \(module) failed:\n\(result.output)")
        }
        struct Graph: Decodable {
            struct Symbol: Decodable {
                let pathComponents: [String]
                let declarationFragments: [Fragment]?
            }
            let symbols: [Symbol]
        }
        var declarations: [Declaration] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() where file.hasSuffix(".symbols.json") {
            let graph = try JSONDecoder().decode(Graph.self, from: Data(contentsOf: output.appendingPathComponent(file)))
            for symbol in graph.symbols {
                let fragments = symbol.declarationFragments ?? []
                declarations.append(Declaration(graph: String(file.dropLast(".symbols.json".count)),
                                                path: symbol.pathComponents.joined(separator: "."),
                                                text: fragments.map(\.spelling).joined(), fragments: fragments))
            }
        }
        return declarations
    }
}
