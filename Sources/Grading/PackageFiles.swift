import Foundation
import Workbook

/// The files of the workbook package that copies of it carry: the learner
/// edition and the grader's build folders.
public enum PackageFiles {
    /// What a learner's copy holds. An allow-list, so nothing the instructor keeps
    /// in the package folder (grades, submissions, build folders) can slip in.
    public static let learnerEntries = [
        "Package.swift", "README.md", "Makefile", "workbook", ".gitignore",
        "Sources", "Chapters", "Tests", "Data", "docs", "Output/README.md",
    ]

    /// Instructor-only files inside `learnerEntries`, left out of the learner
    /// edition: the instructors' guide; the learner's own README and Makefile,
    /// which take the place of the instructor's at the top; and the tool's
    /// training engine with its tests, which compute what the exercises ask
    /// (Package.swift and the `workbook` command do without them); the
    /// instructor's README's figures of `workbook plot`, which the edition has not;
    /// the hidden checks, which grading builds alone compile; and the table of the
    /// reference's mutants, whose descriptions together spell the reference out.
    public static let instructorOnly = [
        "docs/instructors.md", "docs/learner/", "docs/figures/", "Sources/Training/", "Tests/TrainingTests/",
        "Tests/TrainTests/", "Sources/HiddenChecks/",
        // The reference's mutants: their descriptions and the names they are made
        // from tell of the reference's code, and only the instructor regenerates them.
        "docs/mutants.json", "docs/mutants.md", "Sources/Grading/Mutants/", "Sources/WorkbookCLI/MutantsCommand.swift",
        "Tests/GraderTests/MutantGeneratorTests.swift", "Tests/GraderTests/MutantTableTests.swift",
        "Tests/GraderTests/SealedCausesTests.swift", "Tests/GraderTests/Fixtures/second-solution/", "Tests/GraderTests/Fixtures/third-solution/", "docs/slip-causes.md",
    ]

    /// True when `file` (package-relative) is one of `instructorOnly` or lies in one of its folders.
    public static func isInstructorOnly(_ file: String) -> Bool {
        instructorOnly.contains { file == $0 || ($0.hasSuffix("/") && file.hasPrefix($0)) }
    }

    /// The learner edition's README and Makefile: (source in the package, name in the edition).
    public static let learnerReplacements = [("docs/learner/README.md", "README.md"), ("docs/learner/Makefile", "Makefile")]

    /// What building and running the chapters needs. `Package.resolved` pins the
    /// dependencies to the versions the instructor's own build uses.
    public static let buildEntries = ["Package.swift", "Package.resolved", "Sources", "Chapters", "Tests", "Data"]

    /// The files (relative paths, sorted) under `entries` of `root`, leaving out
    /// build folders, version control and editor litter at any depth.
    public static func list(in root: URL, entries: [String]) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for entry in entries {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: root.appendingPathComponent(entry).path, isDirectory: &isFolder) else { continue }
            guard isFolder.boolValue else {
                files.append(entry)
                continue
            }
            let folder = root.appendingPathComponent(entry)
            guard let walker = manager.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey]) else { continue }
            for case let url as URL in walker {
                let name = url.lastPathComponent
                let isDirectory = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
                if isLeftOut(name) {
                    if isDirectory { walker.skipDescendants() }
                    continue
                }
                if !isDirectory {
                    files.append(entry + "/" + relativePath(of: url, under: folder))
                }
            }
        }
        return files.sorted()
    }

    /// Build output, version control, SwiftPM state and editor files.
    public static func isLeftOut(_ name: String) -> Bool {
        name.hasPrefix(".build") || name == ".swiftpm" || name == ".git" || name == ".DS_Store"
            || name.hasSuffix(".swp") || name.hasSuffix("~")
    }

    /// `url`'s path below `folder`, with forward slashes.
    public static func relativePath(of url: URL, under folder: URL) -> String {
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let full = url.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        return full.dropFirst(base.count).joined(separator: "/")
    }

    /// Makes `package` hold exactly `files` (package-relative path → contents)
    /// under `buildEntries`, rewriting only what changed, so a build there stays
    /// incremental; files left from an earlier copy are removed, since they would
    /// be compiled too.
    public static func sync(_ files: [String: Data], into package: URL) throws {
        let manager = FileManager.default
        for (path, contents) in files {
            let url = package.appendingPathComponent(path)
            if let existing = manager.contents(atPath: url.path), existing == contents { continue }
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url)
        }
        for path in list(in: package, entries: buildEntries) where files[path] == nil {
            try manager.removeItem(at: package.appendingPathComponent(path))
        }
    }
}
