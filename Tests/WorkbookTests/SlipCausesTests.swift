import Testing
@testable import Workbook

/// A slip's cause is found and read only with the outputs it was filed under.
struct SlipCausesTests {
    static let fingerprint = "2\nσ′ at five inputs\n1.96611933e-01 2.50000000e-01"

    @Test func aSealedCauseOpensWithItsFingerprintAndNoOther() {
        let cause = "σ′ = σ(z)·(1 + σ(z)): + instead of −"
        let sealed = SlipCauses.seal(cause, fingerprint: Self.fingerprint)
        #expect(SlipCauses.open(sealed, fingerprint: Self.fingerprint) == cause)
        #expect(!sealed.contains("σ") && sealed.allSatisfy(\.isHexDigit))
        // One digit off in the outputs reads as noise, or as no text at all.
        let other = Self.fingerprint.replacingOccurrences(of: "2.5", with: "2.6")
        #expect(SlipCauses.open(sealed, fingerprint: other) != cause)
        #expect(SlipCauses.lookup(Self.fingerprint) != SlipCauses.lookup(other))
        #expect(SlipCauses.lookup(Self.fingerprint).count == 16)
        #expect(SlipCauses.open("zz", fingerprint: Self.fingerprint) == nil)
    }

    @Test func outputsAreKnownToNineSignificantDigits() {
        func fingerprint(_ values: [Double]) -> String {
            SlipFingerprint.of(chapter: 5, check: "L̄", failure: CheckFailure("got …", observed: values))
        }
        // Two ways of summing the same slip differ in the last bits, not in 9 digits.
        #expect(fingerprint([0.1 + 0.2, 1e-20]) == fingerprint([0.3, 1e-20 * (1 + 1e-13)]))
        #expect(fingerprint([0.3]) != fingerprint([0.3 * (1 + 1e-7)]))
        #expect(fingerprint([-0.0]) == fingerprint([0]))
        #expect(fingerprint([.nan, -.infinity]).hasSuffix("nan -inf"))
        #expect(SlipFingerprint.rounded(1234.5678901234) == "1.23456789e+03")
    }

    @Test func aFailureWithoutValuesIsKnownByTheNumbersItsMessageShows() {
        let a = SlipFingerprint.of(chapter: 3, check: "shapes", failure: CheckFailure("expected 2 layers, got 3.0000000000001"))
        let b = SlipFingerprint.of(chapter: 3, check: "shapes", failure: CheckFailure("expected 2 layers, got 3"))
        #expect(a == b && a.hasSuffix("expected 2.00000000e+00 layers, got 3.00000000e+00"))
        #expect(a != SlipFingerprint.of(chapter: 4, check: "shapes", failure: CheckFailure("expected 2 layers, got 3")))
        // A trap names the learner's line, which is not the mutant's.
        let trap = { (line: Int) in
            SlipFingerprint.of(chapter: 7, check: "step", failure: CheckFailure("cannot multiply 2×1 by 2×1 (at Sources/NeuralNetwork/Layer.swift:\(line))"))
        }
        #expect(trap(57) == trap(61))
    }

    @Test func aRunOfChecksIsKnownByEveryOutcomeInIt() {
        let last = SlipFingerprint.of(chapter: 6, check: "by central differences", failure: CheckFailure("", observed: [1]))
        let agreeing = SlipFingerprint.joining(["hand-worked\npassed", last])
        #expect(agreeing == SlipFingerprint.joining(["hand-worked\npassed", last]))
        // The same last value after a different first failure is another slip.
        let other = SlipFingerprint.of(chapter: 6, check: "hand-worked", failure: CheckFailure("", observed: [-4]))
        #expect(SlipFingerprint.joining([other, last]) != agreeing)
    }

    @Test func aLongFingerprintIsKeptAsItsHash() {
        let long = SlipFingerprint.of(chapter: 8, check: "losses", failure: CheckFailure("", observed: Array(repeating: 0.5, count: 100)))
        #expect(long.hasPrefix("sha256 ") && long.count == "sha256 ".count + 64)
    }
}
