import Foundation
import Workbook

/// The copy of the workbook handed to learners: every solution replaced by a stub
/// that names the exercise, every hidden check removed.
///
///     let summary = try LearnerEdition(source: packageRoot).write(to: URL(fileURLWithPath: "student"))
///
/// The workbook's own unit tests are left out (each test target keeps its
/// fixtures and one file that says why): they test the reference solutions, so in a learner's copy they
/// would stop at the first open exercise, and the grader's tests need the
/// reference and minutes of building. A learner's tests are the chapters.
public struct LearnerEdition: Sendable {
    /// The instructor's package, with solutions.
    public var source: URL

    public init(source: URL) {
        self.source = source
    }

    public struct Summary: Sendable {
        /// Every stubbed exercise with the file it is in, in file order.
        public var exercises: [(file: String, region: ExerciseRegion)]
        public var hiddenBlocksRemoved: Int
        public var testFilesLeftOut: Int
        public var filesWritten: Int
    }

    public enum Failure: Error, CustomStringConvertible {
        case destinationNotEmpty(String)
        case destinationIsAFile(String)

        public var description: String {
            switch self {
            case .destinationNotEmpty(let path):
                "\(path) is not empty: the learner edition goes into a new or empty folder, so nothing of yours is overwritten or mixed in"
            case .destinationIsAFile(let path):
                "\(path) is a file: the learner edition needs a new or empty folder"
            }
        }
    }

    /// Writes the edition into `destination`, which must be missing or empty.
    /// The copy is made in a temporary folder beside it and renamed into place, so
    /// a failure half-way leaves nothing behind. `checks`, from a run of the
    /// reference, goes in as `Chapters/checks.json`, so that the learner's
    /// summaries count points out of the real total.
    @discardableResult
    public func write(to destination: URL, checks: CheckManifest? = nil) throws -> Summary {
        let manager = FileManager.default
        try Self.requireEmptyFolder(destination)
        let parent = destination.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: staging)
        do {
            var summary = try writeFiles(into: staging)
            if var checks {
                var outside: [String: String] = [:]
                // Every file of the learner's module: of each, the grader takes region bodies only.
                for file in PackageFiles.list(in: staging, entries: ["Sources/NeuralNetwork"]) where file.hasSuffix(".swift") {
                    let text = try String(contentsOf: staging.appendingPathComponent(file), encoding: .utf8)
                    outside[file] = ExerciseSource.fingerprintOutsideRegions(text)
                }
                checks.outsideRegions = outside
                try checks.jsonData().write(to: staging.appendingPathComponent(CheckManifest.relativePath))
                summary.filesWritten += 1
            }
            if manager.fileExists(atPath: destination.path) { try manager.removeItem(at: destination) }
            try manager.moveItem(at: staging, to: destination)
            return summary
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    /// The learner's version of one package file: nil when it is copied unchanged.
    public static func learnerText(of text: String, file: String) throws -> (text: String, exercises: [ExerciseRegion], hiddenBlocks: Int)? {
        guard file.hasSuffix(".swift") else { return nil }
        let version = try ExerciseMarkers.learnerVersion(of: text, file: file)
        return version.exercises.isEmpty && version.hiddenBlocks == 0 ? nil : version
    }

    /// What each test target of the edition holds instead of the workbook's tests.
    public static let testPlaceholder = """
        // The workbook's own unit tests check the reference solutions, which this
        // learner edition leaves for you to write, so they are not part of your copy.
        // Your checks are the chapters: `./workbook` runs them all and
        // `./workbook run N` runs chapter N.
        import Testing

        """

    // MARK: - Parts

    private func writeFiles(into staging: URL) throws -> Summary {
        let manager = FileManager.default
        var summary = Summary(exercises: [], hiddenBlocksRemoved: 0, testFilesLeftOut: 0, filesWritten: 0)
        let replacements = Dictionary(uniqueKeysWithValues: PackageFiles.learnerReplacements)
        for file in PackageFiles.list(in: source, entries: PackageFiles.learnerEntries) {
            if PackageFiles.isInstructorOnly(file) {
                if let name = replacements[file] {
                    try manager.createDirectory(at: staging, withIntermediateDirectories: true)
                    try manager.copyItem(at: source.appendingPathComponent(file), to: staging.appendingPathComponent(name))
                    summary.filesWritten += 1
                }
                continue
            }
            // The instructor's README and Makefile give way to the learner's.
            if replacements.values.contains(file) { continue }
            // Test sources and the scripts that make fixtures (they hold the course's
            // training loop in NumPy) go; fixtures stay, since Package.swift may name them.
            if file.hasPrefix("Tests/") && (file.hasSuffix(".swift") || file.hasSuffix(".py")) {
                summary.testFilesLeftOut += 1
                continue
            }
            let from = source.appendingPathComponent(file)
            let to = staging.appendingPathComponent(file)
            try manager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            if let text = try? String(contentsOf: from, encoding: .utf8),
               let version = try Self.learnerText(of: text, file: file) {
                try Data(version.text.utf8).write(to: to)
                summary.exercises += version.exercises.map { (file, $0) }
                summary.hiddenBlocksRemoved += version.hiddenBlocks
            } else {
                // copyItem keeps permissions, e.g. .ci/run stays executable.
                try manager.copyItem(at: from, to: to)
            }
            summary.filesWritten += 1
        }
        // Package.swift names every test target, so each keeps its folder.
        let testsFolder = source.appendingPathComponent("Tests")
        let testTargets = (try? manager.contentsOfDirectory(atPath: testsFolder.path)) ?? []
        for target in testTargets.sorted() where !PackageFiles.isLeftOut(target)
            && !PackageFiles.isInstructorOnly("Tests/\(target)/") {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: testsFolder.appendingPathComponent(target).path, isDirectory: &isFolder),
                  isFolder.boolValue else { continue }
            let placeholder = staging.appendingPathComponent("Tests/\(target)/LearnerEdition.swift")
            try manager.createDirectory(at: placeholder.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(Self.testPlaceholder.utf8).write(to: placeholder)
            summary.filesWritten += 1
        }
        return summary
    }

    private static func requireEmptyFolder(_ destination: URL) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: destination.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw Failure.destinationIsAFile(destination.path) }
        let contents = try FileManager.default.contentsOfDirectory(atPath: destination.path)
        guard contents.isEmpty else { throw Failure.destinationNotEmpty(destination.path) }
    }
}
