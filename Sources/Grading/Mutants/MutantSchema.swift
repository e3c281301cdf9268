/// Every mutant of some regions written into one copy of their files (mutant
/// schemata): each region's body becomes
///
///     switch mutantSwitch() {
///     case 1:
///         …mutant 1…
///     default:
///         …the reference…
///     }
///
/// so one build holds them all and the environment picks one at run time
/// (`MutantSchema.switchFile`). A single-expression body makes a `switch`
/// expression, any other a `switch` statement.
public struct MutantSchema: Sendable {
    /// The environment variable that picks the mutant; unset or 0 runs the reference.
    public static let environmentKey = "WORKBOOK_MUTANT"

    /// Where the switch lives in the copy: a file of the learner's module that
    /// only mutant builds hold.
    public static let switchPath = "Sources/NeuralNetwork/MutantSwitch.swift"

    /// The switch file's text: the mutant number, read once from the environment.
    public static let switchFile = """
        import Foundation

        /// The mutant this run executes (`\(environmentKey)`), 0 for the reference.
        let activeMutant = ProcessInfo.processInfo.environment["\(environmentKey)"].flatMap { Int($0) } ?? 0

        /// The case each mutated region's `switch` takes.
        func mutantSwitch() -> Int { activeMutant }

        """

    /// The rewritten files, package-relative path → text.
    public private(set) var files: [String: String] = [:]
    /// For each rewritten file, its 1-based lines → the mutant number whose case holds them.
    public private(set) var caseLines: [String: [Int: Int]] = [:]

    /// Writes `mutants` (number → mutant) into their regions of `texts` (path → the reference file).
    public init(regions: [MutantRegion], mutants: [Int: Mutant], texts: [String: String]) {
        let byExercise = Dictionary(grouping: mutants.keys.sorted()) { mutants[$0]!.exercise }
        for (file, fileRegions) in Dictionary(grouping: regions, by: \.file) {
            guard let text = texts[file] else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let chosen = fileRegions.filter { byExercise[$0.exercise] != nil }.sorted { $0.beginLine < $1.beginLine }
            guard !chosen.isEmpty else { continue }
            var output: [String] = []
            var map: [Int: Int] = [:]
            var next = 0
            for region in chosen {
                let numbers = byExercise[region.exercise] ?? []
                let bodies = [region.body] + numbers.map { mutants[$0]!.body }
                // A switch is an expression only when every case is one: with
                // statements beside expressions, the expressions return.
                let mixed = bodies.contains(where: Self.isExpression) && !bodies.allSatisfy(Self.isExpression)
                func cased(_ body: String) -> String {
                    mixed && Self.isExpression(body) ? "return " + body : body
                }
                output += lines[next...region.beginLine]
                let indent = region.indentation
                output.append(indent + "switch mutantSwitch() {")
                for number in numbers {
                    output.append(indent + "case \(number):")
                    for line in cased(mutants[number]!.body).split(separator: "\n", omittingEmptySubsequences: false) {
                        output.append(indent + "    " + line)
                        map[output.count] = number
                    }
                }
                output.append(indent + "default:")
                output += cased(region.body).split(separator: "\n", omittingEmptySubsequences: false).map { indent + "    " + $0 }
                output.append(indent + "}")
                next = region.endLine
            }
            output += lines[next...]
            files[file] = output.joined(separator: "\n")
            caseLines[file] = map
        }
    }

    /// One line that starts with no keyword of a statement: the value of a
    /// single-expression body (`z > 0 ? 1 : 0`).
    static func isExpression(_ body: String) -> Bool {
        let lines = body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("//") }
        guard lines.count == 1 else { return false }
        let first = SwiftTokens(lines[0]).tokens.first?.text ?? ""
        return !["return", "let", "var", "guard", "for", "if", "while", "switch", "do"].contains(first)
    }

    /// The mutant whose case holds `line` (1-based) of `file`, if any.
    public func mutant(at file: String, line: Int) -> Int? {
        caseLines[file]?[line]
    }
}
