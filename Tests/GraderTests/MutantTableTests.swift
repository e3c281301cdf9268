import Foundation
import Testing
import Workbook
@testable import Grading

/// The committed table of the reference's mutants (`workbook mutants`) is made
/// from the sources as they are, and its measures count what they say.
struct MutantTableTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let tableURL = packageRoot.appendingPathComponent(MutantTable.path)

    /// Instructor's copy only: the learner edition has neither the table nor the reference.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: tableURL.path)))
    func theCommittedTableMatchesTheRegionsAndChaptersItWasMadeFrom() throws {
        let table = try MutantTable.read(from: Self.tableURL)
        #expect(!table.exercises.isEmpty)
        for entry in table.exercises {
            let now = try MutantTable.sourceHash(of: entry.exercise, in: Self.packageRoot)
            #expect(entry.sourceHash == now,
                    "docs/mutants.json is stale for \(entry.exercise): run ./workbook mutants --exercise \(entry.exercise)")
        }
    }

    /// (a) and (b) as the runner reads them from a run's checks.
    @Test func aRunIsJudgedByItsHiddenCheckAndBlameByWhatWaitsForWhat() {
        func judged(_ checks: [CheckResult]) -> MutantTable.Outcome {
            var outcome = MutantTable.Outcome(id: "", exercise: "9.3", kind: "", description: "", compiles: true,
                                              changesResult: false, seedsRun: 1, visibleFail: false, blamed: false,
                                              status: "", failures: [])
            outcome.judge(checks)
            return outcome
        }
        let hiddenFails = CheckResult(name: "hidden: 9.3", points: 1, passed: false, message: "", hidden: true, exercise: "9.3")
        let hiddenPasses = CheckResult(name: "hidden: 9.3", points: 1, passed: true, message: "", hidden: true, exercise: "9.3")
        let own = CheckResult(name: "precision", points: 1, passed: false, message: "got 1.25", exercise: "9.3")
        let ownWaiting = CheckResult(name: "precision", points: 1, passed: false, message: "waits", exercise: "9.3", waitsFor: "9.1")
        let laterWaiting = CheckResult(name: "F1", points: 1, passed: false, message: "waits", exercise: "9.5", waitsFor: "9.3")
        let elsewhere = CheckResult(name: "F1", points: 1, passed: false, message: "got 0", exercise: "9.5")

        let caught = judged([own, laterWaiting, hiddenFails])
        #expect(caught.changesResult && caught.visibleFail && caught.blamed)
        #expect(caught.failures == [.init(check: "precision", message: "got 1.25")])
        let blamedElsewhere = judged([elsewhere, hiddenFails])
        #expect(blamedElsewhere.changesResult && !blamedElsewhere.visibleFail && !blamedElsewhere.blamed)
        let waiting = judged([ownWaiting, hiddenFails])
        #expect(waiting.visibleFail && !waiting.blamed)
        #expect(judged([laterWaiting, hiddenFails]).blamed)
        #expect(!judged([own, hiddenPasses]).changesResult)
        #expect(judged([own]).changesResult, "a run that never reached the hidden check changed a result")
    }

    /// Its descriptions together would spell the reference out, and the
    /// notation the generator reads names the reference's own variables.
    @Test func theLearnerEditionLeavesTheTableAndTheGeneratorOut() {
        #expect(PackageFiles.isInstructorOnly(MutantTable.path))
        #expect(PackageFiles.isInstructorOnly("docs/mutants.md"))
        #expect(PackageFiles.isInstructorOnly("Sources/Grading/Mutants/CourseNotation.swift"))
        #expect(PackageFiles.isInstructorOnly("Sources/WorkbookCLI/MutantsCommand.swift"))
    }

    @Test func sharesCountOnlyMutantsThatChangeAResult() throws {
        func outcome(_ id: String, compiles: Bool = true, changes: Bool, visible: Bool = false, blamed: Bool = false) -> MutantTable.Outcome {
            .init(id: id, exercise: "9.3", kind: "operator", description: "", compiles: compiles, changesResult: changes,
                  seedsRun: 1, visibleFail: visible, blamed: blamed, status: "failed", failures: [])
        }
        let table = MutantTable(
            exercises: [.init(exercise: "9.3", sourceHash: "", generated: 5, compiling: 4, referenceSeconds: 1, runSeconds: 9)],
            // The fifth, which does not compile, is counted in the row and not listed.
            mutants: [outcome("b", changes: false, visible: true),
                      outcome("c", changes: true, visible: true, blamed: true), outcome("d", changes: true, visible: true),
                      outcome("e", changes: true)])
        let measure = table.measures[0]
        #expect(measure.compiling == 4 && measure.equivalent == 1 && measure.changing == 3)
        #expect(measure.visibleFail == 2 && measure.blamed == 1 && measure.visibleOnly == 1)
        #expect(MutantTable.Measure.share(2, of: 3) == "67%")
        #expect(table.markdown.contains("| 9.3 | 5 | 4 | 1 | 3 | 67% (2) | 33% (1) | 1 | 9 s |"))
        let merged = table.merging(MutantTable(exercises: [.init(exercise: "2.2", sourceHash: "", generated: 0, compiling: 0,
                                                                  referenceSeconds: 0, runSeconds: 0)]))
        #expect(merged.exercises.map(\.exercise) == ["2.2", "9.3"])
        #expect(merged.mutants.count == 4)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mutants-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try merged.write(to: file)
        #expect(try MutantTable.read(from: file) == merged)
    }
    /// (c): a cause named from the mutants describes a slip that agrees with its
    /// mutant on every visible check, or that made the same edit elsewhere.
    @Test func aCauseDescribesASlipThatLooksTheSameOrMadeTheSameEdit() {
        func outcome(_ description: String, _ failures: [(String, String, String)], kind: String = "constant") -> MutantTable.Outcome {
            .init(id: description, exercise: "5.1", kind: kind, description: description, compiles: true, changesResult: true,
                  seedsRun: 1, visibleFail: true, blamed: true, status: "failed",
                  failures: failures.map { .init(check: $0.0, message: $0.2, fingerprint: $0.1) })
        }
        let cause = "0 instead of 1 (the 1st 1), in: −(y · .log(ŷ) + (0 − y) · .log(1 − ŷ))"
        // The second solution's same edit, in its own line, is the same cause.
        let table = MutantTable(mutants: [outcome(cause, [("hand-worked", "k1", "got 2"), ("ends", "k2", "got 3")]),
                                          outcome("0 instead of 1 (the 2nd 1), in: (0 − y) · log(1 − ŷ)", [("hand-worked", "k1", "got 2")])])
        #expect(table.causes == ["k1": cause, "k2": cause])
        let told = "got 2\n" + likelyCause(cause)
        var measure = SlipMeasure()
        measure.add([
            outcome("a name in place of y, in: z", [("hand-worked", "k1", told), ("ends", "k2", told)]),
            outcome("0 instead of 1 (the 2nd 1), in: (0 − y) · log(1 − ŷ)", [("hand-worked", "k1", told), ("ends", "k9", "got 4")]),
            outcome("ŷ in place of y; and − instead of +", [("hand-worked", "k1", told), ("ends", "k9", "got 4")], kind: "two-edits"),
            outcome("the sign − left out", [("hand-worked", "k7", "got 5\n" + likelyCause("the sign is flipped"))]),
            outcome("+ instead of −", [("hand-worked", "k8", "got 6")]),
        ], source: .thirdSolution, table: table)
        #expect(measure.rows == [SlipMeasure.Row(exercise: "5.1", source: .thirdSolution, slips: 5, named: 3, described: 2, handWritten: 1)])
        #expect(measure.markdown.contains("| 5.1 | third solution | 5 | 60% (3) | 40% (2) | 1 | 1 |"))
        #expect(MutantTable.edit("0 instead of 1 (the 2nd 1), in: (0 − y)") == "0 instead of 1")
    }
}
