import Foundation
import Testing
@testable import Workbook

/// A build is of the files as they are on disk, even when a save keeps the
/// size and the modification time SwiftPM compares.
struct SourceStampsTests {
    /// The slip and its fix have the same length; the fix is given the slip's
    /// modification time back (as `touch -d` would), so size and time match what
    /// the last build saw. The binary must be the fix's, every time.
    /// Without the recorded hashes this fails every time: the test does not
    /// depend on two saves landing in one clock tick.
    @Test func aFixSavedWithTheSlipsSizeAndTimeIsBuilt() throws {
        let manager = FileManager.default
        let package = manager.temporaryDirectory.appendingPathComponent("stamps-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: package) }
        try manager.createDirectory(at: package.appendingPathComponent("Sources/Tiny"), withIntermediateDirectories: true)
        try """
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(name: "Tiny", targets: [.executableTarget(name: "Tiny")])

            """.write(to: package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let main = package.appendingPathComponent("Sources/Tiny/main.swift")
        let build = SwiftBuild(packageRoot: package)

        func buildAndRun() throws -> String {
            let outcome = build.build(products: ["Tiny"], timeout: 300)
            #expect(outcome.succeeded, "\(outcome.output)")
            let result = ProcessRunner.run(executable: try build.binFolder().appendingPathComponent("Tiny"),
                                           arguments: [], timeout: 30, echo: false)
            return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        // The slip, written in place as an editor saves.
        try Data("print(\"slip\")\n".utf8).write(to: main)
        let slipTime = try #require(try manager.attributesOfItem(atPath: main.path)[.modificationDate] as? Date)
        #expect(try buildAndRun() == "slip")

        try Data("print(\"fix!\")\n".utf8).write(to: main)
        try manager.setAttributes([.modificationDate: slipTime], ofItemAtPath: main.path)
        #expect(try buildAndRun() == "fix!")
        #expect(try String(contentsOf: main, encoding: .utf8) == "print(\"fix!\")\n", "the content is never changed")
    }

    @Test func onlyChangedFilesAreMovedAndTheRecordFollowsTheContent() throws {
        let manager = FileManager.default
        let package = manager.temporaryDirectory.appendingPathComponent("stamps-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: package) }
        let sources = package.appendingPathComponent("Sources/A")
        try manager.createDirectory(at: sources, withIntermediateDirectories: true)
        try manager.createDirectory(at: package.appendingPathComponent("Chapters/01-x"), withIntermediateDirectories: true)
        let a = sources.appendingPathComponent("a.swift"), b = sources.appendingPathComponent("b.swift")
        let chapter = package.appendingPathComponent("Chapters/01-x/main.swift")
        for url in [a, b, chapter] { try Data("let x = 1\n".utf8).write(to: url) }
        try Data("not swift".utf8).write(to: sources.appendingPathComponent("README.md"))

        let stamps = SourceStamps(packageRoot: package, buildFolder: package.appendingPathComponent(".build"))
        #expect(stamps.swiftFiles() == ["Chapters/01-x/main.swift", "Sources/A/a.swift", "Sources/A/b.swift"])
        #expect(stamps.prepareBuild().isEmpty, "a first build has nothing to compare with")
        #expect(stamps.prepareBuild().isEmpty, "nothing changed")

        let old = Date(timeIntervalSince1970: 1_000_000)
        try Data("let x = 2\n".utf8).write(to: b)
        for url in [a, b] { try manager.setAttributes([.modificationDate: old], ofItemAtPath: url.path) }
        let now = Date()
        #expect(stamps.prepareBuild(now: now) == ["Sources/A/b.swift"])
        let movedTime = try #require(try manager.attributesOfItem(atPath: b.path)[.modificationDate] as? Date)
        #expect(movedTime.timeIntervalSince(now) > -0.001, "moved to now or later")
        let keptTime = try #require(try manager.attributesOfItem(atPath: a.path)[.modificationDate] as? Date)
        #expect(keptTime == old)
        #expect(stamps.prepareBuild().isEmpty, "the record now holds the new content")
    }
}
