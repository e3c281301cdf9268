import Foundation
import Testing
import Workbook

/// Hints teach without the code: what a hint writes as code (between
/// backticks) shares no run of three tokens with the reference's regions.
struct HintTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Identifiers and numbers whole, a run of operator characters as one
    /// token, any other character (brackets, commas, dots) on its own.
    static func tokens(_ code: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var kind = 0  // 1 word, 2 operator
        let operators = Set("+-*/=<>!&|^%~?:⊙")
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current = ""
            kind = 0
        }
        for character in code {
            if character.isLetter || character.isNumber || character == "_" {
                if kind != 1 { flush() }
                kind = 1
                current.append(character)
            } else if operators.contains(character) {
                if kind != 2 { flush() }
                kind = 2
                current.append(character)
            } else {
                flush()
                if !character.isWhitespace { tokens.append(String(character)) }
            }
        }
        flush()
        return tokens
    }

    /// The code spans of a hint: the text between pairs of backticks.
    static func codeSpans(_ hint: String) -> [String] {
        hint.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// Every run of three consecutive tokens in the reference's regions, comments left out.
    static func referenceTrigrams() throws -> Set<[String]> {
        var trigrams = Set<[String]>()
        for exercise in ExerciseCatalog.exercises {
            let text = try String(contentsOf: packageRoot.appendingPathComponent(exercise.file), encoding: .utf8)
            let lines = text.components(separatedBy: "\n")
            let regions = try ExerciseMarkers.exercises(in: text, file: exercise.file)
            let region = try #require(regions.first { $0.number == exercise.number }, "\(exercise.number)")
            let code = lines[(region.beginLine + 1)..<region.endLine]
                .map { $0.components(separatedBy: "//")[0] }.joined(separator: "\n")
            let tokens = tokens(code)
            for start in 0..<max(0, tokens.count - 2) { trigrams.insert(Array(tokens[start..<start + 3])) }
        }
        return trigrams
    }

    @Test func noHintSharesThreeTokensOfCodeWithTheReference() throws {
        let trigrams = try Self.referenceTrigrams()
        #expect(trigrams.count > 100, "the regions were read: \(trigrams.count) runs")
        for exercise in ExerciseCatalog.exercises {
            for (index, hint) in exercise.hints.enumerated() {
                for span in Self.codeSpans(hint) {
                    let tokens = Self.tokens(span)
                    for start in 0..<max(0, tokens.count - 2) where trigrams.contains(Array(tokens[start..<start + 3])) {
                        let shared = tokens[start..<start + 3].joined(separator: " ")
                        Issue.record("hint \(index + 1) of \(exercise.number) writes `\(span)`: \(shared) is the reference's code")
                    }
                }
            }
        }
    }

    /// The rule catches what it is for: the old last hint of 7.1 was the body.
    @Test func theRuleCatchesAHintThatIsTheCode() throws {
        let trigrams = try Self.referenceTrigrams()
        let tokens = Self.tokens("let daPrev = weights.transposed * dz")
        #expect((0..<tokens.count - 2).contains { trigrams.contains(Array(tokens[$0..<$0 + 3])) })
        #expect(Self.codeSpans("use `ratio` and `total`") == ["ratio", "total"])
    }

    @Test func everyExerciseHasThreeHints() {
        for exercise in ExerciseCatalog.exercises {
            #expect(exercise.hints.count == 3, "\(exercise.number)")
        }
    }
}
