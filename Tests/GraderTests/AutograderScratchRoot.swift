import Foundation
import Workbook

/// A folder laid out like Gradescope's `/autograder`: the zip unpacked into
/// `source/`, one learner's files in `submission/`, and `results/`. The scripts
/// find it through `AUTOGRADER_ROOT`.
struct AutograderScratchRoot {
    let root: URL
    var source: URL { root.appendingPathComponent("source") }
    var submission: URL { root.appendingPathComponent("submission") }
    var results: URL { root.appendingPathComponent("results/results.json") }

    /// The built `workbook`: the test target depends on the executable, so it
    /// sits beside the test bundle.
    static let workbook: URL = {
        let bundle = Bundle.main.bundleURL
        return [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("workbook") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? bundle.appendingPathComponent("workbook")
    }()

    /// Writes the zip with `workbook autograder` from `packageRoot` and unpacks it into a new root.
    static func unpack(from packageRoot: URL, into root: URL) throws -> AutograderScratchRoot {
        let manager = FileManager.default
        try? manager.removeItem(at: root)
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        let zip = root.appendingPathComponent("autograder.zip")
        let written = ProcessRunner.run(executable: workbook, arguments: ["autograder", "--output", zip.path],
                                        currentDirectory: packageRoot, timeout: 300)
        guard written.termination == .exit(0) else { throw CheckFailure("workbook autograder failed:\n\(written.output)") }
        let scratch = AutograderScratchRoot(root: root)
        let unzip = ProcessRunner.run(executable: URL(fileURLWithPath: "/usr/bin/unzip"),
                                      arguments: ["-q", zip.path, "-d", scratch.source.path], timeout: 300)
        guard unzip.termination == .exit(0) else { throw CheckFailure("unzip failed:\n\(unzip.output)") }
        return scratch
    }

    /// Puts a copy of `folder` at `submission/`, removes old results, and runs
    /// `run_autograder` as Gradescope would, with `environment` added.
    func grade(_ folder: URL, environment: [String: String]) throws -> ProcessRunner.Result {
        let manager = FileManager.default
        try? manager.removeItem(at: submission)
        try? manager.removeItem(at: results.deletingLastPathComponent())
        try manager.copyItem(at: folder, to: submission)
        var variables = ProcessInfo.processInfo.environment
        variables["AUTOGRADER_ROOT"] = root.path
        variables["NO_COLOR"] = "1"
        variables.merge(environment) { $1 }
        return ProcessRunner.run(executable: URL(fileURLWithPath: "/bin/bash"),
                                 arguments: [source.appendingPathComponent("run_autograder").path],
                                 environment: variables, timeout: 1200)
    }
}
