import Foundation
import Workbook

/// What the reference's mutants showed: for each mutant, whether it changes a
/// result and what a learner who made that slip would see; for each exercise,
/// the hash of the sources the table was made from and how long it took.
///
/// Written to `docs/mutants.json` by `workbook mutants`; instructor-only (the
/// descriptions together would spell the reference out).
public struct MutantTable: Codable, Equatable, Sendable {
    /// Package-relative path of the committed table.
    public static let path = "docs/mutants.json"

    /// The failed visible checks kept for each mutant (those that wait for
    /// another exercise left out: their message says only that), and how much
    /// of each message: enough for the outputs a later fingerprint matches.
    public static let failuresKept = 4
    public static let messageLength = 200

    /// One visible check that failed under a mutant, with its message.
    public struct Failure: Codable, Equatable, Sendable {
        public var check: String
        public var message: String
        /// What the learner's code gave, as `SlipFingerprint` writes it: a
        /// learner's failure with this fingerprint is told this mutant's cause.
        public var fingerprint: String?
    }

    /// One mutant's outcome.
    public struct Outcome: Codable, Equatable, Sendable {
        public var id: String
        public var exercise: String
        public var kind: String
        public var description: String
        /// False when the compiler refused it: such a mutant is counted in its
        /// exercise's row (`Exercise.compiling`), and `MutantRunner` lists none.
        public var compiles: Bool
        /// A hidden check of its exercise failed at one of the seeds (or the run
        /// crashed or hung before it). False for an equivalent mutant.
        public var changesResult: Bool
        /// The hidden seeds run: up to the first that told it apart.
        public var seedsRun: Int
        /// (a) A visible check of its exercise failed. For an equivalent mutant too:
        /// one the visible checks tell apart and the hidden ones do not is where
        /// the hidden checks fall short.
        public var visibleFail: Bool
        /// (b) The failure is put on its exercise: a failed visible check of it that
        /// waits for nothing, or a failed check elsewhere that waits for it.
        public var blamed: Bool
        /// How the chapter's last run ended ("failed", "timed out after 3 s", …).
        public var status: String
        public var failures: [Failure]
        /// "second" for a mutant of the second solution (`OtherSolution`), nil
        /// for one of the reference's: only those count in (a) and (b).
        public var solution: String?
    }

    /// One exercise's run: sources hash, counts of mutants made, times.
    public struct Exercise: Codable, Equatable, Sendable {
        public var exercise: String
        /// `sourceHash(of:in:)` when the table was made.
        public var sourceHash: String
        public var generated: Int
        public var compiling: Int
        /// Seconds of the reference's run of the exercise's chapter.
        public var referenceSeconds: Double
        /// Seconds of all its mutants' runs.
        public var runSeconds: Double
    }

    public var exercises: [Exercise]
    public var mutants: [Outcome]
    /// Seconds of the schema builds of the last run (all exercises built at once).
    public var buildSeconds: Double

    public init(exercises: [Exercise] = [], mutants: [Outcome] = [], buildSeconds: Double = 0) {
        self.exercises = exercises
        self.mutants = mutants
        self.buildSeconds = buildSeconds
    }

    /// This table with `other`'s exercises put in place of its own.
    public func merging(_ other: MutantTable) -> MutantTable {
        let replaced = Set(other.exercises.map(\.exercise))
        let order: (String, String) -> Bool = { $0.compare($1, options: .numeric) == .orderedAscending }
        return MutantTable(
            exercises: (exercises.filter { !replaced.contains($0.exercise) } + other.exercises).sorted { order($0.exercise, $1.exercise) },
            mutants: (mutants.filter { !replaced.contains($0.exercise) } + other.mutants).sorted { order($0.exercise, $1.exercise) },
            buildSeconds: other.buildSeconds)
    }

    // MARK: - Measures

    /// (a) and (b) of one exercise, over its result-changing mutants.
    public struct Measure: Equatable, Sendable {
        public var exercise: String
        public var generated: Int
        public var compiling: Int
        public var equivalent: Int
        public var changing: Int
        public var visibleFail: Int
        public var blamed: Int
        /// Equivalent by the hidden checks, yet failing a visible check of the
        /// exercise: a slip the hidden checks miss.
        public var visibleOnly: Int
        public var runSeconds: Double

        /// "93%", or "–" when no mutant changes a result.
        public static func share(_ part: Int, of whole: Int) -> String {
            whole == 0 ? "–" : "\(Int((Double(part) / Double(whole) * 100).rounded()))%"
        }
    }

    public var measures: [Measure] {
        exercises.map { entry in
            let own = mutants.filter { $0.exercise == entry.exercise && $0.compiles && $0.solution == nil }
            let changing = own.filter(\.changesResult)
            return Measure(exercise: entry.exercise, generated: entry.generated, compiling: entry.compiling,
                           equivalent: own.count - changing.count, changing: changing.count,
                           visibleFail: changing.filter(\.visibleFail).count, blamed: changing.filter(\.blamed).count,
                           visibleOnly: own.filter { !$0.changesResult && $0.visibleFail }.count, runSeconds: entry.runSeconds)
        }
    }

