import Foundation
import Testing
@testable import Grading
import Workbook

/// A build that crashes, runs out of time or of memory is told apart from one
/// with compile errors, and the region behind it is found in a few builds.
struct BuildBreakdownTests {
    static let root = URL(fileURLWithPath: "/tmp/package")

    static func outcome(_ output: String, _ termination: ProcessRunner.Termination = .exit(1),
                        seconds: Double = 3) -> SwiftBuild.Outcome {
        SwiftBuild.Outcome(succeeded: termination == .exit(0), output: output, packageRoot: root,
                           termination: termination, seconds: seconds)
    }

    /// The lines a compiler that ran out of memory under `prlimit --data` printed
    /// here (Swift 6.3.1), cut short.
    static let outOfMemory = """
        error: compile command failed due to signal 6 (use -v to see invocation)
        LLVM ERROR: out of memory
        Allocation failed
        Stack dump:
        0.	Program arguments: /opt/swift/usr/bin/swift-frontend -frontend -c …
         #7 0x000055f7faac9355 llvm::report_bad_alloc_error(char const*, bool)
        """

    @Test func crashesTimeOutsAndMemoryAreToldApartFromCompileErrors() {
        let crash = "error: compile command failed due to signal 11 (use -v to see invocation)\nStack dump:\nrax 0x0000000000000000"
        #expect(BuildBreakdown(Self.outcome(crash), timeLimit: 90, memoryLimit: nil) == .crashed)
        #expect(BuildBreakdown(Self.outcome("anything", .signal(11)), timeLimit: 90, memoryLimit: nil) == .crashed)
        #expect(BuildBreakdown(Self.outcome("[3/9] Compiling", .timedOut, seconds: 92.1), timeLimit: 90, memoryLimit: nil)
            == .timedOut(limit: 90))
        #expect(BuildBreakdown(Self.outcome(Self.outOfMemory), timeLimit: 90, memoryLimit: 512 << 20) == .outOfMemory(limit: 512 << 20))
        let errors = "/tmp/package/Sources/NeuralNetwork/Neuron.swift:12:5: error: cannot find 'x' in scope"
        #expect(BuildBreakdown(Self.outcome(errors), timeLimit: 90, memoryLimit: nil) == nil)
        #expect(BuildBreakdown(Self.outcome("Build complete!", .exit(0)), timeLimit: 90, memoryLimit: nil) == nil)
    }

    @Test func theLearnerReadsOneLineOfOursNeverTheDump() {
        let words = [BuildBreakdown.crashed, .timedOut(limit: 90), .outOfMemory(limit: 512 << 20)]
        #expect(words.map(\.regionProblem) == ["the compiler crashed on this region", "took longer than 90 s to build",
                                               "needed more memory than the grader allows (512 MB per compiler)"])
        for breakdown in words {
            #expect(!breakdown.summary.contains("\n") && !breakdown.summary.contains("Stack dump"))
        }
    }

    @Test func everyOneOfThirtyTwoSuspectsIsFoundInFiveBuilds() {
        for count in 1...32 {
            let suspects = Array(0..<count)
            for culprit in suspects {
                var builds = 0
                let found = RegionBisection.search(among: suspects) { stubbed in
                    builds += 1
                    return !stubbed.contains(culprit)
                }
                #expect(found.suspects == [culprit], "\(count) suspects, culprit \(culprit)")
                #expect(builds <= 5)
            }
        }
    }

    @Test func moreSuspectsThanFiveBuildsTellApartAreNamedTogether() {
        let found = RegionBisection.search(among: Array(0..<64)) { !$0.contains(7) }
        #expect(found.suspects.count == 2 && found.suspects.contains(7))
        #expect(!found.lastTrialStubbedOnly)
    }

    @Test func noTimeLeftEndsTheSearchWithTheSuspectsItHas() {
        var asked = 0
        let found = RegionBisection.search(among: Array(0..<8)) { (stubbed: [Int]) -> Bool? in
            asked += 1
            return asked == 1 ? !stubbed.contains(5) : nil
        }
        #expect(found.suspects == [4, 5, 6, 7])
    }
}
