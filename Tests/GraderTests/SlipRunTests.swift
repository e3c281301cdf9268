import Foundation
import Testing
import Workbook

/// Every slip the chapters recognise (`PlantedSubmissions.slips`), planted in the
/// reference and run as a learner runs it, `workbook run N`, for just the
/// chapters that must name it (`LocalRun`): each submission costs a rebuild of
/// the learner's module and those chapters, not a grading.
@Suite(.serialized)
struct SlipRunTests {
    @Test(arguments: PlantedSubmissions.slips.keys.sorted())
    func eachSlipIsNamedByItsChapter(_ name: String) throws {
        let slips = try #require(PlantedSubmissions.slips[name])
        let sources = GradingFixture.packageRoot.appendingPathComponent("Sources/NeuralNetwork")
        var files: [String: String] = [:]
        for file in Set(slips.map(\.plant.file)) {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            files[file] = try PlantedSubmissions.planting(slips.map(\.plant), in: text, of: file, for: name)
        }
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
}
