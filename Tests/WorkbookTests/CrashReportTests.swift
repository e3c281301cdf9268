import Foundation
import Testing
@testable import Workbook

/// The runtime's crash report, recognized by one rule wherever a chapter's
/// output is read: the stop's summary and the learner's echo here, the grader's
/// last words in Grading.
struct CrashReportTests {
    @Test(arguments: [
        ("NeuralNetwork/Matrix.swift:82: Precondition failed: cannot multiply 2×1 by 2×1",
         CrashReport.Trap(message: "cannot multiply 2×1 by 2×1", file: "NeuralNetwork/Matrix.swift", line: 82)),
        // `fatalError()` with no message: the runtime prints no colon after the kind.
        ("07-backward/main.swift:40: Fatal error", CrashReport.Trap(message: "fatal error", file: "07-backward/main.swift", line: 40)),
        ("Assertion failed: rows differ", CrashReport.Trap(message: "rows differ", file: nil, line: nil)),
    ])
    func trapLines(line: String, trap: CrashReport.Trap) {
        #expect(CrashReport.trap(in: line) == trap)
    }

    @Test(arguments: ["  ✓ Fatal errors name their line  (1 pt)", "Precondition failedness", "a fatal error: lower case"])
    func linesThatOnlyMentionATrap(line: String) {
        #expect(CrashReport.trap(in: line) == nil)
        #expect(!CrashReport.begins(line))
    }

    @Test(arguments: [
        "*** Signal 4: Backtracing from 0x7f2fac0f9361... done ***",
        "*** Program crashed: Illegal instruction at 0x00007f2fac0f9361 ***",
        "💣 \u{1B}[91mProgram crashed: Illegal instruction at 0x00007ffafcaf9361\u{1B}[39m",
        "Current stack trace:",
    ])
    func backtraceBeginnings(line: String) {
        #expect(CrashReport.beginsBacktrace(line))
    }

    /// A `fatalError()` without a message, as a chapter prints it: the summary
    /// used to say only "the program crashed", and the echo showed the trap's line.
    @Test func aTrapWithoutAMessageIsNamedAndLeftOutOfTheEcho() {
        let output = """
            Chapter 7 · Layer.backward
            NeuralNetwork/Matrix.swift:82: Fatal error

            *** Signal 4: Backtracing from 0x7f31ccef9361... done ***

            *** Program crashed: Illegal instruction at 0x00007f31ccef9361 ***

            Thread 0 "Chapter07" crashed:

              0      0x00007f31ccef9361 _assertionFailure(_:_:file:line:flags:) + 225 in libswiftCore.so
              1 [ra] 0x000055da0a43848f static Matrix.* infix(_:_:) + 942 in Chapter07 at /w/Sources/NeuralNetwork/Matrix.swift:82:9
              2 [ra] 0x000055da0a433cca Layer.backward(_:learningRate:) + 569 in Chapter07 at /w/Sources/NeuralNetwork/Layer.swift:70:21
              3 [ra] 0x000055da0a421ab7 Chapter07_main + 454 in Chapter07 at /w/Chapters/07-backward/main.swift:79:30
            """
        let stop = ChapterStop(output: output, packageRoot: URL(fileURLWithPath: "/nonexistent"))
        #expect(stop.message == "fatal error (at Sources/NeuralNetwork/Layer.swift:70)")
        let filter = LearnerEchoFilter()
        #expect(output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).flatMap(filter.shown)
                == ["Chapter 7 · Layer.backward"])
    }
}
