import Foundation
import Testing
import Workbook

/// Run as a learner runs it (`workbook run N`, `LocalRun`): a region that does
/// not compile costs its own exercise only, and a run is of the code on disk.
@Suite(.serialized)
struct CompileIsolationRunTests {
    static func reference(_ file: String) throws -> String {
        try String(contentsOf: GradingFixture.packageRoot.appendingPathComponent("Sources/NeuralNetwork/\(file)"),
                   encoding: .utf8)
    }

    static func replacing(_ old: String, with new: String, in file: String) throws -> String {
        let text = try reference(file)
        guard text.contains(old) else { throw CheckFailure("\(file) no longer holds \(old)") }
        return text.replacingOccurrences(of: old, with: new)
    }

    /// A type error in 9.3 and an unclosed `{` in 5.2: chapter 1 passes whole,
    /// and in chapters 5 and 9 only the broken exercises' checks fail, saying
    /// that they do not compile and where.
    @Test func aTypeErrorAndAnUnclosedBraceCostOnlyTheirExercises() throws {
        let metrics = try Self.replacing("ratio(truePositives, truePositives + falsePositives)",
                                         with: "let n: Int = 0.5 * Double(truePositives)\n        return ratio(truePositives, n)",
                                         in: "Metrics.swift")
        let loss = try Self.replacing("total += binaryCrossEntropy(label: y, prediction: yHat)\n    }",
                                      with: "total += binaryCrossEntropy(label: y, prediction: yHat)", in: "Loss.swift")
        let records = try LocalRun.records(of: [1, 5, 9], withExerciseFiles: ["Metrics.swift": metrics, "Loss.swift": loss])
        #expect(records[0].allPassed && records[0].finished, "chapter 1 uses neither: \(records[0].checks.filter { !$0.passed })")
        for (record, broken) in [(records[1], "5.2"), (records[2], "9.3")] {
            let own = record.checks.filter { $0.exercise == broken }
            #expect(!own.isEmpty)
            for check in own {
                #expect(!check.passed && check.message.contains("which does not compile"), "\(check.name): \(check.message)")
            }
        }
        let lossChecks = records[1].checks.filter { $0.exercise == "5.1" }
        #expect(!lossChecks.isEmpty && lossChecks.allSatisfy(\.passed), "5.1 is right: \(lossChecks)")
        let placeOf93 = records[2].checks.first { $0.exercise == "9.3" }?.message ?? ""
        #expect(placeOf93.contains("Sources/NeuralNetwork/Metrics.swift:"), "\(placeOf93)")
    }

    /// The slip and its fix have the same length, and the fix is given the
    /// slip's modification time back: SwiftPM sees nothing change, the workbook
    /// must still run the fix.
    @Test func aFixWithTheSlipsSizeAndTimeIsWhatRuns() throws {
        let fix = "return z + bias"
        let slip = try Self.replacing(fix, with: "return z - bias", in: "Neuron.swift")
        let slipped = try LocalRun.records(of: [1], withExerciseFiles: ["Neuron.swift": slip])[0]
        #expect(slipped.checks.contains { $0.exercise == "1.1" && !$0.passed }, "the slip fails 1.1")

        let fixed = try LocalRun.records(of: [1], withExerciseFiles: ["Neuron.swift": slip]) { package in
            let file = package.appendingPathComponent("Sources/NeuralNetwork/Neuron.swift")
            let manager = FileManager.default
            let slipTime = try #require(try manager.attributesOfItem(atPath: file.path)[.modificationDate] as? Date)
            try Data(try Self.reference("Neuron.swift").utf8).write(to: file)
            try manager.setAttributes([.modificationDate: slipTime], ofItemAtPath: file.path)
        }[0]
        #expect(fixed.allPassed, "\(fixed.checks.filter { !$0.passed })")
    }
}
