import Foundation
import Testing
@testable import Grading

/// A region the compiler refuses as unsafe is stubbed, and its note gives the
/// line of the submitted file, not of the spliced one.
struct MemorySafetyRefusalsTests {
    static let compilerOutput = """
        Sources/NeuralNetwork/Neuron.swift:12:17: error: expression uses unsafe constructs but is not marked with 'unsafe' [#StrictMemorySafety]
        Sources/NeuralNetwork/Neuron.swift:12:40: error: expression uses unsafe constructs but is not marked with 'unsafe' [#StrictMemorySafety]
        Sources/NeuralNetwork/Loss.swift:3:1: error: cannot find 'x' in scope
        """

    @Test func onlyStrictMemorySafetyErrorsAreRead() {
        let refusals = MemorySafetyRefusals.refusals(in: Self.compilerOutput)
        #expect(refusals.map(\.file) == ["Sources/NeuralNetwork/Neuron.swift", "Sources/NeuralNetwork/Neuron.swift"])
        #expect(refusals.map(\.line) == [12, 12])
        #expect(refusals[0].message == "expression uses unsafe constructs but is not marked with 'unsafe'")
    }

    @Test func theRefusedRegionIsStubbedAndReportedAtTheSubmittedLine() throws {
        // Three lines of file-scope code above the region in the submission, which
        // the splice drops: the submitted body starts 3 lines further down.
        let body = "        var z = 0.0\n        let p = withUnsafePointer(to: &z) { $0.pointee }\n        return p"
        let submitted = "// a\n// b\n// c\n" + SubmissionRegionsTests.submission(body)
        let file = "Sources/NeuralNetwork/Neuron.swift"
        let spliced = try SubmissionRegions.splice(pristine: SubmissionRegionsTests.pristine, submitted: submitted, file: file)
        #expect(spliced.problems.isEmpty, "the scan leaves pointers to the compiler: \(spliced.problems)")
        let splicedLines = spliced.text.components(separatedBy: "\n")
        let unsafeLine = try #require(splicedLines.firstIndex { $0.contains("withUnsafePointer") }) + 1
        let refusal = MemorySafetyRefusals.Refusal(file: file, line: unsafeLine, message: "expression uses unsafe constructs")
        let result = try MemorySafetyRefusals.stubbing([refusal], in: spliced.text, file: file, bodyLines: spliced.bodyLines)

        let submittedLine = try #require(submitted.components(separatedBy: "\n").firstIndex { $0.contains("withUnsafePointer") }) + 1
        #expect(submittedLine == unsafeLine + 3)
        #expect(result.problems.map(\.line) == [submittedLine])
        #expect(result.problems.map(\.exercise) == ["1.1"])
        #expect(result.problems[0].problem.contains("unsafe code is not allowed"))
        #expect(!result.text.contains("withUnsafePointer"))
        #expect(result.text.contains(#"exerciseNotDone("1.1", "Neuron.weightedSum", chapter: 1)"#))
        #expect(result.text.contains("return 2 * z"), "the other exercise is still taken")
    }
}
