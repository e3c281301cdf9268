import Foundation
import Testing
import Workbook
@testable import Grading

/// Every slip the chapters recognise (`PlantedSubmissions.slips`), planted in the
/// reference and run as a learner runs it, `workbook run N`, for just the
/// chapters that must name it (`LocalRun`): each submission costs a rebuild of
/// the learner's module and those chapters, not a grading.
@Suite(.serialized)
struct SlipRunTests {
    @Test(arguments: PlantedSubmissions.slips.keys.sorted())
    func eachSlipIsNamedByItsChapter(_ name: String) throws {
        let slips = try #require(PlantedSubmissions.slips[name])
        let files = try PlantedSubmissions.exerciseFiles(planting: slips.map(\.plant), for: name)
        let chapters = Set(slips.map(\.chapter)).sorted()
        let records = try LocalRun.records(of: chapters, withExerciseFiles: files)
        for (number, record) in zip(chapters, records) {
            let messages = record.checks.filter { !$0.passed }.map(\.message)
            for slip in slips where slip.chapter == number {
                #expect(messages.contains { $0.contains(slip.cause) },
                        "\(name), chapter \(number): no failed check says \"\(slip.cause)\"; they say \(messages)")
            }
        }
    }

    /// One slip per chapter that no hand-written cause knows gets the cause of
    /// the reference mutant that gives its outputs (`MutantSlips`).
    @Test(arguments: PlantedSubmissions.mutantSlips.keys.sorted())
    func eachChapterNamesASlipItWasNeverToldOfFromTheMutants(_ name: String) throws {
        let slips = try #require(PlantedSubmissions.mutantSlips[name])
        let table = try MutantTable.read(from: MutantTableTests.tableURL)
        let files = try PlantedSubmissions.exerciseFiles(planting: slips.map(\.plant), for: name)
        let chapters = Set(slips.map(\.chapter)).sorted()
        let records = try LocalRun.records(of: chapters, withExerciseFiles: files)
        for (number, record) in zip(chapters, records) {
            let messages = record.checks.filter { !$0.passed && $0.waitsFor == nil }.map(\.message)
            for slip in slips where slip.chapter == number {
                let mutant = try #require(table.mutants.first { $0.id == slip.mutant }, "no mutant \(slip.mutant) in the table")
                let cause = try #require(table.causes.values.first { $0.components(separatedBy: "; or ").contains(mutant.description) })
                #expect(messages.contains { $0.contains(likelyCause(cause)) },
                        "\(name), chapter \(number): no failed check names “\(cause)”; they say \(messages)")
            }
        }
    }
}
