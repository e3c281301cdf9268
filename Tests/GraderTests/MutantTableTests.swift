import Foundation
import Testing
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

    /// Its descriptions together would spell the reference out.
    @Test func theLearnerEditionLeavesTheTableOut() {
        #expect(PackageFiles.isInstructorOnly(MutantTable.path))
        #expect(PackageFiles.isInstructorOnly("docs/mutants.md"))
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
}
