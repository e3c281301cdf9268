import Foundation

/// What a failed check's outcome is known by: the chapter, the check, and what
/// the learner's code gave, every number to 9 significant digits. A chapter
/// files a failure under the outcomes of all its exercise's visible checks so
/// far (`joining`), so that one coarse value shared by chance names no cause. Code that
/// makes the same slip as one of the reference's mutants, however it is
/// written, gives the same numbers and so the same fingerprint; the cause of a
/// slip is filed under it (`SlipCauses`).
///
/// The numbers are the failure's `observed` values when the expectation gave
/// them, else those its message shows ("expected 2 layers, got 3").
public enum SlipFingerprint {
    /// Significant digits kept: two ways of writing the same slip agree to
    /// about 15, two different slips seldom agree to 9.
    public static let significantDigits = 9

    /// Longer fingerprints are replaced by their SHA-256, so that a record stays small.
    public static let longest = 240

    /// The fingerprint of `failure`, thrown by check `check` of chapter `chapter`.
    public static func of(chapter: Int, check: String, failure: any Error) -> String {
        let outputs: String
        if let observed = (failure as? CheckFailure)?.observed {
            outputs = observed.map(rounded).joined(separator: " ")
        } else {
            outputs = roundingNumbers(in: String(describing: failure))
        }
        return shortened("\(chapter)\n\(check)\n\(outputs)")
    }

    /// The fingerprint of a run of checks, given each one's outcome in order
    /// ("passed" or its fingerprint): two runs share it only when they agree
    /// on every one of those checks, not on the last alone.
    public static func joining(_ outcomes: [String]) -> String {
        shortened(outcomes.joined(separator: "\n\n"))
    }

    private static func shortened(_ text: String) -> String {
        text.utf8.count <= longest ? text : "sha256 " + HMAC.hex(SHA256.hash(Array(text.utf8)))
    }

    /// `value` to `significantDigits` in scientific notation; −0 as 0, and NaN
    /// and the infinities by name.
    public static func rounded(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let text = String(format: "%.\(significantDigits - 1)e", value == 0 ? 0 : value)
        return text
    }

    /// `message` with every decimal number in it written as `rounded` writes it,
    /// and without the places in the learner's files a trap names ("(at
    /// Sources/NeuralNetwork/Layer.swift:57)"): those differ from the mutant's.
    static func roundingNumbers(in message: String) -> String {
        message.replacing(/\s?\(at [^)]*\)/, with: "").replacing(/-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/) { match in
            Double(match.output.0).map(rounded) ?? String(match.output.0)
        }
    }
}
