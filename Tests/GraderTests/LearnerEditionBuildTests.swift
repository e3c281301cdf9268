import Foundation
import Testing
@testable import Grading
import Workbook

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
        // Nothing that holds the course's training loop: no fixture script, no benchmark folder.
        #expect(!PackageFiles.list(in: fresh, entries: ["Tests"]).contains { $0.hasSuffix(".py") })
        #expect(!manager.fileExists(atPath: fresh.appendingPathComponent("Benchmarks").path))
        // Nor the tool's engine, its tests, or the hidden checks: each holds exercise code of its own.
        for folder in ["Sources/Training", "Sources/HiddenChecks", "Tests/TrainingTests", "Tests/TrainTests"] {
            #expect(!manager.fileExists(atPath: fresh.appendingPathComponent(folder).path), "\(folder) is in the edition")
        }
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

        // `./workbook` starts the tool; `make test` says what the learner's tests are.
        #expect(manager.isExecutableFile(atPath: fresh.appendingPathComponent("workbook").path))
        let makeTest = ProcessRunner.run(executable: URL(fileURLWithPath: "/usr/bin/env"), arguments: ["make", "-s", "test"],
                                         currentDirectory: fresh, timeout: 60)
        #expect(makeTest.termination == .exit(2), "\(makeTest.output)")
        #expect(makeTest.output.contains("make run") && makeTest.output.contains("./workbook run N"), "\(makeTest.output)")

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
        guard build.termination == .exit(0) else { return }

        try engineIsOutOfTheLearnersReach(package: package, scratch: persistent.appendingPathComponent("build"))
        try syntaxErrorLeavesTheToolWorking(package: package, binFolder: persistent.appendingPathComponent("build/debug"))
        try plotWorksInTheEdition(binFolder: persistent.appendingPathComponent("build/debug"))
    }

    /// `workbook plot` computes no exercise, so the edition has it: a learner draws a log.
    private func plotWorksInTheEdition(binFolder: URL) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("edition-plot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("epoch,loss,val_loss\n0,0.7,0.72\n1,0.5,0.6\n".utf8).write(to: folder.appendingPathComponent("training.log"))
        let plot = ProcessRunner.run(executable: binFolder.appendingPathComponent("workbook"),
                                     arguments: ["plot", "training.log", "--output", "loss.png"],
                                     currentDirectory: folder, timeout: 120)
        #expect(plot.termination == .exit(0), "\(plot.output)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("loss.png").path), "\(plot.output)")
    }

    /// Exercise 8.1 written as a call into the tool's engine does not compile:
    /// the learner's module cannot see `Training`.
    private func engineIsOutOfTheLearnersReach(package: URL, scratch: URL) throws {
        let file = package.appendingPathComponent("Sources/NeuralNetwork/Perceptron.swift")
        let original = try String(contentsOf: file, encoding: .utf8)
        defer { try? original.write(to: file, atomically: true, encoding: .utf8) }
        let stub = try #require(ExerciseMarkers.lines(of: original).first { $0.contains("exerciseNotDone(\"8.1\"") })
        for call in ["var engine = FastPerceptron(sizes: sizes, activations: [.relu, .sigmoid], generator: &generator)",
                     "var engine = Training.FastPerceptron(sizes: sizes, activations: [.relu, .sigmoid], generator: &generator)"] {
            let cheat = original.replacingOccurrences(of: stub, with: """
                \(call)
                        return try engine.fit(data, epochs: epochs, learningRate: learningRate, generator: &generator)
                """)
            try cheat.write(to: file, atomically: true, encoding: .utf8)
            let build = ProcessRunner.run(
                executable: URL(fileURLWithPath: "/usr/bin/env"),
                arguments: ["swift", "build", "--target", "NeuralNetwork", "--package-path", package.path,
                            "--scratch-path", scratch.path],
                timeout: 600)
            #expect(build.termination != .exit(0), "Exercise 8.1 as `\(call)` compiled")
            #expect(build.output.contains("Perceptron.swift"), "\(build.output.suffix(2000))")
        }
    }

    /// A syntax error in an exercise file, outside every region (where no stub
    /// can take it out: `CompileIsolationRunTests` holds what a region's error
    /// costs), leaves `workbook list` working, and `workbook run 1` says where
    /// the error is in a few lines.
    private func syntaxErrorLeavesTheToolWorking(package: URL, binFolder: URL) throws {
        let file = package.appendingPathComponent("Sources/NeuralNetwork/Neuron.swift")
        let original = try String(contentsOf: file, encoding: .utf8)
        defer { try? original.write(to: file, atomically: true, encoding: .utf8) }
        let lines = ExerciseMarkers.lines(of: original)
        let stubIndex = try #require(lines.firstIndex { $0.contains("public func weightedSum(") }, "\(file.path):\n\(original)")
        try original.replacingOccurrences(of: lines[stubIndex], with: lines[stubIndex] + " let broken = 1 +")
            .write(to: file, atomically: true, encoding: .utf8)
        let workbook = binFolder.appendingPathComponent("workbook")

        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let list = ProcessRunner.run(executable: workbook, arguments: ["list"], environment: environment,
                                     currentDirectory: package, timeout: 120)
        #expect(list.termination == .exit(0), "\(list.output)")
        #expect(list.output.contains("Chapter") || list.output.contains("1."), "\(list.output)")

        let run = ProcessRunner.run(executable: workbook, arguments: ["run", "1"], environment: environment,
                                    currentDirectory: package, timeout: 900)
        #expect(run.termination != .exit(0))
        let printed = run.output.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.isEmpty && !$0.contains("warning: prohibited flag") }
        #expect(printed.count < 10, "\(run.output)")
        // The compiler notices the missing operand on the broken line or a few below it.
        let place = try Regex(#"Sources/NeuralNetwork/Neuron\.swift:(\d+):\d+: error: "#)
        let line = try #require(run.output.firstMatch(of: place).flatMap { Int($0.output[1].substring ?? "") },
                                "\(run.output)")
        #expect((stubIndex + 1)...(stubIndex + 4) ~= line, "\(run.output)")
        #expect(!run.output.contains("does not compile ("), "no region holds the error: \(run.output)")
        #expect(run.output.contains("No chapter can run"), "\(run.output)")
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
