import Testing
@testable import Workbook

/// A failure names a cause only when the learner's value is what that slip gives.
struct LikelyMistakeTests {
    static let sum = LikelyMistake(4 * 0.5725406432488721, "that is the sum of the four losses")

    func message(_ body: () throws -> Void) -> String {
        do { try body() } catch { return String(describing: error) }
        return ""
    }

    @Test func theCauseFollowsExpectedAndGotWhenTheValueMatches() {
        let text = message { try expect(2.2901625729954884, closeTo: 0.5725406432488721, tolerance: 1e-12, "L̄", mistakes: [Self.sum]) }
        #expect(text == "expected L̄ ≈ 0.5725406432488721 (± 1e-12), got 2.2901625729954884\nlikely cause: that is the sum of the four losses")
    }

    @Test func anotherWrongValueGetsTheNumbersAlone() {
        let text = message { try expect(1.5, closeTo: 0.5725406432488721, tolerance: 1e-12, "L̄", mistakes: [Self.sum]) }
        #expect(text == "expected L̄ ≈ 0.5725406432488721 (± 1e-12), got 1.5")
    }

    @Test func aRightValuePassesWhateverTheMistakes() {
        #expect(message { try expect(0.5725406432488721, closeTo: 0.5725406432488721, tolerance: 1e-12, mistakes: [Self.sum]) } == "")
    }

    @Test func entryByEntryTheWholeArrayMustMatchAndNaNMatchesNaN() {
        let swapped = LikelyMistake([0.45, -0.525], "W updated first")
        #expect(message { try expect([0.45, -0.525], closeTo: [0.5, -0.5], tolerance: 1e-15, "da", mistakes: [swapped]) }
                .hasSuffix("\nlikely cause: W updated first"))
        #expect(!message { try expect([0.45, -0.5], closeTo: [0.5, -0.5], tolerance: 1e-15, "da", mistakes: [swapped]) }
                .contains("likely cause"))
        let zeroOverZero = LikelyMistake(.nan, "0/0 is NaN")
        #expect(message { try expect(.nan, closeTo: 0, tolerance: 0, "F1", mistakes: [zeroOverZero]) }.hasSuffix("likely cause: 0/0 is NaN"))
    }
}
