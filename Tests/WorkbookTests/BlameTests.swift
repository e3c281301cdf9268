import Foundation
import Testing
@testable import Workbook

/// What a failing exercise costs: its own checks, and the checks that call it,
/// which wait for it rather than blame their own exercise.
struct BlameTests {
    @Test func anExerciseCallsWhatItUsesAndWhatThoseUse() {
        #expect(ExerciseCatalog.calledExercises(of: "1.1").isEmpty)
        #expect(ExerciseCatalog.calledExercises(of: "4.2") == ["4.1"])
        #expect(ExerciseCatalog.calledExercises(of: "9.5") == ["9.1", "9.3", "9.4"])
        let fit = ExerciseCatalog.calledExercises(of: "8.1")
        for number in ["2.1", "2.2", "3.1", "4.1", "4.2", "5.1", "6.1", "7.1", "7.2"] {
            #expect(fit.contains(number), "8.1 calls \(number)")
        }
        for exercise in ExerciseCatalog.exercises {
            for used in exercise.uses {
                let target = ExerciseCatalog.exercise(used)
                #expect(target != nil && target!.chapter <= exercise.chapter, "\(exercise.number) uses \(used)")
            }
        }
    }

    /// A chapter's record with one check of 8.1 failing because 7.1 failed,
    /// and one 7.1 check failing of its own.
    @Test func aCheckThatWaitsDoesNotBlameItsOwnExercise() throws {
        let package = FileManager.default.temporaryDirectory.appendingPathComponent("blame-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: package) }
        // The reference's exercise files, whose regions the progress fingerprints.
        let sources = package.appendingPathComponent("Sources/NeuralNetwork")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        for file in ["Activation.swift", "Layer.swift", "Loss.swift", "Perceptron.swift", "Neuron.swift"] {
            try FileManager.default.copyItem(at: HintTests.packageRoot.appendingPathComponent("Sources/NeuralNetwork/\(file)"),
                                             to: sources.appendingPathComponent(file))
        }
        var progress = Progress()
        for info in [Catalog.chapter(7)!, Catalog.chapter(8)!] {
            let checks = info.number == 7
                ? [CheckResult(name: "a", points: 1, passed: false, message: "expected 1, got 2", exercise: "7.1")]
                : [CheckResult(name: "b", points: 1, passed: false, message: "waits for 7.1", exercise: "8.1", waitsFor: "7.1")]
            let run = ChapterRun(info: info, status: .failed,
                                 record: ChapterRecord(chapter: info.number, title: info.title, checks: checks, finished: true),
                                 output: "", seconds: 0)
            progress.record(run, in: package)
        }
        let backward = try #require(ExerciseCatalog.exercise("7.1")), fit = try #require(ExerciseCatalog.exercise("8.1"))
        #expect(progress.state(of: backward, in: package) == .failing)
        #expect(progress.state(of: fit, in: package) == .waiting)
        #expect(progress.failingExercises(in: package) == ["7.1": "fails its own checks in chapter 7"])
    }

    @Test func aChapterRunFirstRemovesItsOwnEarlierFigures() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("figures-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let figures = output.appendingPathComponent("figures")
        try FileManager.default.createDirectory(at: figures, withIntermediateDirectories: true)
        for name in ["chapter-07-gradients.png", "chapter-07-x.png", "chapter-08-loss.png", "chapter-07-notes.txt"] {
            try Data("x".utf8).write(to: figures.appendingPathComponent(name))
        }
        let runner = ChapterRunner(binFolder: output, outputFolder: output, recordFolder: output, echo: false)
        runner.removeFigures(of: try #require(Catalog.chapter(7)))
        let left = try FileManager.default.contentsOfDirectory(atPath: figures.path).sorted()
        #expect(left == ["chapter-07-notes.txt", "chapter-08-loss.png"])
    }
}
