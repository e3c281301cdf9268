import Testing
@testable import Grading

/// The single-edit mutants of small made-up regions: each family makes the
/// edits it names, and nothing else. No build: these read text only.
struct MutantGeneratorTests {
    func bodies(_ body: String, _ kind: Mutant.Kind) -> [String] {
        MutantGenerator.mutants(of: body, exercise: "0.1").filter { $0.kind == kind }.map(\.body)
    }

    @Test func operatorsAreSwappedOnlyWhereInfix() {
        #expect(bodies("a + b * c", .operatorSwapped) == ["a - b * c", "a + b / c", "a + b ⊙ c"])
        #expect(bodies("-(a + b)", .operatorSwapped) == ["(a + b)", "-(a - b)"])
        #expect(bodies("total += x", .operatorSwapped) == ["total -= x"])
        #expect(bodies("z > 0 ? 1 : 0", .operatorSwapped) == ["z >= 0 ? 1 : 0"])
    }

    @Test func namesAreReplacedByTheRegionsOtherValuesNotMembersCallsOrLabels() {
        let replaced = bodies("let s = f(z)\nreturn s * g(label: z.count)", .operandReplaced)
        #expect(replaced.contains("let s = f(s)\nreturn s * g(label: z.count)"))
        #expect(replaced.contains("let s = f(z)\nreturn z * g(label: z.count)"))
        #expect(replaced.contains("let s = f(z)\nreturn s * g(label: s.count)"))
        #expect(!replaced.contains { $0.contains("let z") || $0.contains("s(") || $0.contains(".s") || $0.contains("s:") })
    }

    @Test func constantsFlipAndOneMinusXTurnsAround() {
        let changed = bodies("s * (1 - s)", .constantChanged)
        #expect(changed == ["s * (0 - s)", "s * (-1 - s)", "s * (s - 1)"])
        #expect(bodies("uniform(-1, 1)", .constantChanged).contains("uniform(1, 1)"))
    }

    @Test func adjacentOneLineStatementsAtOneDepthSwap() {
        let swapped = bodies("let a = 1\nlet b = 2\nfor i in x {\n    c += i\n}", .statementsSwapped)
        #expect(swapped == ["let b = 2\nlet a = 1\nfor i in x {\n    c += i\n}"])
    }

    @Test func aOneArgumentCallIsLeftOutOrAppliedTwice() {
        #expect(bodies("y * .log(p)", .callLeftOut) == ["y * p"])
        #expect(bodies("y * .log(p)", .callTwice) == ["y * .log(.log(p))"])
        #expect(bodies("a = layers[i].forward(a)", .callLeftOut) == ["a = a"])
        #expect(bodies("ratio(a, b)", .callLeftOut).isEmpty)
    }

    @Test func membersIndicesArgumentsAndParentheses() {
        #expect(bodies("dz * input.transposed", .memberLeftOut) == ["dz * input"])
        #expect(bodies("xs[i]", .indexOffByOne) == ["xs[i + 1]", "xs[i - 1]"])
        #expect(bodies("[a, b]", .indexOffByOne).isEmpty)
        #expect(bodies("uniform(rows: n, columns: m)", .argumentsSwapped) == ["uniform(rows: m, columns: n)"])
        let moved = bodies("(a - b) / (a * (1 - a))", .parenthesesMoved)
        #expect(moved.contains("a - b / (a * (1 - a))"))
        #expect(moved.contains("(a - b) / a * (1 - a)"))
        #expect(bodies("a / b * c", .parenthesesMoved) == ["a / (b * c)"])
        #expect(bodies("a + b * c", .parenthesesMoved) == ["(a + b) * c"])
    }

    @Test func idsAreStableAndDescriptionsUseTheCoursesNotation() {
        let first = MutantGenerator.mutants(of: "weights -= learningRate * dW", exercise: "7.1")
        #expect(first == MutantGenerator.mutants(of: "weights -= learningRate * dW", exercise: "7.1"))
        #expect(Set(first.map(\.id)).count == first.count)
        let replaced = first.first { $0.body == "weights -= learningRate * weights" }
        // The line shown is the slip's, not the reference's.
        #expect(replaced?.description == "W in place of dW, in: W −= α · W")
        let labelled = MutantGenerator.mutants(of: "let x = TrainingError.checkUnsaturated(yHat, epoch: epoch)", exercise: "8.1")
        #expect(labelled.contains { $0.description == "ŷ in place of the epoch (the 2nd the epoch), in: x = the saturation check(ŷ, ŷ)" },
                "labels and types are left out of the line: \(labelled.map(\.description))")
        #expect(first.allSatisfy { !$0.description.contains("learningRate") && !$0.description.contains("weights") })
    }

    @Test func theSchemaPutsEveryMutantInACaseAndKnowsItsLines() throws {
        let text = "func f() -> Double {\n    // Exercise 0.1: f\n    // BEGIN SOLUTION\n    1 - x\n    // END SOLUTION\n}"
        let regions = try MutantRegion.regionsOf(text, file: "F.swift")
        let mutants = [3: Mutant(exercise: "0.1", kind: .constantChanged, description: "", body: "x - 1")]
        let schema = MutantSchema(regions: regions, mutants: mutants, texts: ["F.swift": text])
        #expect(schema.files["F.swift"] == """
            func f() -> Double {
                // Exercise 0.1: f
                // BEGIN SOLUTION
                switch mutantSwitch() {
                case 3:
                    x - 1
                default:
                    1 - x
                }
                // END SOLUTION
            }
            """)
        #expect(schema.mutant(at: "F.swift", line: 6) == 3)
        #expect(schema.mutant(at: "F.swift", line: 8) == nil)

        // A second solution in statements beside the reference's expression: the expression returns.
        let mixed = MutantSchema(regions: regions, mutants: [
            4: Mutant(exercise: "0.1", kind: .unchanged, description: "", body: "let y = 1 - x\nreturn y")], texts: ["F.swift": text])
        #expect(mixed.files["F.swift"]?.contains("    case 4:\n        let y = 1 - x\n        return y\n    default:\n        return 1 - x\n") == true,
                "\(mixed.files["F.swift"] ?? "")")
        #expect(MutantSchema.isExpression("z > 0 ? 1 : 0") && !MutantSchema.isExpression("guard z > 0 else { return 0 }\nreturn 1"))
    }
}
