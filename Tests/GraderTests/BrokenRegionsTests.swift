import Foundation
import Testing
@testable import Grading

/// A region the compiler refuses (unsafe code, a type error) is stubbed, and its
/// note gives the line of the submitted file, not of the spliced one.
struct BrokenRegionsTests {
    static let compilerOutput = """
        Sources/NeuralNetwork/Neuron.swift:12:17: error: expression uses unsafe constructs but is not marked with 'unsafe' [#StrictMemorySafety]
        Sources/NeuralNetwork/Neuron.swift:12:40: error: expression uses unsafe constructs but is not marked with 'unsafe' [#StrictMemorySafety]
        Sources/NeuralNetwork/Loss.swift:3:1: error: cannot find 'x' in scope
        """

    @Test func everyErrorIsReadAndUnsafeOnesAreMarked() {
        let refusals = BrokenRegions.refusals(in: Self.compilerOutput)
        #expect(refusals.map(\.file) == ["Sources/NeuralNetwork/Neuron.swift", "Sources/NeuralNetwork/Neuron.swift",
                                          "Sources/NeuralNetwork/Loss.swift"])
        #expect(refusals.map(\.line) == [12, 12, 3])
        #expect(refusals.map(\.isUnsafe) == [true, true, false])
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
        let refusal = BrokenRegions.Refusal(file: file, line: unsafeLine, message: "expression uses unsafe constructs", isUnsafe: true)
        let byExercise = BrokenRegions.refusalsByExercise([refusal], in: spliced.text, file: file)
        #expect(byExercise.keys.sorted() == ["1.1"])
        let result = try BrokenRegions.stubbing(byExercise.compactMapValues(\.first), in: spliced.text, file: file,
                                                bodyLines: spliced.bodyLines)

        let submittedLine = try #require(submitted.components(separatedBy: "\n").firstIndex { $0.contains("withUnsafePointer") }) + 1
        #expect(submittedLine == unsafeLine + 3)
        #expect(result.problems.map(\.line) == [submittedLine])
        #expect(result.problems.map(\.exercise) == ["1.1"])
        #expect(result.problems[0].problem.contains("unsafe code is not allowed"))
        #expect(!result.text.contains("withUnsafePointer"))
        #expect(result.text.contains(#"exerciseNotDone("1.1", "Neuron.weightedSum", chapter: 1)"#))
        #expect(result.text.contains("return 2 * z"), "the other exercise is still taken")
    }

    /// A type error in 1.1 and "missing return" in 1.2, reported at the closing
    /// brace below its END marker: both regions are stubbed, every line keeps
    /// its number, and a second pass stubs nothing more.
    @Test func typeErrorsAndMissingReturnsCostTheirRegionOnlyAndKeepLineNumbers() throws {
        let file = "Sources/NeuralNetwork/Neuron.swift"
        let text = SubmissionRegionsTests.submission("        let n: Int = 1.5\n        return Double(n)")
            .replacingOccurrences(of: "        return 2 * z\n", with: "        _ = z\n")
        let lines = text.components(separatedBy: "\n")
        let typeErrorLine = try #require(lines.firstIndex { $0.contains("1.5") }) + 1
        let closingBraceOf12 = try #require(lines.lastIndex { $0.contains("// END SOLUTION") }) + 2
        let log = """
            /pkg/\(file):\(typeErrorLine):22: error: cannot convert value of type 'Double' to specified type 'Int'
            /pkg/\(file):\(closingBraceOf12):5: error: missing return in instance method expected to return 'Double'
            /pkg/Chapters/01-neuron/main.swift:3:1: error: somewhere else
            """
        let refusals = BrokenRegions.refusals(in: log, relativeTo: URL(fileURLWithPath: "/pkg"))
        #expect(refusals.map(\.file) == [file, file, "Chapters/01-neuron/main.swift"])
        let byExercise = BrokenRegions.refusalsByExercise(refusals, in: text, file: file)
        #expect(byExercise.mapValues { $0.map(\.line) } == ["1.1": [typeErrorLine], "1.2": [closingBraceOf12]])

        let result = try BrokenRegions.stubbing(byExercise.compactMapValues(\.first), in: text, file: file)
        #expect(result.problems.map(\.exercise) == ["1.1", "1.2"])
        #expect(result.problems[0].description.contains("Exercise 1.1: does not compile (the compiler says: cannot convert"))
        #expect(result.problems[0].line == typeErrorLine)
        #expect(result.text.components(separatedBy: "\n").count == lines.count, "every line keeps its number")
        #expect(!result.text.contains("1.5"))
        let again = try BrokenRegions.stubbing(byExercise.compactMapValues(\.first), in: result.text, file: file)
        #expect(again.problems.isEmpty && again.text == result.text, "a stubbed region is not stubbed again")
    }

    /// An unclosed `{` is found by reading the regions: the compiler would
    /// report it at a later region or at the end of the file.
    @Test func anUnclosedBraceIsFoundInItsOwnRegion() throws {
        let file = "Sources/NeuralNetwork/Neuron.swift"
        let text = SubmissionRegionsTests.submission("        var z = bias\n        for xi in x {\n            z += xi\n        return z")
        let unbalanced = BrokenRegions.unbalancedRegions(in: text, file: file)
        #expect(Array(unbalanced.keys) == ["1.1"])
        #expect(BrokenRegions.unbalancedRegions(in: SubmissionRegionsTests.pristine, file: file).isEmpty)
        let result = try BrokenRegions.stubbing(unbalanced, in: text, file: file)
        #expect(result.text.contains("return 2 * z"), "1.2 is kept")
        #expect(!result.text.contains("for xi in x {"))
    }
}
