import Foundation
import Plot
import Testing
@testable import Grading
import Workbook

/// The class at a glance on hand-made submissions, without building anything:
/// pass rates worked by hand, likely causes counted and ranked, hidden checks'
/// messages never quoted, a submission's text escaped, CSV fields quoted.
struct ClassOverviewTests {
    static func visible(_ name: String, _ exercise: String, passed: Bool, message: String = "expected 1, got 2") -> GradedCheck {
        GradedCheck(name: name, points: passed ? 2 : 0, maxPoints: 2, passed: passed, message: passed ? "" : message,
                    hidden: false, exercise: exercise, calls: [exercise])
    }

    static func hidden(_ exercise: String, passed: Bool, message: String = "differs", waitsFor: String? = nil) -> GradedCheck {
        GradedCheck(name: "hidden: \(exercise) on random layers", points: passed ? 2 : 0, maxPoints: 2, passed: passed,
                    message: passed ? "" : message, hidden: true, exercise: exercise, calls: [exercise], waitsFor: waitsFor)
    }

    /// Chapter 4 of one submission: two visible checks of 4.1, one of 4.2, a hidden
    /// check of each, always in this order, as the reference lists them. Messages
    /// are taken as they are, not escaped first, so the overview must escape them itself.
    static func submission(_ name: String, layer: GradedCheck, batch: GradedCheck, hidden41: GradedCheck,
                           network: GradedCheck, hidden42: GradedCheck) -> GradedSubmission {
        let chapter = GradedChapter(info: Catalog.chapter(4)!, status: .failed,
                                    checks: [layer, batch, hidden41, network, hidden42], lastWords: "", seconds: 1)
        return GradedSubmission(submission: Submission(name: name, folder: URL(fileURLWithPath: "/submissions/\(name)")),
                                chapters: [chapter], files: SubmissionFiles(found: [:], missing: [], notes: []), seconds: 1)
    }

    static let bias = "expected 1.5, got 2.5\nlikely cause: the bias is added twice"
    static let transposed = "expected [1, 2], got [2, 1]\nlikely cause: the weights are transposed"

    /// Four submissions of chapter 4:
    /// - ada passes everything;
    /// - bob fails both visible checks of 4.1 with one slip, and its hidden check
    ///   (whose message names a cause that must stay withheld); 4.2's hidden check waits for 4.1;
    /// - cy passes 4.1's visible checks and fails its hidden one: a disagreement;
    /// - dee fails 4.1 with two slips, and 4.2 with a message that tries to clear the screen and break the table.
    static let graded: [GradedSubmission] = [
        submission("ada", layer: visible("forward of a layer", "4.1", passed: true),
                   batch: visible("forward of a batch", "4.1", passed: true), hidden41: hidden("4.1", passed: true),
                   network: visible("forward of a network", "4.2", passed: true), hidden42: hidden("4.2", passed: true)),
        submission("bob", layer: visible("forward of a layer", "4.1", passed: false, message: bias),
                   batch: visible("forward of a batch", "4.1", passed: false, message: bias),
                   hidden41: hidden("4.1", passed: false, message: "expected 0.25\nlikely cause: SECRET hidden slip"),
                   network: visible("forward of a network", "4.2", passed: true),
                   hidden42: hidden("4.2", passed: false, waitsFor: "4.1")),
        submission("cy", layer: visible("forward of a layer", "4.1", passed: true),
                   batch: visible("forward of a batch", "4.1", passed: true), hidden41: hidden("4.1", passed: false),
                   network: visible("forward of a network", "4.2", passed: true), hidden42: hidden("4.2", passed: true)),
        submission("dee", layer: visible("forward of a layer", "4.1", passed: false, message: transposed),
                   batch: visible("forward of a batch", "4.1", passed: false, message: bias),
                   hidden41: hidden("4.1", passed: false),
                   network: visible("forward of a network", "4.2", passed: false,
                                    message: "got nan\n  likely cause: \u{1B}[2J | ![x](https://example.com/t.png)"),
                   hidden42: hidden("4.2", passed: false)),
    ]

