import Foundation
import Testing
@testable import Workbook

/// The learner edition as a whole package: it builds, tests included, without
/// errors or warnings from the stubs, and leaves out what it must.
struct LearnerEditionBuildTests {
    @Test func editionBuildsWithItsTestsAndWithoutWarnings() throws {
        let manager = FileManager.default
        let fresh = manager.temporaryDirectory.appendingPathComponent("neuralworkbook-edition-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: fresh) }
        let summary = try LearnerEdition(source: GradingFixture.packageRoot).write(to: fresh)
        #expect(summary.exercises.count >= 10)

        let topLevel = Set(try manager.contentsOfDirectory(atPath: fresh.path))
        #expect(topLevel.isSubset(of: Set(PackageFiles.learnerEntries + ["Output"])), "\(topLevel)")
        #expect(try manager.contentsOfDirectory(atPath: fresh.appendingPathComponent("Output").path) == ["README.md"])
        let files = PackageFiles.list(in: fresh, entries: ["Sources", "Tests", "Chapters"])
        #expect(files.filter { $0.hasPrefix("Tests/") && $0.hasSuffix(".swift") }
            .allSatisfy { $0.hasSuffix("/LearnerEdition.swift") })
        for file in files where file.hasPrefix("Sources/NeuralNetwork/") {
            let text = try String(contentsOf: fresh.appendingPathComponent(file), encoding: .utf8)
            for region in try ExerciseMarkers.exercises(in: text, file: file) {
                let lines = ExerciseMarkers.lines(of: text)
                #expect(region.endLine == region.beginLine + 2, "\(file): the stub is the region's one line")
                #expect(lines[region.beginLine + 1].contains("exerciseNotDone(\"\(region.number)\""))
            }
        }

        // Built in a folder that outlives the test, at the same path each time,
        // so a second run only rebuilds what changed.
        let persistent = manager.temporaryDirectory.appendingPathComponent("neuralworkbook-edition-build")
        let package = persistent.appendingPathComponent("package")
        var contents: [String: Data] = [:]
        for file in PackageFiles.list(in: fresh, entries: PackageFiles.learnerEntries) {
            contents[file] = try Data(contentsOf: fresh.appendingPathComponent(file))
        }
        if let resolved = try? Data(contentsOf: GradingFixture.packageRoot.appendingPathComponent("Package.resolved")) {
            contents["Package.resolved"] = resolved
        }
        try sync(contents, into: package)
        let build = ProcessRunner.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            arguments: ["swift", "build", "--build-tests", "--package-path", package.path,
                        "--scratch-path", persistent.appendingPathComponent("build").path],
            timeout: 1200)
        #expect(build.termination == .exit(0), "\(build.output.suffix(3000))")
        let ownWarnings = build.output.split(separator: "\n").filter { line in
            line.contains("warning:") && ["/Sources/", "/Chapters/", "/Tests/"].contains { line.contains(package.path + $0) }
        }
        #expect(ownWarnings.isEmpty, "\(ownWarnings.joined(separator: "\n"))")
    }

    /// Makes `folder` hold exactly `contents`, rewriting only files that changed.
    private func sync(_ contents: [String: Data], into folder: URL) throws {
        let manager = FileManager.default
        for (path, data) in contents {
            let url = folder.appendingPathComponent(path)
            if (try? Data(contentsOf: url)) == data { continue }
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        for path in PackageFiles.list(in: folder, entries: PackageFiles.learnerEntries + ["Package.resolved"])
        where contents[path] == nil {
            try manager.removeItem(at: folder.appendingPathComponent(path))
        }
    }
}
