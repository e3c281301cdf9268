import Foundation
import Testing
@testable import Workbook

/// What a learner is told about a chapter that stopped: read from what the
/// program printed, here as the Swift runtime prints it on Linux.
struct ChapterStopTests {
    /// A missing transpose in Exercise 7.1, as Chapter07 printed it (registers and images cut).
    static let crash = """
        Chapter 7 · Layer.backward
        NeuralNetwork/Matrix.swift:82: Precondition failed: cannot multiply 2×1 by 2×1

        *** Signal 4: Backtracing from 0x7f2fac0f9361... done ***

        *** Program crashed: Illegal instruction at 0x00007f2fac0f9361 ***

        Thread 0 "Chapter07" crashed:

          0      0x00007f2fac0f9361 _assertionFailure(_:_:file:line:flags:) + 225 in libswiftCore.so
          1 [ra] 0x000055da0a43848f static Matrix.* infix(_:_:) + 942 in Chapter07 at /work/main/Sources/NeuralNetwork/Matrix.swift:82:9
          2 [ra] 0x000055da0a433cca Layer.backward(_:learningRate:) + 569 in Chapter07 at /work/main/Sources/NeuralNetwork/Layer.swift:70:21
          3 [ra] 0x000055da0a421ab7 Chapter07_main + 454 in Chapter07 at /work/main/Chapters/07-backward/main.swift:79:30
        """

    @Test func aTrapIsTheRuntimesMessageAtTheLearnersLine() {
        let stop = ChapterStop(output: Self.crash, packageRoot: URL(fileURLWithPath: "/nonexistent"))
        // The precondition's own line (Matrix.swift:82) is skipped: the learner's call is what to look at.
        #expect(stop.message == "cannot multiply 2×1 by 2×1 (at Sources/NeuralNetwork/Layer.swift:70)")
        #expect(stop.openExercise == nil)
    }

    @Test func framesOfTheCrashedThreadInThePackage() {
        let frames = BacktraceFrame.ownFrames(in: Self.crash.split(separator: "\n").map(String.init))
        #expect(frames.map(\.function) == ["static Matrix.* infix(_:_:)", "Layer.backward(_:learningRate:)", "Chapter07_main"])
        #expect(frames.map(\.location) == ["Sources/NeuralNetwork/Matrix.swift:82:9", "Sources/NeuralNetwork/Layer.swift:70:21",
                                           "Chapters/07-backward/main.swift:79:30"])
    }

    @Test func anOpenExerciseIsNamedWithItsFile() {
        let output = "Chapter 2 · Activations\n\n  ✎ Exercise 2.2 (Sigmoid.derivative) is still open.\n"
        let stop = ChapterStop(output: output, packageRoot: URL(fileURLWithPath: "/nonexistent"))
        #expect(stop.openExercise?.number == "2.2")
        #expect(stop.message == "needs Exercise 2.2 (Sigmoid.derivative), still open: write it in Sources/NeuralNetwork/Activation.swift")
    }

    @Test func theEchoLeavesOutTheCrashReportAndTheStubsNote() {
        let filter = LearnerEchoFilter()
        let shown = (Self.crash + "\n\n  ✎ Exercise 2.2 (Sigmoid.derivative) is still open.\n  Write it…\n\nafter")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init).flatMap(filter.shown)
        #expect(shown == ["Chapter 7 · Layer.backward"])
        // A blank line is shown with what follows it, and dropped with the stub's note it opens.
        let other = LearnerEchoFilter()
        let kept = ["a", "", "b", "", "  ✎ Exercise 2.2 (Sigmoid.derivative) is still open.", "  Write it…", "", "c"]
            .flatMap(other.shown)
        #expect(kept == ["a", "", "b", "c"])
    }
}
