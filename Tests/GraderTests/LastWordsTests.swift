import Testing
@testable import Grading
import Workbook

/// A crash's report keeps the error and the learner's own frames, not the
/// runtime's registers and images, and never names a hidden check.
struct LastWordsTests {
    let output = """
        Chapter 7 · Layer.backward
          ✓ one step by hand  (2 pts)
          ✗ the secret check  (1 pt)
              expected 3, got 4
        Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range

        *** Signal 4: Backtracing from 0x7f8888b6df7f... done ***

        *** Program crashed: Illegal instruction at 0x00007f8888b6df7f ***

        Thread 0 "Chapter07" crashed:

          0      0x00007f8888b6df7f closure #1 in _assertionFailure(_:_:file:line:flags:) + 623 in libswiftCore.so
          1 [ra] 0x00005580192a5152 Layer.backward(_:learningRate:) + 1137 in Chapter07 at /tmp/w/slot-1/package/Sources/NeuralNetwork/Layer.swift:70:26
          2 [ra] 0x0000558019284002 Chapter07_main + 305 in Chapter07 at /tmp/w/slot-1/package/Chapters/07-backward/main.swift:38:20

        Registers:

        rax 0x0000000000000000  0
        """

    @Test func crashKeepsTheErrorAndTheLearnersFrames() {
        let words = LastWords.of(output, hiding: ["the secret check"])
        #expect(words == """
            Chapter 7 · Layer.backward
              ✓ one step by hand  (2 pts)
            Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range
            Crashed in:
              Layer.backward(_:learningRate:) at Sources/NeuralNetwork/Layer.swift:70:26
              Chapter07_main at Chapters/07-backward/main.swift:38:20
            """)
    }

    @Test func outputWithoutABacktraceKeepsItsLastLines() {
        let words = LastWords.of((1...20).map { "line \($0)" }.joined(separator: "\n") + "\n\n", hiding: [], lines: 3)
        #expect(words == "line 18\nline 19\nline 20")
    }
}
