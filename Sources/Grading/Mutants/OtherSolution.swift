import Foundation
import Workbook

/// A correct solution of every exercise in another style than the reference's,
/// kept with the tests as one `<exercise>.txt` per exercise (the region's body).
///
/// The second solution's mutants join the reference's in the table, so that
/// slips of code shaped like it are named too; the third solution's are slips
/// the table was not made from, on which `SlipMeasure` counts the causes told.
public struct OtherSolution: Sendable {
    /// Package-relative folder of its bodies.
    public var folder: String
    /// "second": what the table's outcomes say of the mutants made from it.
    public var name: String

    public static let second = OtherSolution(folder: "Tests/GraderTests/Fixtures/second-solution", name: "second")
    public static let third = OtherSolution(folder: "Tests/GraderTests/Fixtures/third-solution", name: "third")

    /// Where `workbook mutants --measure` writes its table.
    public static let reportPath = "docs/slip-causes.md"
    /// Two-edit slips of the reference made per exercise.
    public static let twoEditSlipsPerExercise = 30

    /// Its body for `exercise` in `packageRoot`, with no trailing newline.
    public func body(of exercise: String, in packageRoot: URL) throws -> String {
        let url = packageRoot.appendingPathComponent(folder).appendingPathComponent("\(exercise).txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw CheckFailure("no \(name) solution of exercise \(exercise): expected \(folder)/\(exercise).txt")
        }
        var body = text
        while body.hasSuffix("\n") { body.removeLast() }
        return body
    }

    /// Whether `packageRoot` holds it (the learner edition does not).
    public func isPresent(in packageRoot: URL) -> Bool {
        FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(folder).path)
    }

    /// Its body for each of `regions`, as it is (to see that it is correct), and its single edits.
    public func mutants(of regions: [MutantRegion], in packageRoot: URL) throws -> (unchanged: [Mutant], singleEdits: [Mutant]) {
        var unchanged: [Mutant] = []
        var singleEdits: [Mutant] = []
        for region in regions {
            let body = try body(of: region.exercise, in: packageRoot)
            unchanged.append(Mutant(exercise: region.exercise, kind: .unchanged, description: "the \(name) solution", body: body))
            singleEdits += MutantGenerator.mutants(of: body, exercise: region.exercise)
        }
        return (unchanged, singleEdits)
    }

    /// Two-edit slips of the reference's `regions`.
    public static func twoEditSlips(of regions: [MutantRegion]) -> [Mutant] {
        regions.flatMap { MutantGenerator.twoEditMutants(of: $0.body, exercise: $0.exercise, limit: twoEditSlipsPerExercise) }
    }

    /// Throws unless every `unchanged` body ran correct in `outcomes`.
    public static func requireCorrect(_ unchanged: [Mutant], in outcomes: [String: MutantTable.Outcome]) throws {
        for solution in unchanged {
            guard let outcome = outcomes[solution.id], outcome.compiles, !outcome.changesResult, !outcome.visibleFail else {
                throw CheckFailure("\(solution.description) of \(solution.exercise) is not correct: "
                    + (outcomes[solution.id].map { $0.failures.first?.message ?? $0.status } ?? "it does not compile"))
            }
        }
    }
}
