import Foundation
@testable import Plot
import Testing

struct TicksTests {
    @Test func linearTicksFallOnRoundNumbers() {
        #expect(Ticks.linear(0, 1, targetCount: 5).map(\.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(Ticks.linear(-3.3, 3.3, targetCount: 6).map(\.label) == ["−3", "−2", "−1", "0", "1", "2", "3"])
        #expect(Ticks.linear(0.5, 50.5, targetCount: 5).map(\.value) == [10, 20, 30, 40, 50])
        #expect(Ticks.linear(0.01, 0.07, targetCount: 6).map(\.label) == ["0.01", "0.02", "0.03", "0.04", "0.05", "0.06", "0.07"])
    }

    /// One format per axis: never 100000 beside 10⁸, nor 500000 beside 1.5×10⁶.
    @Test func everyTickOfAnAxisHasOneFormat() {
        #expect(Ticks.logarithmic(0.5, 1e11, targetCount: 6).major.map(\.label)
                == ["10⁰", "10²", "10⁴", "10⁶", "10⁸", "10¹⁰"])
        #expect(Ticks.linear(0, 2e6, targetCount: 4).map(\.label) == ["0", "0.5×10⁶", "1.0×10⁶", "1.5×10⁶", "2.0×10⁶"])
        #expect(Ticks.linear(0, 1e-5, targetCount: 2).map(\.label) == ["0", "0.5×10⁻⁵", "1.0×10⁻⁵"])
    }

    @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        for span in [0.003, 0.7, 1, 4.2, 13, 99, 12_345] {
            let step = Ticks.niceStep(span: span, targetCount: 6)
            let mantissa = step / pow(10, log10(step).rounded(.down))
            #expect([1, 2, 5, 10].contains { abs(mantissa - $0) < 1e-9 }, "span \(span) gave step \(step)")
        }
    }

    @Test func logarithmicTicksAreDecades() {
        let ticks = Ticks.logarithmic(0.004, 3, targetCount: 6)
        #expect(ticks.major.map(\.label) == ["0.01", "0.1", "1"])
        #expect(ticks.minor.contains(0.02) && ticks.minor.contains(2))
        #expect(Ticks.logarithmic(1e-7, 1e-3, targetCount: 6).major.map(\.label) == ["10⁻⁷", "10⁻⁶", "10⁻⁵", "10⁻⁴", "10⁻³"])
        #expect(Ticks.logarithmic(0.15, 0.9, targetCount: 6).major.map(\.label) == ["0.2", "0.5"])
    }
}
