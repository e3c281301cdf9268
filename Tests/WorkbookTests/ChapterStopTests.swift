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

    /// An index out of range in the learner's own loop, as an optimized build
    /// prints it: the runtime names the learner's line as the trap's site.
    static let trapInARegion = """
        Chapter 1 · A single neuron
        NeuralNetwork/Neuron.swift:4: Fatal error: Index out of range

        *** Program crashed: System trap at 0x000055e6ba894df3 ***

        Thread 0 "Chapter01" crashed:

          0 [ra] 0x000055e6ba894df3 Neuron.weightedSum(_:) + 722 in Chapter01 at /work/main/Sources/NeuralNetwork/Neuron.swift:4:40
          1 [ra] 0x000055e6ba86b7e8 closure #2 in  + 231 in Chapter01 at /work/main/Chapters/01-neuron/main.swift:56:27
        """

    @Test func aTrapOnALineTheLearnerWroteIsShownThere() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chapter-stop-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("Sources/NeuralNetwork/Neuron.swift")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let region = "// Exercise 1.1: Neuron.weightedSum\n// BEGIN SOLUTION\nvar z = 0.0\nfor i in 0...weights.count { z += weights[i] * x[i] }\n// END SOLUTION\n"
        try Data(region.utf8).write(to: file)
        let stop = ChapterStop(output: Self.trapInARegion, packageRoot: root)
        #expect(stop.message == "Index out of range (at Sources/NeuralNetwork/Neuron.swift:4)")
        // Where line 4 is not the learner's, the caller is what to look at.
        try Data("// nothing of the learner's here\n\n\n\n\n".utf8).write(to: file)
        #expect(ChapterStop(output: Self.trapInARegion, packageRoot: root).message
                == "Index out of range (at Chapters/01-neuron/main.swift:56)")
    }

    /// Exercise 1.1 calling itself (`return weightedSum(x) + bias`), as Chapter01
    /// printed it with the runner's backtrace settings (the middle frames cut).
    static let stackOverflow = """
        Chapter 1 · A single neuron

        *** Signal 11: Backtracing from 0x55e6ba86b518... done ***

        *** Program crashed: Bad pointer dereference at 0x00007fff22507fe8 ***

        Platform: x86_64 Linux (Debian GNU/Linux 12 (bookworm))

        Thread 0 "Chapter01" crashed:

            0 [system] 0x000055e6ba86b518 __swift_instantiateConcreteTypeFromMangledName + 8 in Chapter01 at //<compiler-generated>
            1 [ra]     0x000055e6ba894dad Neuron.weightedSum(_:) + 652 in Chapter01 at /work/main/Sources/NeuralNetwork/Neuron.swift:27:14
            2 [ra]     0x000055e6ba894df3 Neuron.weightedSum(_:) + 722 in Chapter01 at /work/main/Sources/NeuralNetwork/Neuron.swift:28:16
            3 [ra]     0x000055e6ba894df3 Neuron.weightedSum(_:) + 722 in Chapter01 at /work/main/Sources/NeuralNetwork/Neuron.swift:28:16
          ...
        37394 [ra]     0x000055e6ba894df3 Neuron.weightedSum(_:) + 722 in Chapter01 at /work/main/Sources/NeuralNetwork/Neuron.swift:28:16
        37395 [ra]     0x000055e6ba86b7e8 closure #2 in  + 231 in Chapter01 at /work/main/Chapters/01-neuron/main.swift:51:27
        37396 [ra]     0x000055e6ba8a417b Chapter.check(_:points:hidden:exercise:_:) + 1322 in Chapter01 at /work/main/Sources/Workbook/Chapter.swift:132:21
        37397 [ra]     0x000055e6ba86c690 Chapter01_main + 959 in Chapter01 at /work/main/Chapters/01-neuron/main.swift:49:9
          ...

        Backtrace took 0.17s
        """

    @Test func aStackOverflowIsNamedAtTheCallThatRecurses() {
        let stop = ChapterStop(output: Self.stackOverflow, packageRoot: URL(fileURLWithPath: "/nonexistent"))
        #expect(stop.message == "stack overflow: a function that calls itself without end? (at Sources/NeuralNetwork/Neuron.swift:28)")
        #expect(stop.openExercise == nil)
    }

    /// A bad pointer a few frames deep is no stack overflow: it keeps the plain words.
    @Test func aShallowBadAccessIsNotCalledAStackOverflow() {
        let shallow = Self.stackOverflow.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("3739") }.joined(separator: "\n")
        let stop = ChapterStop(output: shallow, packageRoot: URL(fileURLWithPath: "/nonexistent"))
        #expect(stop.message == "the program crashed (at Sources/NeuralNetwork/Neuron.swift:27)")
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
