import Foundation
import Testing
@testable import Grading
import Workbook

/// The hostile regions the region rules refuse before any build: spliced into
/// the instructor's Neuron.swift, each leaves exercise 1.1's stub in place and a
/// note that names the submitted file's line and the construct, which is what
/// `feedback.md` shows. (Those the compiler refuses are graded end to end:
/// `GraderEndToEndTests.refusedRegionGradesAsOpenWithItsLine`.)
struct RefusedBeforeBuildingTests {
    @Test(arguments: PlantedSubmissions.refusedBeforeBuilding.map(\.name))
    func theRegionIsRefusedWithItsLineAndTheStubStands(name: String) throws {
        let refusal = try #require(PlantedSubmissions.refusedBeforeBuilding.first { $0.name == name })
        let file = "Sources/NeuralNetwork/Neuron.swift"
        let pristine = try String(contentsOf: GradingFixture.packageRoot.appendingPathComponent(file), encoding: .utf8)
        let plants = try #require(PlantedSubmissions.hostile[name])
        let submitted = try PlantedSubmissions.planting(plants, in: pristine, of: "Neuron.swift", for: name)
        let anchorLine = try #require(submitted.components(separatedBy: "\n").firstIndex { $0.contains(refusal.anchor) })

        let spliced = try SubmissionRegions.splice(pristine: pristine, submitted: submitted, file: file)
        let expected = "\(file):\(anchorLine + 1 + refusal.offset): Exercise 1.1: "
        #expect(spliced.problems.map(\.description).contains { $0.hasPrefix(expected) && $0.contains(refusal.construct) },
                "expected \(expected)… \(refusal.construct), got \(spliced.problems)")
        #expect(spliced.text.contains("exerciseNotDone(\"1.1\""), "exercise 1.1 keeps its stub")
        #expect(!spliced.text.contains(refusal.anchor) || pristine.contains(refusal.anchor), "nothing of the refused region is taken")
    }
}