    /// By hand: 4.1 passes whole for ada only (1 of 4), cy alone disagrees; 4.2
    /// passes whole for ada and cy (2 of 4), and bob's failed hidden check waits
    /// for 4.1, so it is no disagreement. Exercises outside chapter 4 have no checks here.
    @Test func passRatesWorkedByHand() throws {
        let overview = ClassOverview(Self.graded)
        #expect(overview.submissions == 4)
        #expect(overview.exercises.map(\.info.number) == ExerciseCatalog.exercises.map(\.number))
        let layer = try #require(overview.exercises.first { $0.info.number == "4.1" })
        #expect((layer.submissions, layer.passedAll, layer.disagreeing) == (4, 1, 1))
        #expect(layer.passRate == 0.25 && layer.disagreementRate == 0.25)
        let network = try #require(overview.exercises.first { $0.info.number == "4.2" })
        #expect((network.submissions, network.passedAll, network.disagreeing) == (4, 2, 0))
        let neuron = try #require(overview.exercises.first { $0.info.number == "1.1" })
        #expect(neuron.submissions == 0 && neuron.passRate == nil)

        #expect(overview.checks.map(\.name) == ["forward of a layer", "forward of a batch", "hidden: 4.1 on random layers",
                                                "forward of a network", "hidden: 4.2 on random layers"])
        #expect(overview.checks.map(\.passed) == [2, 2, 1, 3, 2])
        #expect(overview.checks.allSatisfy { $0.submissions == 4 && $0.chapter == 4 && $0.points == 2 })
        #expect(overview.checks.map(\.hidden) == [false, false, true, false, true])

        let summary = GraderReports.summary(Self.graded, reference: ReferenceChecks(runs: []), settings: "", seconds: 0)
        #expect(summary.contains("| 4.1 Layer.forward | 1 of 4 (25 %) | 1 of 4 (25 %) | "
            + "the bias is added twice (2); the weights are transposed (1) |\n"), "\(summary)")
        #expect(summary.contains("| 1.1 Neuron.weightedSum | — | — | — |\n"))
        #expect(summary.contains("| 4 | forward of a network | 4.2 | 2 | 3 of 4 (75 %) |\n"))
        #expect(summary.contains("| 4 | hidden: 4.1 on random layers *(hidden)* | 4.1 | 2 | 1 of 4 (25 %) |\n"))
        // The exercises right after the submissions' table, every check at the very end.
        let table = try #require(summary.range(of: "| Submission |"))
        let glance = try #require(summary.range(of: "## The class at a glance"))
        let every = try #require(summary.range(of: "## Every check"))
        let disagree = try #require(summary.range(of: "## Visible and hidden checks disagree"))
        #expect(table.lowerBound < glance.lowerBound && glance.lowerBound < disagree.lowerBound
                && disagree.lowerBound < every.lowerBound)
    }

    /// A cause is counted once per submission that shows it, however many checks
    /// it fails; most common first, ties alphabetically, three at most.
    @Test func causesAreCountedOncePerSubmissionAndRanked() throws {
        func failing(_ name: String, _ causes: [String]) -> GradedSubmission {
            let messages = (causes + ["", ""]).prefix(2).map { $0.isEmpty ? "expected 1" : "expected 1\nlikely cause: \($0)" }
            return Self.submission(name, layer: Self.visible("forward of a layer", "4.1", passed: false, message: messages[0]),
                                   batch: Self.visible("forward of a batch", "4.1", passed: false, message: messages[1]),
                                   hidden41: Self.hidden("4.1", passed: false),
                                   network: Self.visible("forward of a network", "4.2", passed: true),
                                   hidden42: Self.hidden("4.2", passed: true))
        }
        let overview = ClassOverview([
            failing("a", ["sign flipped", "sign flipped"]), failing("b", ["sign flipped", "off by one"]),
            failing("c", ["sign flipped", "zebra slip"]), failing("d", ["zebra slip"]), failing("e", ["off by one"]),
            failing("f", ["rare slip"]),
        ])
        let causes = try #require(overview.exercises.first { $0.info.number == "4.1" }).causes
        #expect(causes == [.init(text: "sign flipped", submissions: 3), .init(text: "off by one", submissions: 2),
                           .init(text: "zebra slip", submissions: 2)])
        #expect(try #require(overview.exercises.first { $0.info.number == "4.2" }).causes.isEmpty)
    }

    /// A hidden check's message is the instructor's test: neither its cause nor
    /// any other line of it appears in the summary or the CSV.
    @Test func hiddenChecksMessagesAreNeverQuoted() {
        let summary = GraderReports.summary(Self.graded, reference: ReferenceChecks(runs: []), settings: "", seconds: 0)
        let csv = ClassOverview(Self.graded).csv
        for text in [summary, csv] {
            #expect(!text.contains("SECRET") && !text.contains("expected 0.25") && !text.contains("differs"))
        }
        #expect(ClassOverview(Self.graded).exercises.flatMap(\.causes).allSatisfy { !$0.text.contains("SECRET") })
    }

    /// What a submission's message says reaches summary.md escaped: the terminal
    /// escape written out, the pipe and the image made inert.
    @Test func aSubmissionsTextIsEscaped() {
        let summary = GraderReports.summary(Self.graded, reference: ReferenceChecks(runs: []), settings: "", seconds: 0)
        #expect(!summary.contains("\u{1B}"))
        #expect(summary.contains(#"| 4.2 Perceptron.forward | 2 of 4 (50 %) | 0 of 4 (0 %) | \\u{1B}\[2J \| !\[x\](https://example.com/t.png) (1) |"#),
                "\(summary)")
        #expect(!summary.contains("![x]("))
    }

    /// One row per check; a field with a comma or quote is quoted, one a
    /// spreadsheet would run is defused, and the CSV reads back as written.
    @Test func theCSVQuotesItsFields() throws {
        var graded = Self.graded
        for index in graded.indices {
            graded[index].chapters[0].checks[0].name = "forward, then \"backward\""
            graded[index].chapters[0].checks[1].name = "=HYPERLINK(\"https://example.com\")"
        }
        let csv = ClassOverview(graded).csv
        #expect(csv.hasPrefix("chapter,exercise,check,hidden,points,passed,submissions,pass rate\n"))
        #expect(csv.contains("4,4.1,\"forward, then \"\"backward\"\"\",false,2,2,4,0.500\n"), "\(csv)")
        let rows = try CSVReader.rows(csv)
        #expect(rows.count == 6 && rows.allSatisfy { $0.count == 8 }, "\(rows)")
        #expect(rows[2][2] == "'=HYPERLINK(\"https://example.com\")")
        #expect(rows[3] == ["4", "4.1", "hidden: 4.1 on random layers", "true", "2", "1", "4", "0.250"])
        #expect(ClassOverview([]).csv == "chapter,exercise,check,hidden,points,passed,submissions,pass rate\n")
    }

    /// The summary links the figure, or says why there is none and goes on.
    @Test func theSummarySaysWhatBecameOfTheFigure() {
        let drawn = GraderReports.summary(Self.graded, reference: ReferenceChecks(runs: []), settings: "", seconds: 0,
                                          figure: .written(fileName: ClassOverview.figureFileName))
        #expect(drawn.contains("![pass rate per exercise](class-pass-rates.png)\n"))
        let failed = GraderReports.summary(Self.graded, reference: ReferenceChecks(runs: []), settings: "", seconds: 0,
                                           figure: .failed(reason: "libgd could not be loaded"))
        #expect(failed.contains("The pass-rate figure could not be drawn: libgd could not be loaded.\n"))
        #expect(failed.contains("## Every check") && !failed.contains("class-pass-rates.png"))
        let folder = URL(fileURLWithPath: "/dev/null/not-a-folder")
        guard case .failed(let reason) = ClassOverview(Self.graded).writePassRateFigure(in: folder) else {
            Issue.record("a figure written under /dev/null")
            return
        }
        #expect(reason.contains("not-a-folder"), "\(reason)")
    }

    /// The figure as the grader writes it: one bar per exercise, each as tall as its pass rate.
    @Test func theFigureHasABarPerExerciseAsTallAsItsPassRate() throws {
        var overview = ClassOverview(Self.graded)
        for index in overview.exercises.indices {
            overview.exercises[index].submissions = 12
            overview.exercises[index].passedAll = (index * 5) % 13
        }
        overview.submissions = 12
        let chart = overview.passRateChart
        #expect(chart.bars.map(\.label) == ExerciseCatalog.exercises.map(\.number))
        #expect(chart.bars[1].value == 5.0 / 12 * 100 && chart.range == 0...100)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neuralworkbook-class-overview")
        #expect(overview.writePassRateFigure(in: folder) == .written(fileName: ClassOverview.figureFileName))
        let canvas = try Canvas.readPNG(from: folder.appendingPathComponent(ClassOverview.figureFileName))
        #expect(canvas.width == 800)
        #expect(try chart.render(width: canvas.width, height: canvas.height).textLayoutProblems.isEmpty)
    }
}
