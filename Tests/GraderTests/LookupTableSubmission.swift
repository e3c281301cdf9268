import Foundation
import Workbook

/// A submission that computes nothing: each region it fills returns what the
/// visible checks expect for their inputs, read from what the learner edition
/// shows (the chapters' prose and literals, the "expected …" lines a failing
/// run prints), and anything at all for other inputs. It also plays the tricks
/// that once fooled checks on their own: a symmetric default that makes chapter
/// 5's symmetry check agree with itself, `fit` returning the losses chapter 8
/// prints, and a `backward` that only nudges one bias by 1e-13, so that the
/// loss barely moves and two sets of near-zero gradients could pass for agreement.
///
/// Under the scoring rule every visible point it earns stands on a hidden check
/// it fails, so it must grade at almost nothing. Regions a table cannot fake
/// (the layers' matrices) keep the learner edition's stub, as a learner who
/// faked the rest would leave them.
enum LookupTableSubmission {
    /// Exercise → the body that replaces the reference's region.
    static let bodies: [String: String] = [
        "1.1": """
            switch x {
            case [1, 3, 4]: return 1.25
            case [5, -2, 9]: return -0.7
            case [0.5, 0.2, -0.8]: return 0.3633920122056896
            default: return 0
            }
            """,
        // The points chapter 2 names, and those its central differences probe.
        "2.1": """
            switch z {
            case 0.001, 3, 0.4, 2, 5: return 1
            default: return 0
            }
            """,
        "2.2": """
            switch z {
            case 0: return 0.25
            case 1.0986122886681098, -1.0986122886681098: return 0.1875
            case 10: return 4.539580773595167e-05
            case -3: return 0.04517665973091214
            case -1.5: return 0.14914645207033286
            case -0.25: return 0.24613408273759835
            case 0.4: return 0.24026074574152914
            case 2: return 0.10499358540350662
            case 5: return 0.006648056670790033
            default: return 0.2
            }
            """,
        // The default is the same for every pair, so L(1, p) = L(0, 1 − p) holds.
        "5.1": """
            switch (y, yHat) {
            case (1, 0.9), (0, 0.1): return 0.10536051565782628
            case (1, 0.5), (0, 0.5): return 0.6931471805599453
            case (0, 0.75): return 1.3862943611198906
            case (1, 0.1): return 2.3025850929940455
            case (1, 1 - 1e-12): return 9.999778782803785e-13
            case (1, 1e-12), (0, 1 - 1e-12): return 27.631021115928547
            case (1, 0), (0, 1): return .infinity
            default: return 0.5
            }
            """,
        "5.2": """
            if labels == [1, 0, 1, 0] && predictions == [0.9, 0.1, 0.5, 0.75] { return 0.5725406432488721 }
            if labels == [1] && predictions == [0.5] { return 0.6931471805599453 }
            return 0.5
            """,
        "6.1": """
            switch (y, yHat) {
            case (1, 0.8): return -1.25
            case (0, 0.25): return 4.0 / 3
            case (1, 0.5): return -2
            case (0, 0.5): return 2
            default: return 1
            }
            """,
        "7.2": """
            layers[layers.count - 1].biases[0, 0] -= 1e-13
            """,
        // The losses chapter 8 prints, and the error it expects for a saturated sample.
        "8.1": """
            if data.count == 1 { throw TrainingError.saturatedOutput(epoch: 1, sample: 0, prediction: 1) }
            let printed = [0.7134215692512486, 0.6332492826677691, 0.5425658872524715, 0.3821049074515338,
                           0.22132496317647227, 0.12808238066328345, 0.0882147208800711, 0.06476169192696679,
                           0.051483404747869006, 0.04530000630063509]
            guard epochs > 0 else { return [] }
            for epoch in 1...epochs { progress(epoch, printed[(epoch - 1) % 10]) }
            return Array(printed.prefix(epochs))
            """,
    ]

    /// The reference's `text` (the exercise file `file`) with each region's body
    /// replaced by the table's, or by the learner edition's stub.
    static func file(_ text: String, named file: String) throws -> String {
        try RegionBodies.replacing(bodies, in: text, file: file, othersStubbed: true)
    }
}
