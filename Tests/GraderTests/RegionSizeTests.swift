import Testing
@testable import Grading

/// A region bigger than 60 lines or 4 KB never reaches the build.
struct RegionSizeTests {
    /// Exercise 1.1's body made of `lines` lines of `width` characters each.
    static func submission(lines: Int, width: Int = 10) -> String {
        let line = "        " + "_ = " + String(repeating: "1", count: max(1, width - 12))
        let body = (Array(repeating: line, count: lines - 1) + ["        return 0"]).joined(separator: "\n")
        return SubmissionRegionsTests.submission(body)
    }

    @Test func sixtyLinesAreTakenAndSixtyOneAreRefusedAtTheFirstLineOver() throws {
        let fits = try SubmissionRegions.splice(pristine: SubmissionRegionsTests.pristine,
                                                submitted: Self.submission(lines: 60), file: "Neuron.swift")
        #expect(fits.problems.isEmpty, "\(fits.problems)")

        let over = try SubmissionRegions.splice(pristine: SubmissionRegionsTests.pristine,
                                                submitted: Self.submission(lines: 61), file: "Neuron.swift")
        let problem = try #require(over.problems.first)
        #expect(problem.exercise == "1.1")
        // The body begins on line 10 of the submitted file; its 61st line is line 70.
        #expect(problem.line == 70, "\(problem)")
        #expect(problem.problem.contains("61 lines") && problem.problem.contains("60"), "\(problem)")
        #expect(over.text.contains(#"exerciseNotDone("1.1", "Neuron.weightedSum", chapter: 1)"#))
        #expect(over.text.contains("return 2 * z"), "the other exercise is still taken")
    }

    @Test func fourKilobytesAreTakenAndOneByteMoreIsRefused() throws {
        // 40 lines of 102 bytes, 39 newlines: 4 119 bytes; cut the first line down to fit exactly.
        func body(bytes: Int) -> [String] {
            var lines = Array(repeating: String(repeating: "x", count: 102), count: 40)
            let total = 40 * 102 + 39
            lines[0] = String(repeating: "x", count: 102 - (total - bytes))
            return lines
        }
        #expect(RegionSize.problem(in: body(bytes: 4096)) == nil)
        let over = try #require(RegionSize.problem(in: body(bytes: 4097)))
        #expect(over.index == 39, "the 4097th byte is on the last line")
        #expect(over.problem.contains("4097 bytes") && over.problem.contains("4096"), "\(over.problem)")
    }

    @Test func aLearnersOwnFileNamesEachOversizedRegionAtItsLine() {
        let text = Self.submission(lines: 61)
        let problems = RegionSize.oversizedRegions(in: text, file: "Sources/NeuralNetwork/Neuron.swift")
        #expect(problems.map(\.exercise) == ["1.1"])
        #expect(problems.first?.line == 70)
        #expect(RegionSize.oversizedRegions(in: SubmissionRegionsTests.pristine, file: "Neuron.swift").isEmpty)
    }
}
