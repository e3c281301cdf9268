import ArgumentParser
import Foundation
import Grading
import Workbook

/// `workbook mutants`: the reference's single-edit mutants, built and run, and
/// what each one's slip looks like from the learner's side.
struct MutantsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mutants",
        abstract: "Run the reference's single-edit mutants and measure what the visible checks say of them.",
        discussion: """
            Every exercise's reference solution is edited once in every way a slip \
            could take: an operator swapped (+ for -, < for <=, …), a name replaced by \
            another of the region, a constant changed (0 for 1, a sign, 1 - x for x - 1), \
            two statements swapped, a call left out or applied twice, a member left out \
            (Wᵀ → W), an index off by one, two arguments swapped, parentheses moved.

            All of them are built at once in one copy of the package under \
            .build/mutants/ (each region becomes a `switch` on WORKBOOK_MUTANT); \
            those the compiler refuses are counted and left out. Each of the others \
            runs its exercise's chapter with the hidden checks' seeds 1 to 5, stopping \
            at the first seed whose hidden check of the exercise fails: that mutant \
            changes a result. One that passes all five is equivalent and left out of \
            every count. A run may take 10 times the reference's run of the chapter.

            For each exercise it prints, over the mutants that change a result:
              (a) the share that fail a visible check of the exercise;
              (b) the share whose failure is put on the exercise (a failed visible \
            check of it that waits for nothing, or a failed check elsewhere that \
            waits for it);
              and, as "hidden checks miss", the equivalent mutants that fail a \
            visible check all the same: slips the hidden checks let through.

            The results go to docs/mutants.json (instructor-only, as docs/mutants.md \
            with the table): each mutant's id, description, outcome and the messages \
            and fingerprints of the visible checks it failed. With --exercise, only \
            those exercises' rows are replaced.

            Each description is then filed under its fingerprints (what the \
            exercise's visible checks saw, numbers to 9 significant digits) and \
            sealed, encrypted under a key derived from them, in \
            Sources/Workbook/SlipCauseTable.swift: a learner whose failure has a \
            mutant's fingerprint is told its description as the likely cause; the \
            edition holds no description readable.

            Besides the reference's, the table holds the mutants of a second correct \
            solution in another style (\(OtherSolution.second.folder)), so that \
            slips in code shaped like it are named too; only the reference's count \
            in (a) and (b).

            --measure tries the causes on slips they were not made from: the single \
            edits of a third correct solution (\(OtherSolution.third.folder)) and \
            two-edit slips of the reference, and writes \(OtherSolution.reportPath).

            Examples:
              ./workbook mutants --exercise 2.2 --exercise 9.3
              ./workbook mutants --list --exercise 7.1     the mutants, without building
              ./workbook mutants                           the whole course
              ./workbook mutants --measure                 (c), after the table
            """
    )

    @Option(name: .customLong("exercise"), help: ArgumentHelp("Only this exercise (repeat for more), e.g. 7.1.", valueName: "exercise"))
    var exercises: [String] = []

    @Flag(help: "List the mutants and their descriptions; build and run nothing.")
    var list = false

    @Flag(help: ArgumentHelp(
        "Measure (c) on slips the table was not made from, and write docs/slip-causes.md.",
        discussion: "The slips are the single edits of a third correct solution (\(OtherSolution.third.folder)) and up to \(OtherSolution.twoEditSlipsPerExercise) two-edit slips of the reference per exercise. Reads the table; run it after the table is up to date."))
    var measure = false

    func validate() throws {
        for number in exercises where ExerciseCatalog.exercise(number) == nil {
            throw ValidationError("there is no exercise \(number) (see `workbook list`)")
        }
    }

    func run() throws {
        let workspace = try Workspace()
        let root = workspace.root
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("Sources/HiddenChecks").path) else {
            throw ValidationError("mutants are made from the reference solution: run this in the instructor's copy")
        }
        if list {
            for region in try MutantRegion.all(in: root) where exercises.isEmpty || exercises.contains(region.exercise) {
                let mutants = region.mutants
                Console.line(Console.bold("Exercise \(region.exercise): \(mutants.count) mutants"))
                for mutant in mutants { Console.line("  \(mutant.id)  \(mutant.description)") }
            }
            return
        }
        var runner = MutantRunner(packageRoot: root)
        runner.progress = { Console.line(Console.dim($0)) }
        if measure {
            return try measureCauses(root: root, runner: runner)
        }
        let started = Date()
        let tableURL = root.appendingPathComponent(MutantTable.path)
        // The rows --exercise keeps, read first: a table that is there but
        // unreadable stops the run before it starts, and loses no row.
        let kept = !exercises.isEmpty && FileManager.default.fileExists(atPath: tableURL.path)
            ? try MutantTable.read(from: tableURL) : MutantTable()
        let fresh = try runner.run(exercises: exercises)
        let table = exercises.isEmpty ? fresh : kept.merging(fresh)
        try table.write(to: tableURL)
        try AtomicFile.write(Data(table.causesSource.utf8), to: root.appendingPathComponent(MutantTable.causesPath))
        let markdown = """
            # The reference's mutants

            Made by `./workbook mutants` (instructor-only; `--help` says how). Over the \
            mutants that change a result: (a) the share failing a visible check of their \
            exercise, (b) the share blamed on it.

            \(table.markdown)

            """
        try AtomicFile.write(Data(markdown.utf8), to: root.appendingPathComponent("docs/mutants.md"))
        Console.line(fresh.markdown)
        Console.line(Console.dim("\(Int(Date().timeIntervalSince(started))) s in all; the table is in \(MutantTable.path)."))
    }

    /// `--measure`: runs the slips of `OtherSolution.third` and two-edit slips
    /// of the reference, and counts what their failures are told (`SlipMeasure`).
    private func measureCauses(root: URL, runner: MutantRunner) throws {
        let started = Date()
        let table = try MutantTable.read(from: root.appendingPathComponent(MutantTable.path))
        // The slips run with the causes the table files now.
        try AtomicFile.write(Data(table.causesSource.utf8), to: root.appendingPathComponent(MutantTable.causesPath))
        let regions = try MutantRegion.all(in: root).filter { exercises.isEmpty || exercises.contains($0.exercise) }
        let third = try OtherSolution.third.mutants(of: regions, in: root)
        let twoEdits = OtherSolution.twoEditSlips(of: regions)
        var runner = runner
        runner.messageLength = 4000
        let batch = try runner.run(third.unchanged + third.singleEdits + twoEdits, of: regions)
        let outcomes = Dictionary(batch.outcomes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        try OtherSolution.requireCorrect(third.unchanged, in: outcomes)
        // Every slip's outcome, for reading what one was told: not committed.
        try MutantTable(mutants: batch.outcomes).write(to: root.appendingPathComponent(".build/mutants/slips.json"))
        var measure = SlipMeasure()
        measure.add(third.singleEdits.compactMap { outcomes[$0.id] }, source: .thirdSolution, table: table)
        measure.add(twoEdits.compactMap { outcomes[$0.id] }, source: .twoEdits, table: table)
        let markdown = """
            # Causes named for slips the table was not made from

            Made by `./workbook mutants --measure` (instructor-only). Slips: the single \
            edits of a third correct solution, in a style unlike the reference's and the \
            second solution's (`\(OtherSolution.third.folder)`), and two-edit slips of the \
            reference: the table holds neither. Over those that change a result: the share \
            told a cause from the mutants, and (c) the share whose named mutant fails the \
            same visible checks with the same outputs.

            \(measure.markdown)

            """
        try AtomicFile.write(Data(markdown.utf8), to: root.appendingPathComponent(OtherSolution.reportPath))
        Console.line(measure.markdown)
        Console.line(Console.dim("\(Int(Date().timeIntervalSince(started))) s in all; the table is in \(OtherSolution.reportPath)."))
    }
}
