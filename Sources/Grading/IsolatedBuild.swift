import Foundation
import Workbook

/// Builds a learner's package whose own code does not compile, with the
/// regions that hold the errors stubbed, so that every other exercise still runs.
///
/// The copy lives under the package's `.build/isolated/` (`package/` and its
/// build folder `build/`), kept between runs and rewritten file by file, so only
/// the first isolation costs a full build. The learner's files are read, never
/// written.
public struct IsolatedBuild {
    /// A region left out of the build, with the first reason it did not compile.
    public struct BrokenExercise: Equatable, Sendable {
        /// "9.3"
        public var exercise: String
        /// `Sources/NeuralNetwork/Metrics.swift`, package-relative.
        public var file: String
        /// 1-based, in the learner's file (the copy keeps every line's number).
        public var line: Int
        public var column: Int
        public var message: String

        /// "Sources/NeuralNetwork/Metrics.swift:48:30"
        public var place: String { "\(file):\(line):\(column)" }
    }

    /// How the isolation ended: the build of the copy (succeeded, or failed with
    /// errors outside every region) and the exercises it left out.
    public struct Result: Sendable {
        public var outcome: SwiftBuild.Outcome
        /// The copy's built chapters, when it built.
        public var binFolder: URL?
        public var broken: [BrokenExercise]
    }

    public var packageRoot: URL

    public init(packageRoot: URL) {
        self.packageRoot = packageRoot
    }

    var folder: URL { packageRoot.appendingPathComponent(".build/isolated") }
    var copy: URL { folder.appendingPathComponent("package") }
    var scratch: URL { folder.appendingPathComponent("build") }

    /// Isolates the regions behind `failed` (the package's own failed build of
    /// `products`), then builds the copy again until it compiles or the errors
    /// left lie outside every region. Nil when no region holds an error: the
    /// failure is then the package's, as it was.
    public func build(products: [String], after failed: SwiftBuild.Outcome, timeout: Double = 1800) -> Result? {
        let exerciseFiles = PackageFiles.list(in: packageRoot, entries: ["Sources/NeuralNetwork"]).filter { path in
            path.hasSuffix(".swift")
                && ExerciseMarkers.holdsSolutions((try? String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)) ?? "")
        }
        var texts: [String: String] = [:]
        for path in exerciseFiles {
            texts[path] = try? String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
        }
        var broken: [String: [String: BrokenRegions.Refusal]] = [:]
        func blame(_ errors: [BrokenRegions.Refusal]) -> Bool {
            var found = false
            for path in exerciseFiles {
                guard let text = texts[path] else { continue }
                var regions = BrokenRegions.unbalancedRegions(in: text, file: path)
                for (number, refusals) in BrokenRegions.refusalsByExercise(errors, in: text, file: path) where regions[number] == nil {
                    regions[number] = refusals.first
                }
                for (number, refusal) in regions where broken[path]?[number] == nil {
                    broken[path, default: [:]][number] = refusal
                    found = true
                }
            }
            return found
        }
        guard blame(BrokenRegions.refusals(in: failed.output, relativeTo: packageRoot)) else { return nil }

        let regionCount = texts.values.reduce(0) { $0 + ((try? ExerciseMarkers.exercises(in: $1, file: "")).map(\.count) ?? 0) }
        var outcome = failed
        for _ in 0..<max(1, regionCount) {
            var files: [String: Data] = [:]
            for path in PackageFiles.list(in: packageRoot, entries: PackageFiles.buildEntries) {
                files[path] = FileManager.default.contents(atPath: packageRoot.appendingPathComponent(path).path)
            }
            for (path, regions) in broken {
                guard let text = texts[path], let stubbed = try? BrokenRegions.stubbing(regions, in: text, file: path) else { continue }
                files[path] = Data(stubbed.text.utf8)
            }
            do {
                try PackageFiles.sync(files, into: copy)
            } catch {
                return nil
            }
            outcome = SwiftBuild(packageRoot: copy, scratchPath: scratch).build(products: products, timeout: timeout)
            if outcome.succeeded { break }
            guard blame(BrokenRegions.refusals(in: outcome.output, relativeTo: copy)) else { break }
        }
        let exercises = broken.flatMap { path, regions in
            regions.map { BrokenExercise(exercise: $0.key, file: path, line: $0.value.line, column: $0.value.column,
                                         message: $0.value.message) }
        }.sorted { $0.exercise.compare($1.exercise, options: .numeric) == .orderedAscending }
        let bin = outcome.succeeded ? try? SwiftBuild(packageRoot: copy, scratchPath: scratch).binFolder() : nil
        return Result(outcome: outcome, binFolder: bin, broken: exercises)
    }
}
