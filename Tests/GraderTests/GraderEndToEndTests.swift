import Foundation
import Testing
import Grading
import Workbook

/// Hands out the learner edition, plants bugs in the reference solution, and
/// grades all of it in one grader run (see `GradingFixture`).
@Suite(.serialized)
struct GraderEndToEndTests {
    @Test func learnerEditionScoresZeroInEveryChapterWithAnOpenExercise() async throws {
        let graded = try await GradingFixture.shared.value.graded("learner-edition")
        let chapters = graded.chapters.filter(\.isGraded)
        #expect(chapters.contains { $0.status == .exerciseOpen })
        for chapter in chapters {
            // A chapter that uses no exercise may pass; every other one stops at
            // its first open exercise, and no check before that earns points.
            #expect(chapter.status == .exerciseOpen || chapter.status == .passed,
                    "chapter \(chapter.info.number): \(chapter.status.label)")
            if chapter.status == .exerciseOpen {
                let free = chapter.checks.filter(\.passed).map(\.name)
                #expect(chapter.points == 0, "chapter \(chapter.info.number) gives points with its exercise open: \(free)")
                #expect(chapter.checks.allSatisfy { $0.passed || $0.message.contains("open Exercise") })
            }
        }
        #expect(graded.files.missing.isEmpty, "the edition is a package copy: every exercise file is found")
    }

    @Test func referenceSolutionGetsFullMarks() async throws {
        let fixture = try await GradingFixture.shared.value
        let graded = try fixture.graded("reference")
        #expect(fixture.run.reference.problems.allSatisfy { $0.contains("recorded no checks") },
                "the grader's own copy must pass: \(fixture.run.reference.problems)")
        #expect(graded.maxPoints > 0)
        #expect(graded.points == graded.maxPoints)
        for chapter in graded.chapters where chapter.isGraded {
            #expect(chapter.status == .passed, "chapter \(chapter.info.number): \(chapter.status.label)")
        }
    }

    @Test(arguments: [
        ("bug-derivative-sign", 2),
        ("bug-loss-not-averaged", 5),
        ("bug-missing-transpose", 7),
        ("bug-update-before-da-prev", 7),
    ])
    func plantedBugLosesPointsInTheChapterThatTeachesIt(name: String, chapter number: Int) async throws {
        let graded = try await GradingFixture.shared.value.graded(name)
        let chapter = graded.chapter(number)
        #expect(chapter.points < chapter.maxPoints, "\(name) keeps all its points in chapter \(number)")
        #expect(chapter.checks.contains { !$0.passed && !$0.message.isEmpty })
        for earlier in graded.chapters where earlier.info.number < number {
            #expect(earlier.points == earlier.maxPoints, "\(name) loses points in chapter \(earlier.info.number), before \(number)")
        }
    }

    @Test func submissionThatDoesNotCompileIsReportedWithTheCompilersErrors() async throws {
        let fixture = try await GradingFixture.shared.value
        let graded = try fixture.graded("does-not-compile")
        #expect(graded.points == 0)
        for chapter in graded.chapters where chapter.isGraded {
            let errors = try #require(chapter.status.buildErrors, "chapter \(chapter.info.number): \(chapter.status.label)")
            #expect(errors.contains("Sources/NeuralNetwork/Loss.swift:"), "\(errors)")
            #expect(errors.contains("error:"))
            #expect(!errors.contains("/slot-"), "paths are package-relative: \(errors)")
        }
        let feedback = try String(contentsOf: fixture.output.appendingPathComponent("does-not-compile/feedback.md"), encoding: .utf8)
        #expect(feedback.contains("did not build"))
        #expect(feedback.contains("Loss.swift"))
    }

    @Test func submissionThatNeverReturnsTimesOutAndTheOthersGoOn() async throws {
        let graded = try await GradingFixture.shared.value.graded("never-returns")
        let chapter = graded.chapter(5)
        #expect(chapter.status == .timedOut(seconds: GradingFixture.timeout))
        #expect(chapter.status.label == "timed out after \(Int(GradingFixture.timeout)) s")
        #expect(chapter.checks.contains { $0.message.contains("timed out") })
        for earlier in graded.chapters where earlier.info.number < 5 {
            #expect(earlier.points == earlier.maxPoints)
        }
    }

    @Test func submissionThatCrashesIsReportedWithItsSignalAndLastWords() async throws {
        let graded = try await GradingFixture.shared.value.graded("crashes")
        let chapter = graded.chapter(1)
        guard case .crashed(let signal, _) = chapter.status else {
            Issue.record("chapter 1 should crash, got \(chapter.status.label)")
            return
        }
        #expect(signal != nil)
        #expect(chapter.points == 0)
        #expect(chapter.lastWords.contains("Fatal error: Index out of range"), "\(chapter.lastWords)")
        #expect(chapter.lastWords.contains("Neuron.weightedSum(_:) at Sources/NeuralNetwork/Neuron.swift:"), "\(chapter.lastWords)")
        #expect(!chapter.lastWords.contains("Registers"))
        #expect(chapter.checks.allSatisfy { $0.message.contains("crashed") })
        let others = graded.chapters.filter { $0.isGraded && $0.info.number != 1 }
        #expect(others.allSatisfy { $0.points == $0.maxPoints }, "only chapter 1 uses Neuron")
    }

    @Test func reportsAreWrittenForEverySubmissionAndNothingElseIsTouched() async throws {
        let fixture = try await GradingFixture.shared.value
        let manager = FileManager.default
        for graded in fixture.run.submissions {
            let folder = fixture.output.appendingPathComponent(graded.submission.reportFolder)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("results.json")))
            let results = try #require(json as? [String: Any])
            let tests = try #require(results["tests"] as? [[String: Any]])
            #expect(tests.count == fixture.run.reference.checks.values.joined().count)
            #expect((results["score"] as? Double) == Double(graded.points))
            #expect(tests.allSatisfy { ["passed", "failed"].contains($0["status"] as? String) })
            #expect(manager.fileExists(atPath: folder.appendingPathComponent("feedback.md").path))
        }
        let csv = try String(contentsOf: fixture.output.appendingPathComponent("grades.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n")
        #expect(rows.count == fixture.run.submissions.count + 1)
        #expect(rows.first?.hasPrefix("submission,report folder,chapter 1,") == true)
        #expect(rows.contains { $0.hasPrefix("reference,") })
        let summary = try String(contentsOf: fixture.output.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("| never-returns |"))
        #expect(GradingFixture.snapshot(fixture.submissionsFolder) == fixture.submissionsBefore,
                "grading must not change the submissions")
    }

    @Test func gradingOneMoreSubmissionTakesUnderAMinute() async throws {
        let fixture = try await GradingFixture.shared.value
        for graded in fixture.run.submissions where graded.submission.name != "never-returns" {
            #expect(graded.seconds < 60, "\(graded.submission.name) took \(graded.seconds) s")
        }
    }
}
