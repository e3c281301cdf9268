import Foundation
import Testing
@testable import Grading
import Workbook

/// The boundary between the learner's code and the tool: the package's
/// dependency graph, and the learner edition giving no answer away.
struct ModuleBoundaryTests {
    static let packageRoot = GradingFixture.packageRoot

    // MARK: - The dependency graph, as SwiftPM sees it

    /// Each target's direct dependencies, from `swift package describe`.
    static func targetDependencies() throws -> [String: [String]] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("neuralworkbook-describe")
        let result = ProcessRunner.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            arguments: ["swift", "package", "--package-path", packageRoot.path, "--scratch-path", scratch.path,
                        "describe", "--type", "json"],
            timeout: 300)
        guard result.termination == .exit(0), let start = result.output.firstIndex(of: "{") else {
            throw CheckFailure("swift package describe failed:\n\(result.output)")
        }
        struct Description: Decodable {
            struct Target: Decodable {
                let name: String
                let target_dependencies: [String]?
            }
            let targets: [Target]
        }
        let description = try JSONDecoder().decode(Description.self, from: Data(result.output[start...].utf8))
        return Dictionary(uniqueKeysWithValues: description.targets.map { ($0.name, $0.target_dependencies ?? []) })
    }

    /// Every target `target` depends on, directly or through others.
    static func reachable(from target: String, in graph: [String: [String]]) -> Set<String> {
        var seen = Set<String>(), stack = graph[target] ?? []
        while let next = stack.popLast() {
            if seen.insert(next).inserted { stack += graph[next] ?? [] }
        }
        return seen
    }

    @Test func theToolNeverReachesTheLearnersModule() throws {
        let graph = try Self.targetDependencies()
        for tool in ["WorkbookCLI", "Training", "RunLogs", "Report", "Grading", "Workbook", "Plot", "CourseData", "CourseFiles"] {
            #expect(graph[tool] != nil, "no target \(tool)")
            #expect(!Self.reachable(from: tool, in: graph).contains("NeuralNetwork"), "\(tool) reaches NeuralNetwork")
        }
    }

    @Test func theLearnersModuleReachesOnlyTheSharedData() throws {
        let graph = try Self.targetDependencies()
        #expect(Self.reachable(from: "NeuralNetwork", in: graph) == ["CourseData"])
    }

    @Test func chaptersNeverReachTheGraderOrTheReport() throws {
        let graph = try Self.targetDependencies()
        let chapters = graph.keys.filter { $0.hasPrefix("Chapter") }
        #expect(chapters.count == Catalog.chapters.count)
        for chapter in chapters {
            let reached = Self.reachable(from: chapter, in: graph)
            #expect(reached.isDisjoint(with: ["Grading", "Report", "WorkbookCLI"]), "\(chapter) reaches \(reached)")
        }
    }

    // MARK: - No answer outside the solution regions

    /// For each exercise, code that computes what it asks. Each pattern must be
    /// found in the exercise's own reference solution (so it is not vacuous) and
    /// nowhere in the learner's module once the solutions are stubbed: not in
    /// code, not in a doc comment written as Swift.
    static let giveaways: [String: [String]] = [
        "1.1": [#"zip\(weights,\s*x\)"#, #"\+\s*bias\b"#],
        "2.1": [#">\s*0\s*\?\s*1\s*:\s*0"#],
        "2.2": [#"\w+\s*\*\s*\(1\s*-\s*\w+\)"#],
        "3.1": [#"rows:\s*neurons,\s*columns:\s*inputs"#, #"rows:\s*neurons,\s*columns:\s*1"#],
        "4.1": [#"weights\s*\*\s*\w+\s*\+\s*biases"#],
        "4.2": [#"layers\[[^\]]+\]\.forward\("#],
        "5.1": [#"log\(yHat\)"#, #"log\(1\s*-\s*yHat\)"#],
        "5.2": [#"/\s*Double\(labels\.count\)"#],
        "6.1": [#"\(yHat\s*-\s*y\)\s*/"#],
        "7.1": [#"derivative\(weightedSums\)"#, #"\*\s*input\.transposed"#, #"weights\.transposed\s*\*"#,
                #"-=\s*learningRate\s*\*"#],
        "7.2": [#"\.backward\("#, #"binaryCrossEntropyGradient\(label:"#, #"indices\.reversed\(\)"#],
        "8.1": [#"permutation\("#, #"backward\(label:"#, #"checkUnsaturated\("#],
        "9.1": [#"truePositives\s*\+=\s*1"#],
        "9.2": [#"truePositives\s*\+\s*trueNegatives"#],
        "9.3": [#"truePositives,\s*truePositives\s*\+\s*falsePositives\)"#],
        "9.4": [#"truePositives,\s*truePositives\s*\+\s*falseNegatives\)"#],
        "9.5": [#"precision\s*\*\s*recall"#],
    ]

    /// The learner-facing files: the learner's module.
    static func networkFiles() throws -> [(path: String, text: String)] {
        try PackageFiles.list(in: packageRoot, entries: ["Sources/NeuralNetwork"]).map { path in
            (path, try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8))
        }
    }

    @Test func noCodeOutsideTheRegionsComputesAnExercise() throws {
        var solutions: [String: String] = [:]
        var learnerText = ""
        for (path, text) in try Self.networkFiles() {
            let lines = ExerciseMarkers.lines(of: text)
            for region in try ExerciseMarkers.exercises(in: text, file: path) {
                solutions[region.number] = lines[(region.beginLine + 1)..<region.endLine].joined(separator: "\n")
            }
            learnerText += try ExerciseMarkers.learnerVersion(of: text, file: path).text + "\n"
        }
        #expect(Set(solutions.keys) == Set(Self.giveaways.keys), "every exercise has its give-aways listed")
        for (number, patterns) in Self.giveaways.sorted(by: { $0.key < $1.key }) {
            for pattern in patterns {
                let regex = try Regex(pattern)
                #expect(solutions[number]?.contains(regex) == true,
                        "\(pattern) should match exercise \(number)'s own solution")
                #expect(!learnerText.contains(regex),
                        "the learner edition's Sources/NeuralNetwork computes exercise \(number) outside its region: \(pattern)")
            }
        }
    }

    @Test func theLearnersModuleImportsNothingOfTheTool() throws {
        for (path, text) in try Self.networkFiles() {
            for line in ExerciseMarkers.lines(of: text) where line.hasPrefix("import ") {
                #expect(["import Foundation", "import CourseData"].contains(line.trimmingCharacters(in: .whitespaces)),
                        "\(path): \(line)")
            }
        }
    }

    // MARK: - No answer anywhere in the learner edition

    /// A line of a reference solution, as compared: without indentation, runs of
    /// spaces as one. Lines too short to give anything away (`}`, `return a`,
    /// `var total = 0.0`) are nil.
    static func comparable(_ line: String) -> String? {
        let words = line.split(whereSeparator: \.isWhitespace)
        let text = words.joined(separator: " ")
        let code = text.filter { !"{}()[],;".contains($0) }
        return words.count >= 3 && code.count >= 16 ? text : nil
    }

    @Test func noLineOfASolutionAppearsInTheLearnerEdition() throws {
        var solutionLines: [String: String] = [:]
        for (path, text) in try Self.networkFiles() {
            let lines = ExerciseMarkers.lines(of: text)
            for region in try ExerciseMarkers.exercises(in: text, file: path) {
                for line in lines[(region.beginLine + 1)..<region.endLine] {
                    if let key = Self.comparable(line) { solutionLines[key] = region.number }
                }
            }
        }
        #expect(solutionLines.count > 20, "the reference solutions have lines to look for")

        let edition = FileManager.default.temporaryDirectory
            .appendingPathComponent("neuralworkbook-edition-lines-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: edition) }
        try LearnerEdition(source: Self.packageRoot).write(to: edition)
        var leaks: [String] = []
        for path in PackageFiles.list(in: edition, entries: ["."]) {
            guard let text = try? String(contentsOf: edition.appendingPathComponent(path), encoding: .utf8) else { continue }
            for (index, line) in ExerciseMarkers.lines(of: text).enumerated() {
                if let key = Self.comparable(line), let exercise = solutionLines[key] {
                    leaks.append("\(path):\(index + 1): exercise \(exercise)'s `\(key)`")
                }
            }
        }
        #expect(leaks.isEmpty, "the learner edition holds lines of reference solutions:\n\(leaks.joined(separator: "\n"))")
    }
}
