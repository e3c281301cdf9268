import Testing
@testable import CourseData

/// Constants printed by NumPy 2.4 with `repr` after `np.random.seed(s)`, so they
/// carry every digit: the generator must reproduce them exactly.
struct NumPyRandomTests {
    @Test func uniformMatchesNumPyForSeed10() {
        var random = NumPyRandom(seed: 10)
        // np.random.uniform(-1, 1, (6, 2)), row by row.
        let weights = random.uniform(-1, 1, count: 12)
        #expect(weights == [
            0.542641286533492, -0.958496101281197, 0.26729646985255084, 0.4976077650772237,
            -0.0029859753948191514, -0.5504067089383047, -0.603874270480752, 0.5210614243979175,
            -0.6617783268749291, -0.8233203716519795, 0.3707196367355945, 0.9067866923898731,
        ])
    }

    @Test func permutationMatchesNumPyForSeed10() {
        var random = NumPyRandom(seed: 10)
        #expect(random.permutation(10) == [8, 2, 5, 6, 3, 1, 0, 7, 4, 9])
    }

    @Test func longPermutationThenDoubleMatchNumPyForSeed7() {
        // np.random.seed(7); np.random.permutation(1000)[:8]; np.random.random()
        var random = NumPyRandom(seed: 7)
        let permutation = random.permutation(1000)
        #expect(Array(permutation.prefix(8)) == [778, 334, 271, 802, 216, 408, 812, 94])
        #expect(Set(permutation) == Set(0..<1000))
        #expect(random.nextDouble() == 0.6387323162306459)
    }

    @Test func normalMatchesNumPyForSeed3() {
        // np.random.seed(3); three calls of np.random.normal()
        var random = NumPyRandom(seed: 3)
        #expect(random.normal() == 1.7886284734303186)
        #expect(random.normal() == 0.43650985051198943)
        #expect(random.normal() == 0.09649746807200862)
    }
}
