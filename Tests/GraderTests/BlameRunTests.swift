import Foundation
import Testing
import Workbook

/// A slip is found where it is, run as a learner runs it (`workbook run N`,
/// `LocalRun`): its own exercise's checks fail, and the checks that call it,
/// in its chapter and later ones, wait for it instead of blaming their own.
@Suite(.serialized)
struct BlameRunTests {
    /// Always applying ReLU passed 4.1's checks while 4.1's only layer was a
    /// ReLU one, and failed 4.2's with 4.2's hint.
    @Test func aLayerThatIgnoresItsActivationFailsItsOwnExercise() throws {
        let layer = try CompileIsolationRunTests.replacing("return activation(weightedSums)",
                                                            with: "return ReLU()(weightedSums)", in: "Layer.swift")
        let record = try LocalRun.records(of: [4], withExerciseFiles: ["Layer.swift": layer])[0]
        let own = record.checks.filter { $0.exercise == "4.1" && !$0.passed }
        #expect(own.contains { $0.waitsFor == nil && $0.message.contains("here the sigmoid") }, "\(record.checks)")
        let forward = record.checks.filter { $0.exercise == "4.2" && !$0.passed }
        #expect(!forward.isEmpty && forward.allSatisfy { $0.waitsFor == "4.1" }, "\(forward)")
    }

    /// da_prev without the transpose: 7.1's own checks fail; chapter 8's and
    /// chapter 10's wait for 7.1, with no advice of their own.
    @Test func aBackwardSlipMakesLaterChaptersWaitForIt() throws {
        let layer = try CompileIsolationRunTests.replacing("let daPrev = weights.transposed * dz",
                                                            with: "let daPrev = weights * dz", in: "Layer.swift")
        let records = try LocalRun.records(of: [7, 8, 10], withExerciseFiles: ["Layer.swift": layer])
        #expect(records[0].checks.contains { $0.exercise == "7.1" && !$0.passed && $0.waitsFor == nil })
        for record in records.dropFirst() {
            let failed = record.checks.filter { !$0.passed }
            #expect(!failed.isEmpty, "chapter \(record.chapter)")
            for check in failed {
                #expect(check.waitsFor == "7.1", "chapter \(record.chapter), \(check.name): \(check.message)")
                #expect(!check.message.contains("learning rate") && !check.message.contains("likely cause"), "\(check.message)")
            }
        }
    }
}
