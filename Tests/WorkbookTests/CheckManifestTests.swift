import Foundation
import Testing
@testable import Workbook

/// The learner's total counts the grader's hidden checks, unnamed, once.
struct CheckManifestTests {
    static let visible = CheckResult(name: "one ReLU step by hand", points: 3, passed: true, message: "", exercise: "7.1")

    @Test func theGradersHiddenChecksCountAfterEachChaptersOwn() {
        let manifest = CheckManifest(records: [ChapterRecord(chapter: 7, title: "Layer.backward", checks: [Self.visible])])
        #expect(manifest.checks.map(\.exercise) == ["7.1", "7.1", "7.2"])
        #expect(manifest.checks.dropFirst().allSatisfy { $0.hidden && $0.name == "hidden check" && $0.chapter == 7 })
        let catalogPoints = HiddenCheckCatalog.checks.filter { $0.chapter == 7 }.map(\.points).reduce(0, +)
        #expect(manifest.maxPoints == 3 + catalogPoints)
        #expect(manifest.hiddenPoints == catalogPoints)
    }

    @Test func aRunThatHeldThemCountsThemOnce() {
        let ran = HiddenCheckCatalog.checks.filter { $0.chapter == 7 }.map {
            CheckResult(name: $0.name, points: $0.points, passed: true, message: "", hidden: true, exercise: $0.exercise)
        }
        let manifest = CheckManifest(records: [ChapterRecord(chapter: 7, title: "Layer.backward", checks: [Self.visible] + ran)])
        #expect(manifest.checks.count == 1 + ran.count)
    }

    @Test func everyExerciseHasExactlyOneHiddenCheck() {
        #expect(HiddenCheckCatalog.checks.map(\.exercise) == ExerciseCatalog.exercises.map(\.number))
    }
}
