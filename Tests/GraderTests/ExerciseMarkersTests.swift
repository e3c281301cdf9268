import Foundation
import Testing
@testable import Grading
import Workbook

/// The learner edition's rewriting of one file, and the reports' small rules,
/// without building anything.
struct ExerciseMarkersTests {
    let source = """
        func sigmoidDerivative(_ z: Double) -> Double {
            // Exercise 2.2: Sigmoid.derivative
            // BEGIN SOLUTION
            let s = 1 / (1 + exp(-z))
            return s * (1 - s)
            // END SOLUTION
        }
        // BEGIN HIDDEN TESTS
        chapter.check("secret", hidden: true) {}
        // END HIDDEN TESTS
        let kept = 1

        """

    @Test func solutionBecomesAStubBetweenTheMarkersAndHiddenTestsGo() throws {
        let version = try ExerciseMarkers.learnerVersion(of: source, file: "Activation.swift")
        #expect(version.text == """
            func sigmoidDerivative(_ z: Double) -> Double {
                // Exercise 2.2: Sigmoid.derivative
                // BEGIN SOLUTION
                exerciseNotDone("2.2", "Sigmoid.derivative", chapter: 2)
                // END SOLUTION
            }
            let kept = 1

            """)
        #expect(version.exercises.map(\.number) == ["2.2"])
        #expect(version.hiddenBlocks == 1)
        // The edition keeps the markers, so regions are found again in it.
        #expect(try ExerciseMarkers.exercises(in: version.text, file: "Activation.swift").count == 1)
    }

    @Test func quotesInAnExerciseNameAreEscaped() throws {
        let text = "// Exercise 9.9: the \"odd\" one\n// BEGIN SOLUTION\nx\n// END SOLUTION\n"
        let version = try ExerciseMarkers.learnerVersion(of: text, file: "X.swift")
        #expect(version.text.contains(#"exerciseNotDone("9.9", "the \"odd\" one", chapter: 9)"#))
    }

    @Test(arguments: [
        ("// BEGIN SOLUTION\nx\n// END SOLUTION\n", 1, "needs a line `// Exercise N.M: Name`"),
        ("// Exercise 1.1: A\n// BEGIN SOLUTION\nx\n", 2, "never closed"),
        ("x\n// END SOLUTION\n", 2, "without a // BEGIN SOLUTION"),
        ("// BEGIN HIDDEN TESTS\nx\n", 1, "never closed"),
    ])
    func misplacedMarkersAreNamedWithTheirLine(text: String, line: Int, problem: String) {
        #expect {
            try ExerciseMarkers.exercises(in: text, file: "F.swift")
        } throws: { error in
            guard let error = error as? MarkerError else { return false }
            return error.line == line && error.problem.contains(problem)
        }
    }

    @Test func learnerEditionRefusesAFolderThatIsNotEmpty() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("edition-not-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(throws: LearnerEdition.Failure.self) {
            try LearnerEdition(source: GradingFixture.packageRoot).write(to: folder)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }

    @Test func submissionFilesArePreferredAtThePackagePathThenNearestTheTop() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("submission-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in ["Layer.swift", "copy/NeuralWorkbook/Sources/NeuralNetwork/Layer.swift", "deep/er/Loss.swift",
                     "copy/.build/Loss.swift"] {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data().write(to: url)
        }
        let files = SubmissionFiles.locate(
            ["Sources/NeuralNetwork/Layer.swift", "Sources/NeuralNetwork/Loss.swift", "Sources/NeuralNetwork/Metrics.swift"],
            in: folder)
        #expect(files.found["Sources/NeuralNetwork/Layer.swift"]?.path.hasSuffix("copy/NeuralWorkbook/Sources/NeuralNetwork/Layer.swift") == true)
        #expect(files.found["Sources/NeuralNetwork/Loss.swift"]?.path.hasSuffix("deep/er/Loss.swift") == true)
        #expect(files.missing == ["Sources/NeuralNetwork/Metrics.swift"])
    }

    /// A link could point at anything the grader may read, the instructor's own
    /// solutions included: it is never followed, and the learner is told why.
    @Test func aSymbolicLinkIsNeverTakenForAnExerciseFile() throws {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("submission-links-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: folder) }
        let submission = folder.appendingPathComponent("submission")
        try manager.createDirectory(at: submission.appendingPathComponent("copy"), withIntermediateDirectories: true)
        try manager.createDirectory(at: submission.appendingPathComponent("deep"), withIntermediateDirectories: true)
        let solution = folder.appendingPathComponent("Layer.swift")
        try Data("the instructor's solution".utf8).write(to: solution)
        try manager.createSymbolicLink(at: submission.appendingPathComponent("Layer.swift"), withDestinationURL: solution)
        try manager.createSymbolicLink(atPath: submission.appendingPathComponent("copy/Loss.swift").path,
                                       withDestinationPath: "../nowhere/Loss.swift")
        try Data("mine".utf8).write(to: submission.appendingPathComponent("Metrics.swift"))
        try manager.createSymbolicLink(at: submission.appendingPathComponent("deep/Metrics.swift"), withDestinationURL: solution)

        let files = SubmissionFiles.locate(
            ["Sources/NeuralNetwork/Layer.swift", "Sources/NeuralNetwork/Loss.swift", "Sources/NeuralNetwork/Metrics.swift"],
            in: submission)
        #expect(files.found.keys.sorted() == ["Sources/NeuralNetwork/Metrics.swift"])
        #expect(files.found["Sources/NeuralNetwork/Metrics.swift"]?.lastPathComponent == "Metrics.swift")
        #expect(files.found["Sources/NeuralNetwork/Metrics.swift"]?.path.contains("deep") == false)
        #expect(files.missing == ["Sources/NeuralNetwork/Layer.swift", "Sources/NeuralNetwork/Loss.swift"])
        #expect(files.notes == ["Layer.swift: is a symbolic link: submit the file itself",
                                "copy/Loss.swift: is a symbolic link: submit the file itself"])
    }

    @Test func hiddenChecksAreWithheldFromFeedbackAndMarkedForGradescope() throws {
        let info = Catalog.chapter(7)!
        let run = ChapterRun(
            info: info, status: .failed,
            record: ChapterRecord(chapter: 7, title: info.title, checks: [
                CheckResult(name: "visible one", points: 2, passed: false, message: "expected 1, got 2"),
                CheckResult(name: "secret shape check", points: 3, passed: false, message: "expected 3×1", hidden: true),
            ], finished: true),
            output: "", seconds: 1)
        let reference = [
            CheckResult(name: "visible one", points: 2, passed: true, message: ""),
            CheckResult(name: "secret shape check", points: 3, passed: true, message: "", hidden: true),
        ]
        let graded = GradedSubmission(
            submission: Submission(name: "ada", folder: URL(fileURLWithPath: "/nowhere")),
            chapters: [ChapterGrading.grade(run, against: reference)],
            files: SubmissionFiles(found: [:], missing: [], notes: []), seconds: 1)
        let feedback = GraderFeedback.markdown(graded)
        #expect(feedback.contains("expected 1, got 2"))
        #expect(!feedback.contains("secret shape check") && !feedback.contains("expected 3×1"))
        #expect(feedback.contains("hidden check 1 (3 pts): failed, details withheld"))

        let json = try JSONSerialization.jsonObject(
            with: GradescopeResults(graded, hiddenVisibility: .afterPublished).json()) as? [String: Any]
        let tests = try #require(json?["tests"] as? [[String: Any]])
        #expect(tests.map { $0["visibility"] as? String } == ["visible", "after_published"])
        #expect(tests.map { $0["max_score"] as? Double } == [2, 3])
        let overview = try #require(json?["output"] as? String)
        #expect(!overview.contains("secret"))
    }

    @Test func csvFieldsAreQuotedAndNeverReadAsFormulas() {
        #expect(GraderReports.csvField("ada") == "ada")
        #expect(GraderReports.csvField("a,b") == "\"a,b\"")
        #expect(GraderReports.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(GraderReports.csvField("=SUM(A1)") == "'=SUM(A1)")
        #expect(GraderReports.csvField("-3") == "-3")
        #expect(GraderReports.csvField("\tcmd") == "'\tcmd")
        #expect(GraderReports.csv([]) == "submission,report folder,chapter 1,chapter 2,chapter 3,chapter 4,chapter 5,chapter 6,chapter 7,chapter 8,chapter 9,chapter 10,total,max,notes\n")
    }
}
