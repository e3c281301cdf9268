import Foundation

/// The built `workbook` executable, run as a process, the way a user runs it.
enum Workbook {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// This test file's folder, and the fixtures in it.
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    /// `workbook` sits in the same build folder as the test bundle (the test
    /// target depends on the executable, so building the tests builds it).
    static let executable: URL = {
        // The bundle of this test module: the .xctest bundle on macOS, the test
        // executable's folder on Linux.
        let testBundle = Bundle(for: BundleMarker.self).bundleURL
        let candidates = [testBundle, testBundle.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("workbook") }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
            return found
        }
        // Built some other way: ask SwiftPM to build it into this build folder.
        let folder = candidates[0].deletingLastPathComponent()
        let scratch = folder.deletingLastPathComponent().deletingLastPathComponent()
        let build = Process()
        build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        build.arguments = ["swift", "build", "--product", "workbook", "--scratch-path", scratch.path]
        build.currentDirectoryURL = packageRoot
        try? build.run()
        build.waitUntilExit()
        return candidates[0]
    }()

    /// Runs `workbook` with `arguments` in `folder`, `environment` added to this
    /// process's, and collects what it prints.
    static func run(_ arguments: [String], in folder: URL = fixtures,
                    environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { $1 }
        process.environment = environment
        // Files rather than pipes: nothing can block however much the child prints.
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputURL = scratch.appendingPathComponent("stdout"), errorURL = scratch.appendingPathComponent("stderr")
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)
        let output = try FileHandle(forWritingTo: outputURL), error = try FileHandle(forWritingTo: errorURL)
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try output.close()
        try error.close()
        return Result(status: process.terminationStatus,
                      standardOutput: try String(contentsOf: outputURL, encoding: .utf8),
                      standardError: try String(contentsOf: errorURL, encoding: .utf8))
    }

    /// A fresh empty folder for one test's output files.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("workbook-train-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// A class of this module, to find its bundle by.
private final class BundleMarker {}
