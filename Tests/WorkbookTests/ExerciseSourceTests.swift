import Foundation
import Testing
@testable import Workbook

/// Reading exercise regions as the learner's files hold them.
struct ExerciseSourceTests {
    static let handedOut = """
        import CourseData

        public func binaryCrossEntropy(label y: Double, prediction yHat: Double) -> Double {
            // Exercise 5.1: binaryCrossEntropy
            // BEGIN SOLUTION
            exerciseNotDone("5.1", "binaryCrossEntropy", chapter: 5)
            // END SOLUTION
        }
        """

    @Test func codeInsideARegionKeepsTheFileAsHandedOut() {
        let written = Self.handedOut.replacingOccurrences(
            of: #"exerciseNotDone("5.1", "binaryCrossEntropy", chapter: 5)"#,
            with: "-(y * Double.log(yHat) + (1 - y) * Double.log(1 - yHat))\n\n        ")
        #expect(ExerciseSource.fingerprintOutsideRegions(written) == ExerciseSource.fingerprintOutsideRegions(Self.handedOut))
    }

    @Test func aHelperOutsideTheRegionsIsNoticed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exercise-source-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = "Sources/NeuralNetwork/Loss.swift"
        let url = folder.appendingPathComponent(file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let handedOut = [file: ExerciseSource.fingerprintOutsideRegions(Self.handedOut)]
        let source = ExerciseSource(packageRoot: folder)

        try Self.handedOut.write(to: url, atomically: true, encoding: .utf8)
        #expect(source.filesChangedOutsideRegions(comparedWith: handedOut).isEmpty)

        try (Self.handedOut + "\nfunc myLoss(_ y: Double, _ yHat: Double) -> Double { 0 }\n")
            .write(to: url, atomically: true, encoding: .utf8)
        #expect(source.filesChangedOutsideRegions(comparedWith: handedOut) == [file])
    }

    @Test func openWrittenAndStubLeftBesideCode() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exercise-source-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let exercise = try #require(ExerciseCatalog.exercise("5.1"))
        let url = folder.appendingPathComponent(exercise.file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let source = ExerciseSource(packageRoot: folder)

        try Self.handedOut.write(to: url, atomically: true, encoding: .utf8)
        #expect(source.isOpen(exercise) && !source.stubLeftUnderCode(exercise))
        #expect(source.location(of: exercise) == "\(exercise.file):6")

        try Self.handedOut.replacingOccurrences(of: "exerciseNotDone(", with: "let z = 1.0\n        exerciseNotDone(")
            .write(to: url, atomically: true, encoding: .utf8)
        #expect(source.isOpen(exercise) && source.stubLeftUnderCode(exercise))

        // Regions are found where the grader takes them from: in a file saved
        // with Windows line endings too (this used to find none)…
        try Data(Self.handedOut.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: url)
        #expect(source.isOpen(exercise) && source.region(of: exercise) == [#"    exerciseNotDone("5.1", "binaryCrossEntropy", chapter: 5)"#])
        // …and not under an exercise line with code between it and BEGIN
        // SOLUTION, where the grader finds none (this used to find one).
        let moved = Self.handedOut.replacingOccurrences(of: ": binaryCrossEntropy\n", with: ": binaryCrossEntropy\n    let helper = 1\n")
        try moved.write(to: url, atomically: true, encoding: .utf8)
        #expect(ExerciseMarkers.read(moved).regions.allSatisfy { $0.header == nil })
        #expect(source.region(of: exercise) == nil && !source.isOpen(exercise))
    }
}
