import Foundation
import Testing
import Workbook

/// One rule for what a marker line is, whoever reads the file: the learner
/// edition, the grader, the report's weaver and the learner's progress (see
/// also `ExerciseSourceTests`). The cases are those where the readers used to
/// disagree.
struct MarkerLineTests {
    @Test(arguments: [
        ("// BEGIN SOLUTION", ExerciseMarkers.Marker.beginSolution),
        ("\t    // END SOLUTION   ", .endSolution),
        ("// BEGIN HIDDEN TESTS (grading)", .beginHidden),
        ("//END HIDDEN TESTS", .endHidden),
        ("//   BEGIN SOLUTION\t- the reference", .beginSolution),
    ] as [(String, ExerciseMarkers.Marker)])
    func markerLines(line: String, marker: ExerciseMarkers.Marker) {
        #expect(ExerciseMarkers.marker(in: line) == marker)
    }

    @Test(arguments: [
        "// BEGIN SOLUTIONS", "/// BEGIN SOLUTION", "// begin solution", "let s = \"// BEGIN SOLUTION\"",
        "/* BEGIN SOLUTION */", "// BEGIN HIDDEN TESTSUITE", "// The checks between BEGIN HIDDEN TESTS and END",
    ])
    func otherLines(line: String) {
        #expect(ExerciseMarkers.marker(in: line) == nil)
    }

    /// A hidden block whose marker carries a remark: the edition used to keep it
    /// while the report hid it.
    @Test func aHiddenBlockWithARemarkLeavesTheEditionAndTheReportAlike() throws {
        let chapter = """
            chapter.check("shown") {}
            // BEGIN HIDDEN TESTS (grading)
            chapter.check("secret", hidden: true) {}
            // END HIDDEN TESTS
            chapter.finish()
            """
        let edition = try ExerciseMarkers.learnerVersion(of: chapter, file: "main.swift")
        #expect(edition.text == "chapter.check(\"shown\") {}\nchapter.finish()")
        #expect(edition.hiddenBlocks == 1)
        #expect(ExerciseMarkers.read(chapter).visibleLines == ExerciseMarkers.lines(of: edition.text))
    }

    /// A file saved with Windows line endings: the edition and the grader used to
    /// see one long line with no marker in it, the report a normal file.
    @Test func crlfLineEndingsHoldTheSameRegions() throws {
        let lf = "func f() -> Double {\n    // Exercise 1.1: f\n    // BEGIN SOLUTION\n    return 1\n    // END SOLUTION\n}\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(ExerciseMarkers.holdsSolutions(crlf))
        #expect(try ExerciseMarkers.exercises(in: crlf, file: "F.swift") == ExerciseMarkers.exercises(in: lf, file: "F.swift"))
        #expect(try ExerciseMarkers.learnerVersion(of: crlf, file: "F.swift").text
                == ExerciseMarkers.learnerVersion(of: lf, file: "F.swift").text)
        #expect(ExerciseSource.fingerprintOutsideRegions(crlf) == ExerciseSource.fingerprintOutsideRegions(lf))
    }
}
