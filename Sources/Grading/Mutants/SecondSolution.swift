import Foundation
import Workbook

/// A second correct solution of every exercise, in another style than the
/// reference, kept with the tests: its single edits are slips the mutants'
/// table was not made from (`SlipMeasure`).
public struct SecondSolution: Sendable {
    /// Package-relative folder holding one `<exercise>.txt` per exercise, each the region's body.
    public static let folder = "Tests/GraderTests/Fixtures/second-solution"
    /// Where `workbook mutants --measure` writes its table.
    public static let reportPath = "docs/slip-causes.md"
    /// Two-edit slips of the reference made per exercise.
    public static let twoEditSlips = 30

    public var packageRoot: URL

    public init(packageRoot: URL) {
        self.packageRoot = packageRoot
    }

    /// The second solution's body for `exercise`, with no trailing newline.
    public func body(of exercise: String) throws -> String {
        let url = packageRoot.appendingPathComponent(Self.folder).appendingPathComponent("\(exercise).txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw CheckFailure("no second solution of exercise \(exercise): expected \(Self.folder)/\(exercise).txt")
        }
        var body = text
        while body.hasSuffix("\n") { body.removeLast() }
        return body
    }

    /// The slips measured for `regions`: each second solution as it is (to see
    /// it is correct), its single edits, and two-edit slips of the reference.
    public func slips(of regions: [MutantRegion]) throws -> (unchanged: [Mutant], singleEdits: [Mutant], twoEdits: [Mutant]) {
        var unchanged: [Mutant] = []
        var singleEdits: [Mutant] = []
        var twoEdits: [Mutant] = []
        for region in regions {
            let body = try body(of: region.exercise)
            unchanged.append(Mutant(exercise: region.exercise, kind: .unchanged, description: "the second solution", body: body))
            singleEdits += MutantGenerator.mutants(of: body, exercise: region.exercise)
            twoEdits += MutantGenerator.twoEditMutants(of: region.body, exercise: region.exercise, limit: Self.twoEditSlips)
        }
        return (unchanged, singleEdits, twoEdits)
    }
}