    /// The (a)/(b) table as Markdown.
    public var markdown: String {
        var lines = ["| exercise | mutants | compile | equivalent | change a result | (a) visible check fails | (b) blamed on it | hidden checks miss | run time, both solutions |",
                     "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for m in measures {
            lines.append("| \(m.exercise) | \(m.generated) | \(m.compiling) | \(m.equivalent) | \(m.changing) | "
                + "\(Measure.share(m.visibleFail, of: m.changing)) (\(m.visibleFail)) | \(Measure.share(m.blamed, of: m.changing)) (\(m.blamed)) | "
                + "\(m.visibleOnly) | \(Int(m.runSeconds.rounded())) s |")
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Causes

    /// Where the sealed causes go: a source file of the harness, which every
    /// edition holds.
    public static let causesPath = "Sources/Workbook/SlipCauseTable.swift"

    /// More causes than this under one fingerprint say too little to be worth naming.
    public static let causesNamed = 3

    /// Fingerprint → the descriptions of the mutants that give it, in the
    /// table's order, one per edit (the reference's and the second solution's
    /// "W in place of a_prev" are one cause), at most `causesNamed` of them
    /// ("; or " between them).
    public var causes: [String: String] {
        var descriptions: [String: [String]] = [:]
        for mutant in mutants where mutant.compiles {
            for fingerprint in Set(mutant.failures.compactMap(\.fingerprint))
            where descriptions[fingerprint]?.contains(where: { Self.edit($0) == Self.edit(mutant.description) }) != true {
                descriptions[fingerprint, default: []].append(mutant.description)
            }
        }
        return descriptions.filter { $0.value.count <= Self.causesNamed }.mapValues { $0.joined(separator: "; or ") }
    }

    /// What a description says was done, without where: "0 instead of 1" of
    /// "0 instead of 1 (the 1st 1), in: (0 − y) · log(1 − ŷ)".
    public static func edit(_ description: String) -> String {
        let what = description.components(separatedBy: ", in: ")[0]
        return what.replacing(/\s\(the [0-9]+(st|nd|rd|th) [^)]*\)$/, with: "")
    }

    /// The text of `causesPath`: each cause sealed under its fingerprint
    /// (`SlipCauses`), in the order of their lookups.
    public var causesSource: String {
        let lines = causes.map { SlipCauses.lookup($0.key) + " " + SlipCauses.seal($0.value, fingerprint: $0.key) }.sorted()
        let quotes = String(repeating: "\"", count: 3)
        return "// Written by `workbook mutants` from docs/mutants.json: do not edit by hand.\n"
            + "// One line per fingerprint: its lookup and its sealed cause (see `SlipCauses`).\n"
            + "let sealedSlipCauses = \(quotes)\n" + lines.map { $0 + "\n" }.joined() + quotes + "\n"
    }

    // MARK: - Staleness

    /// A hash of what an exercise's results depend on: its region's reference
    /// code, the second solution's where the package holds it, and its chapter's source.
    public static func sourceHash(of exercise: String, in packageRoot: URL) throws -> String {
        guard let region = try MutantRegion.all(in: packageRoot).first(where: { $0.exercise == exercise }),
              let chapter = Catalog.chapter(region.chapter) else {
            throw CheckFailure("no region of exercise \(exercise) in \(packageRoot.path)")
        }
        let source = try String(contentsOf: packageRoot.appendingPathComponent(chapter.sourcePath), encoding: .utf8)
        let second = OtherSolution.second.isPresent(in: packageRoot) ? try OtherSolution.second.body(of: exercise, in: packageRoot) : ""
        return StableHash.hex(region.body + "\u{0}" + source + (second.isEmpty ? "" : "\u{0}" + second))
    }

    /// The table at `url`. Throws a one-line error that names the file when it
    /// is missing or not a table.
    public static func read(from url: URL) throws -> MutantTable {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CheckFailure("there is no table of mutants at \(url.path): `./workbook mutants` makes it")
        }
        do {
            return try JSONDecoder().decode(MutantTable.self, from: data)
        } catch {
            throw CheckFailure("\(url.path) is not a table of mutants (\(String(describing: error).prefix(120))): "
                + "`./workbook mutants` makes it again")
        }
    }

    /// Writes the table as JSON with one exercise or mutant a line, so that a
    /// new run's changes show line by line.
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func lines(_ items: [some Encodable]) throws -> String {
            try items.map { "  " + String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: ",\n")
        }
        let text = "{\n\"buildSeconds\": \(buildSeconds),\n\"exercises\": [\n\(try lines(exercises))\n],\n"
            + "\"mutants\": [\n\(try lines(mutants))\n]\n}\n"
        try AtomicFile.write(Data(text.utf8), to: url)
    }
}

extension MutantTable.Outcome {
    /// Takes in one run's checks of the mutant's chapter: it changes a result
    /// when its exercise's hidden check failed or never ran (a crash, a hang);
    /// (a) a visible check of its exercise failed; (b) a failed visible check of
    /// its exercise waits for nothing, or one of another exercise waits for it.
    mutating func judge(_ checks: [CheckResult], messageLength: Int = MutantTable.messageLength) {
        let hidden = checks.first { $0.hidden && $0.exercise == exercise }
        let failures = checks.filter { !$0.hidden && !$0.passed }
        changesResult = hidden?.passed != true
        visibleFail = failures.contains { $0.exercise == exercise }
        blamed = failures.contains { ($0.exercise == exercise && $0.waitsFor == nil) || $0.waitsFor == exercise }
        self.failures = failures.filter { $0.waitsFor == nil }.prefix(MutantTable.failuresKept).map {
            .init(check: $0.name, message: String($0.message.prefix(messageLength)), fingerprint: $0.fingerprint)
        }
    }
}
