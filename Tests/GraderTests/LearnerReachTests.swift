import Foundation
@testable import Grading
import Testing
import Workbook

/// What the learner's code can reach through the modules its files import: no
/// public declaration of them takes or gives a file, a path, bytes read from
/// disk, a file handle or a process (`PublicDeclarations`).
struct LearnerReachTests {
    static let packageRoot = GradingFixture.packageRoot

    /// The modules the exercise files import, with every module those re-export
    /// (`@_exported import`), transitively.
    static func modulesTheLearnerSees() throws -> [String] {
        var seen: [String] = []
        var pending = try ModuleBoundaryTests.networkFiles()
            .filter { $0.text.contains("// BEGIN SOLUTION") }
            .flatMap { imports(in: $0.text, prefix: "import ") }
        while let module = pending.popLast() {
            guard !seen.contains(module) else { continue }
            seen.append(module)
            for file in PackageFiles.list(in: packageRoot, entries: ["Sources/\(module)"]) where file.hasSuffix(".swift") {
                let text = try String(contentsOf: packageRoot.appendingPathComponent(file), encoding: .utf8)
                pending += imports(in: text, prefix: "@_exported import ")
            }
        }
        return seen
    }

    /// The module names of the lines that start with `prefix`.
    static func imports(in text: String, prefix: String) -> [String] {
        ExerciseMarkers.lines(of: text).compactMap { line in
            let line = line.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix(prefix) else { return nil }
            return line.dropFirst(prefix.count).split(separator: " ").first.map(String.init)
        }
    }

    @Test func noModuleTheLearnerImportsReachesFilesOrProcesses() throws {
        let modules = try Self.modulesTheLearnerSees()
        #expect(modules == ["CourseData"], "the exercise files see \(modules)")
        for module in modules {
            let declarations = try PublicDeclarations.of(module)
            #expect(declarations.count > 50, "\(module)'s public API was read: \(declarations.count) declarations")
            let reaching = declarations.compactMap { declaration in
                PublicDeclarations.fileReach(of: declaration).map { "\(declaration) — \($0)" }
            }
            let list = reaching.joined(separator: "\n")
            #expect(reaching.isEmpty, "the learner's code could reach files or processes through:\n\(list)")
        }
    }

    /// The detector finds what it must: CourseFiles, which the learner's module
    /// never links, reads files by design.
    @Test func theDetectorFindsCourseFilesReaders() throws {
        let found = try PublicDeclarations.of("CourseFiles").filter { PublicDeclarations.fileReach(of: $0) != nil }
        for reader in ["DataSet.init(contentsOfCSV:)", "DataTable.init(contentsOf:)",
                       "CSVTable.init(contentsOf:file:headerRequired:)"] {
            #expect(found.contains { $0.path == reader }, "\(reader) not found among \(found)")
        }
    }

    @Test(arguments: [
        ("init(contentsOfCSV url: URL) throws", true),
        ("func save(atPath: String)", true),
        ("var outputFolder: String", true),
        ("init(csv text: String, file: String = \"<text>\") throws", false),
        ("static func generated(_ shape: DataSet.Shape, count: Int = 400) -> DataSet", false),
    ])
    func signaturesAreJudgedByTheirTypesAndNames(_ text: String, reaches: Bool) {
        // A hand-made declaration as the symbol graph splits it: names and types by kind.
        let fragments = text.split(whereSeparator: { " ():=,".contains($0) }).map { token -> PublicDeclarations.Fragment in
            let word = String(token)
            let kind = word.first?.isUppercase == true ? "typeIdentifier" : "externalParam"
            return PublicDeclarations.Fragment(kind: kind, spelling: word)
        }
        let declaration = PublicDeclarations.Declaration(graph: "Example", path: "example", text: text, fragments: fragments)
        #expect((PublicDeclarations.fileReach(of: declaration) != nil) == reaches, "\(text)")
    }
}
