import Foundation
import Workbook

/// A reference solution's region as the mutants see it: where it lies and its
/// body without the region's indentation.
public struct MutantRegion: Sendable {
    /// "7.1"
    public var exercise: String
    /// `Sources/NeuralNetwork/Layer.swift`, package-relative.
    public var file: String
    /// 0-based lines of the BEGIN and END markers.
    public var beginLine: Int
    public var endLine: Int
    /// The whitespace before `// BEGIN SOLUTION`.
    public var indentation: String
    /// The lines between the markers, `indentation` removed.
    public var body: String

    /// The regions of every exercise file under `Sources/NeuralNetwork` of `packageRoot`, in course order.
    public static func all(in packageRoot: URL) throws -> [MutantRegion] {
        var regions: [MutantRegion] = []
        for path in PackageFiles.list(in: packageRoot, entries: ["Sources/NeuralNetwork"]) where path.hasSuffix(".swift") {
            let text = try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
            regions += try regionsOf(text, file: path)
        }
        return regions.sorted { $0.exercise.compare($1.exercise, options: .numeric) == .orderedAscending }
    }

    /// The regions of one file's text.
    public static func regionsOf(_ text: String, file: String) throws -> [MutantRegion] {
        let lines = ExerciseMarkers.lines(of: text)
        return try ExerciseMarkers.exercises(in: text, file: file).map { region in
            let body = lines[(region.beginLine + 1)..<region.endLine].map { line in
                line.hasPrefix(region.indentation) ? String(line.dropFirst(region.indentation.count)) : line
            }
            return MutantRegion(exercise: region.number, file: file, beginLine: region.beginLine, endLine: region.endLine,
                                indentation: region.indentation, body: body.joined(separator: "\n"))
        }
    }

    /// The chapter that teaches the exercise.
    public var chapter: Int { Int(exercise.prefix { $0 != "." }) ?? 0 }

    /// The region's single-edit mutants.
    public var mutants: [Mutant] {
        MutantGenerator.mutants(of: body, exercise: exercise)
    }
}
