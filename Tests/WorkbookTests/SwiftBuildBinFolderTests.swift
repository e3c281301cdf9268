import Foundation
import Testing
import Workbook

/// `SwiftBuild.binFolder()` asks SwiftPM once and keeps the answer for as long
/// as the manifest stays what it was.
struct SwiftBuildBinFolderTests {
    @Test func theBinFolderIsAskedOnceAndAgainWhenTheManifestChanges() throws {
        let manager = FileManager.default
        let package = manager.temporaryDirectory.appendingPathComponent("bin-folder-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: package) }
        try manager.createDirectory(at: package.appendingPathComponent("Sources/Tiny"), withIntermediateDirectories: true)
        let manifest = """
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(name: "Tiny", targets: [.executableTarget(name: "Tiny")])

            """
        try manifest.write(to: package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try "print(1)\n".write(to: package.appendingPathComponent("Sources/Tiny/main.swift"), atomically: true, encoding: .utf8)

        let build = SwiftBuild(packageRoot: package)
        let asked = try build.binFolder()
        #expect(asked.path.hasPrefix(package.appendingPathComponent(".build").path), "\(asked.path)")
        #expect(asked.lastPathComponent == "debug")
        try manager.createDirectory(at: asked, withIntermediateDirectories: true)

        // What the cache holds is what the next call answers, without SwiftPM:
        // point it at another folder and the answer follows.
        let cache = package.appendingPathComponent(".build/workbook-bin-path")
        let lines = try String(contentsOf: cache, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 2 && lines[1] == asked.path, "\(lines)")
        let elsewhere = package.appendingPathComponent("elsewhere")
        try manager.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try "\(lines[0])\n\(elsewhere.path)\n".write(to: cache, atomically: true, encoding: .utf8)
        #expect(try build.binFolder().path == elsewhere.path)

        // A folder since removed is asked for again.
        try manager.removeItem(at: elsewhere)
        #expect(try build.binFolder().path == asked.path)

        // So is a changed manifest: the cache no longer answers.
        try "\(lines[0])\n\(package.path)\n".write(to: cache, atomically: true, encoding: .utf8)
        try (manifest + "// changed\n").write(to: package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        #expect(try build.binFolder().path == asked.path)
    }
}
