import Foundation
import Workbook

/// (c) of `workbook mutants --measure`: how the sealed causes fare on slips the
/// table was not made from, the single edits of a third correct solution in
/// another style (`OtherSolution.third`) and slips of two edits of the reference.
///
/// A slip that changes a result *gets a cause from the mutants* when a failed
/// visible check names one filed under its outputs. The cause *describes the
/// slip* when the mutant it names fails the same visible checks with the same
/// outputs (`MutantTable.failuresKept` of them at most), so that nothing the
/// learner can see tells the two apart; or when it names the same edit, where
/// aside ("0 instead of 1", "ŷ in place of y"), as the slip's own description
/// (one of the two, for a slip of two edits).
public struct SlipMeasure: Equatable, Sendable {
    /// Where a slip comes from.
    public enum Source: String, Sendable {
        case thirdSolution = "third solution"
        case twoEdits = "two edits"
    }

    public struct Row: Equatable, Sendable {
        public var exercise: String
        public var source: Source
        /// Slips that compile and change a result.
        public var slips = 0
        /// A failed check names a cause from the mutants.
        public var named = 0
        /// (c) That cause's mutant looks the same as the slip on every visible check.
        public var described = 0
        /// A failed check names a cause of the hand-written table instead.
        public var handWritten = 0
    }

    public var rows: [Row] = []

    public init() {}

    /// Counts `outcomes` (the slips' runs, judged with whole messages) of `source` against `table`.
    public mutating func add(_ outcomes: [MutantTable.Outcome], source: Source, table: MutantTable) {
        let causes = table.causes
        var byDescription: [String: [MutantTable.Outcome]] = [:]
        for mutant in table.mutants { byDescription[mutant.description, default: []].append(mutant) }
        func seen(_ outcome: MutantTable.Outcome) -> [String] {
            outcome.failures.map { $0.check + "\n" + ($0.fingerprint ?? "") }
        }
        for exercise in Set(outcomes.map(\.exercise)).sorted(by: { $0.compare($1, options: .numeric) == .orderedAscending }) {
            var row = Row(exercise: exercise, source: source)
            for slip in outcomes where slip.exercise == exercise && slip.compiles && slip.changesResult {
                row.slips += 1
                let named = slip.failures.compactMap { failure -> String? in
                    guard let fingerprint = failure.fingerprint, let cause = causes[fingerprint],
                          failure.message.contains(likelyCause(cause)) else { return nil }
                    return cause
                }
                if let cause = named.first {
                    row.named += 1
                    let alternatives = cause.components(separatedBy: "; or ")
                    let mutants = alternatives.flatMap { byDescription[$0] ?? [] }
                    let edits = Set(slip.description.components(separatedBy: "; and ").map(MutantTable.edit))
                    if mutants.contains(where: { seen($0) == seen(slip) }) || alternatives.contains(where: { edits.contains(MutantTable.edit($0)) }) {
                        row.described += 1
                    }
                } else if slip.failures.contains(where: { $0.message.contains(likelyCause("")) }) {
                    row.handWritten += 1
                }
            }
            rows.append(row)
        }
    }

    /// The (c) table as Markdown, one line per exercise and source.
    public var markdown: String {
        var lines = ["| exercise | slips from | change a result | cause from the mutants | (c) cause describes the slip | hand-written cause | no cause |",
                     "|---|---|---:|---:|---:|---:|---:|"]
        for row in rows {
            let none = row.slips - row.named - row.handWritten
            lines.append("| \(row.exercise) | \(row.source.rawValue) | \(row.slips) | "
                + "\(MutantTable.Measure.share(row.named, of: row.slips)) (\(row.named)) | "
                + "\(MutantTable.Measure.share(row.described, of: row.slips)) (\(row.described)) | \(row.handWritten) | \(none) |")
        }
        return lines.joined(separator: "\n")
    }
}
