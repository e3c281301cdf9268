import Foundation

/// One submission that attacks the grader once per region it touches, in the
/// folder `folderName`, whose name is itself an attack (escape sequences that
/// would clear and retitle the instructor's terminal). Every other region is
/// the reference's, so each attack must cost its own exercise and what uses
/// it, nothing else. The compiler crash and the build that outlasts its bound
/// are tried on a small package of their own (`CompilerCrashTests`): bisecting
/// the whole course takes minutes.
enum AttackSubmission {
    static let folderName = "attacks-\u{1B}]0;owned\u{07}\u{1B}[2J"

    /// The exercises attacked, each with what the grader must say of it in the
    /// submission's notes (nil: the attack runs, and fails its own checks).
    static let notes: [String: String?] = [
        "1.1": "does not compile", "5.2": "exerciseNotDone", "9.2": "bidirectional", "9.3": "more than the 60",
        "9.4": "does not compile", "9.1": nil,
    ]

    static let bodies: [String: String] = [
        // A file read through CourseData, which opens no file: a compile error.
        "1.1": """
            let secrets = try? DataTable(contentsOf: .init(fileURLWithPath: "/proc/self/environ"))
            _ = secrets
            var z = 0.0
            for (w, xi) in zip(weights, x) { z += w * xi }
            return z + bias
            """,
        // The stub's call beside code, to make the chapter report the exercise as open.
        "5.2": """
            if labels.count > 1_000_000 { exerciseNotDone("5.2", "averageBinaryCrossEntropy", chapter: 5) }
            var total = 0.0
            for (y, yHat) in zip(labels, predictions) { total += binaryCrossEntropy(label: y, prediction: yHat) }
            return total / Double(labels.count)
            """,
        // A right-to-left override, which makes code read otherwise than it compiles.
        "9.2": """
            ratio(truePositives + trueNegatives, total) // \u{202E} tsrif denrut
            """,
        // Sixty-one lines: past the bound on a region.
        "9.3": "var steps = 0\n" + String(repeating: "steps += 1\n", count: 60)
            + "return steps < 0 ? 0 : ratio(truePositives, truePositives + falsePositives)",
        // An expression the type checker gives up on (SIMD's many overloads of + and *).
        "9.4": """
            let v = SIMD2(1.0, 1) * 2 + 3 - SIMD2(4, 1.0) * 5 / 6 + 7 * SIMD2(8, 9) - 10 + SIMD2(1.0, 1) * 11 - 12 / SIMD2(13, 14) + 15 * SIMD2(1.0, 16) - 17
            return v.sum() * 0 + ratio(truePositives, truePositives + falseNegatives)
            """,
        // A trap whose message is 200,000 characters of escape sequences.
        "9.1": """
            precondition(predicted.count < 0, String(repeating: "\\u{1B}[2J", count: 50_000))
            """,
    ]

    /// The reference's `text` (the exercise file `file`) with the attacks in place.
    static func file(_ text: String, named file: String) throws -> String {
        try RegionBodies.replacing(bodies, in: text, file: file, othersStubbed: false)
    }
}
