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
                // Each check failed naming the open exercise it needs, or passed and counts for nothing.
                #expect(chapter.checks.allSatisfy {
                    $0.passed || ChapterStop.namesOpenExercise($0.message) || $0.message.contains("open Exercise")
                }, "\(chapter.checks.filter { !$0.passed && !ChapterStop.namesOpenExercise($0.message) }.map(\.message))")
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

    /// Returning what the visible checks expect, without computing it, earns
    /// visible checks but no points: each stands on a hidden check that fails.
    @Test func aLookupTableEarnsAlmostNothing() async throws {
        let fixture = try await GradingFixture.shared.value
        let graded = try fixture.graded(PlantedSubmissions.lookupTable)
        let visible = graded.chapters.flatMap(\.checks).filter { !$0.hidden }
        let fooled = visible.filter(\.passed).map(\.maxPoints).reduce(0, +)
        #expect(fooled >= 20, "the table should pass many visible checks, or this proves nothing: \(fooled) points")
        #expect(graded.points <= 6, "a lookup table graded \(graded.points)/\(graded.maxPoints)")
        // 5.2's hidden check waits for 5.1's, which fails first: only the exercises that stand alone disagree.
        #expect(graded.disagreements == ["1.1", "2.1", "2.2", "5.1"], "\(graded.disagreements)")
        let summary = try String(contentsOf: fixture.output.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("\(PlantedSubmissions.lookupTable): visible and hidden checks disagree: "
                                 + graded.disagreements.joined(separator: ", ")))
        let feedback = try String(contentsOf: fixture.output.appendingPathComponent(
            "\(PlantedSubmissions.lookupTable)/feedback.md"), encoding: .utf8)
        #expect(feedback.contains("An exercise's points count only when the grader's own check of it passes"))
        // Its fit returns chapter 8's printed losses: the hidden check of 8.1 sees through it.
        #expect(graded.chapter(8).checks.contains { $0.hidden && $0.exercise == "8.1" && !$0.passed })
    }

    /// One attack per region, in a folder named to attack the terminal: each
    /// costs its own exercise and what uses it, and nothing a learner wrote
    /// reaches a report raw.
    @Test func eachAttackCostsOnlyItsRegion() async throws {
        let fixture = try await GradingFixture.shared.value
        let graded = try fixture.graded(AttackSubmission.folderName)
        for case let (exercise, words?) in AttackSubmission.notes {
            // The file read does not compile: CourseData has no initialiser that opens a file.
            #expect(graded.files.notes.contains { $0.contains("Exercise \(exercise)") && $0.contains(words) },
                    "no note says \(exercise) \(words): \(graded.files.notes)")
        }
        for chapter in graded.chapters where [2, 3, 4, 6, 7, 8].contains(chapter.info.number) {
            #expect(chapter.points == chapter.maxPoints, "chapter \(chapter.info.number): \(chapter.points)/\(chapter.maxPoints)")
        }
        let checks = graded.chapters.flatMap(\.checks)
        #expect(checks.filter { $0.exercise == "5.1" }.allSatisfy { $0.passed && $0.points == $0.maxPoints })
        for exercise in AttackSubmission.notes.keys {
            #expect(checks.filter { $0.exercise == exercise }.allSatisfy { $0.points == 0 }, "\(exercise) earns points")
        }
        // The 200,000-character trap of 9.1 fails its checks with its message capped and escaped.
        let trapped = try #require(checks.first { $0.exercise == "9.1" && !$0.hidden && !$0.passed })
        #expect(trapped.message.count < 10_000 && trapped.message.contains("\\u{1B}[2J"), "\(trapped.message.prefix(200))")
        let folder = fixture.output.appendingPathComponent(graded.submission.reportFolder)
        for report in [folder.appendingPathComponent("feedback.md"), folder.appendingPathComponent("results.json"),
                       fixture.output.appendingPathComponent("grades.csv"), fixture.output.appendingPathComponent("summary.md")] {
            let text = try String(contentsOf: report, encoding: .utf8)
            #expect(!text.unicodeScalars.contains { [0x1B, 0x07, 0x202E].contains($0.value) }, "\(report.lastPathComponent) holds a raw control character")
        }
        let summary = try String(contentsOf: fixture.output.appendingPathComponent("summary.md"), encoding: .utf8)
        // The folder's name is written out escaped (`\u{1B}`), then as Markdown text.
        #expect(graded.submission.displayName == #"attacks-\u{1B}]0;owned\u{7}\u{1B}[2J"#)
        #expect(summary.contains(Markdown.inline(graded.submission.displayName)), "the folder's name is written out escaped")
    }

    /// Fairness of the rule: no honest slip fails an exercise's hidden check
    /// while every visible check of that exercise passes, so no learner loses
    /// points the chapters never warned about.
    @Test func noSlipPassesTheVisibleChecksOfAnExerciseItsHiddenCheckFails() async throws {
        let fixture = try await GradingFixture.shared.value
        for graded in fixture.run.submissions where !graded.submission.name.hasPrefix("cheat-") {
            #expect(graded.disagreements.isEmpty, "\(graded.submission.name): visible and hidden checks disagree: \(graded.disagreements)")
        }
        #expect(try fixture.graded("reference").chapters.flatMap(\.checks).allSatisfy(\.withheldFor.isEmpty))
    }

    /// The graded bugs' causes are named in grading too (the other slips run
    /// as a learner runs them: `SlipRunTests`).
    @Test func eachPlantedBugIsNamedByItsChapter() async throws {
        let fixture = try await GradingFixture.shared.value
        for (name, number, cause) in PlantedSubmissions.plantedBugCauses {
            let chapter = try fixture.graded(name).chapter(number)
            let messages = chapter.checks.filter { !$0.passed }.map(\.message)
            #expect(messages.contains { $0.contains(cause) },
                    "\(name), chapter \(number): no failed check says \"\(cause)\"; they say \(messages)")
        }
    }

    /// A type error in 5.2 costs 5.2 and what uses it: the region is stubbed,
    /// the feedback names it with the compiler's message, and everything else grades.
    @Test func aRegionThatDoesNotCompileCostsOnlyItsExercise() async throws {
        let fixture = try await GradingFixture.shared.value
        let graded = try fixture.graded("does-not-compile")
        #expect(graded.chapters.allSatisfy { $0.status.buildErrors == nil }, "every chapter built")
        for chapter in graded.chapters where chapter.isGraded && chapter.info.number < 5 {
            #expect(chapter.points == chapter.maxPoints, "chapter \(chapter.info.number): \(chapter.status.label)")
        }
        let loss = graded.chapter(5)
        #expect(loss.checks.contains { $0.exercise == "5.1" && $0.passed })
        #expect(loss.checks.filter { $0.exercise == "5.2" }.allSatisfy { !$0.passed })
        let note = try #require(graded.files.notes.first { $0.contains("Exercise 5.2") }, "\(graded.files.notes)")
        #expect(note.contains("Sources/NeuralNetwork/Loss.swift:") && note.contains("does not compile (the compiler says:"), "\(note)")
        let feedback = try String(contentsOf: fixture.output.appendingPathComponent("does-not-compile/feedback.md"), encoding: .utf8)
        #expect(feedback.contains("Exercise 5.2: does not compile"))
    }

    @Test func submissionThatNeverReturnsTimesOutAndTheOthersGoOn() async throws {
        let graded = try await GradingFixture.shared.value.graded("never-returns")
        let chapter = graded.chapter(5)
        // Its own checks' run has three quarters of the limit, its hidden checks the rest.
        let ownLimit = GradingFixture.timeout * (1 - GraderSettings.hiddenChecksShare)
        #expect(chapter.status == .timedOut(seconds: ownLimit))
        #expect(chapter.status.label == "timed out after \(Int(ownLimit)) s")
        #expect(chapter.checks.contains { $0.hidden && $0.exercise == "5.1" && $0.passed },
                "5.1's hidden check runs although the chapter's own run never ends")
        #expect(chapter.checks.contains { $0.message.contains("timed out") })
        for earlier in graded.chapters where earlier.info.number < 5 {
            #expect(earlier.points == earlier.maxPoints)
        }
    }

    /// A trap, or a function that calls itself without end, fails the check it
    /// happens in with one line naming it and the learner's line, and the
    /// chapter goes on: the grade is what `workbook run` showed the learner,
    /// check by check.
    @Test(arguments: [
        ("crashes", 1, "Index out of range (at Sources/NeuralNetwork/Neuron.swift:"),
        ("stack-overflow", 1, "stack overflow: a function that calls itself without end? (at Sources/NeuralNetwork/Neuron.swift:"),
        ("trap-late-in-chapter", 9, "Index out of range (at Sources/NeuralNetwork/Metrics.swift:"),
    ])
    func aTrapFailsItsCheckAndTheChapterGoesOnAsInWorkbookRun(name: String, chapter number: Int, message: String) async throws {
        let fixture = try await GradingFixture.shared.value
        let graded = try fixture.graded(name)
        let chapter = graded.chapter(number)
        let local = try LocalRun.record(of: number, with: fixture.submissionsFolder.appendingPathComponent(name))
        #expect(local.finished)
        #expect(chapter.status == .failed, "\(chapter.status.label)")
        // The hidden checks run in grading only; the visible ones grade as `workbook run` showed them,
        // but for the points of an exercise whose hidden check fails (the scoring rule: 9.5's trap
        // spares its visible check where precision + recall = 0, not the hidden one).
        let visible = chapter.checks.filter { !$0.hidden }
        let visiblePoints = visible.map(\.points).reduce(0, +)
        let withheld = visible.filter { !$0.withheldFor.isEmpty }
        let failedHidden = Set(graded.chapters.flatMap(\.checks).filter { $0.hidden && !$0.passed }.compactMap(\.exercise))
        #expect(withheld.allSatisfy { Set($0.withheldFor).isSubset(of: failedHidden) })
        #expect(visiblePoints + withheld.map(\.maxPoints).reduce(0, +) == local.points,
                "graded \(visiblePoints) with \(withheld.count) checks withheld, `workbook run \(number)` showed \(local.points)")
        #expect(visible.map(\.name) == local.checks.map(\.name))
        #expect(visible.map(\.passed) == local.checks.map(\.passed))
        #expect(visible.map(\.message) == local.checks.map(\.message))

        let stopped = try #require(visible.firstIndex { !$0.passed })
        #expect(visible[stopped].message.hasPrefix(message), "\(visible[stopped].message)")
        #expect(visible[(stopped + 1)...].contains { $0.passed }, "the chapter went on after its trap")
        let folder = fixture.output.appendingPathComponent(graded.submission.reportFolder)
        let feedback = try String(contentsOf: folder.appendingPathComponent("feedback.md"), encoding: .utf8)
        #expect(feedback.contains(visible[stopped].message))
        let results = try String(contentsOf: folder.appendingPathComponent("results.json"), encoding: .utf8)
        #expect(results.contains(message.prefix(20)))
    }

    /// Chapter 10 prints F1 between its checks, where a trap would end the
    /// chapter outside every check; but the F1 that traps fails chapter 9's checks
    /// first (the first a check of 9.1 that prints it), so chapter 10 waits for
    /// chapter 9 rather than train on it, and each of its checks says why it did not run.
    @Test func aChapterBuiltOnAFailingExerciseWaitsForIt() async throws {
        let graded = try await GradingFixture.shared.value.graded("trap-late-in-chapter")
        let chapter = graded.chapter(10)
        #expect(chapter.status == .failed, "\(chapter.status.label)")
        #expect(chapter.points == 0)
        for check in chapter.checks {
            #expect(check.message.contains("(waits for 9.") && check.message.contains("wait for exercise 9."), "\(check.message)")
        }
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
        // The class at a glance: its figure beside the summary, which shows it, and a CSV row per check.
        #expect(summary.contains("![pass rate per exercise](class-pass-rates.png)"))
        #expect(manager.fileExists(atPath: fixture.output.appendingPathComponent("class-pass-rates.png").path))
        let overview = try CSVReader.rows(String(contentsOf: fixture.output.appendingPathComponent("class-overview.csv"), encoding: .utf8))
        #expect(overview.count == fixture.run.reference.checks.values.joined().count + 1)
        #expect(GradingFixture.snapshot(fixture.submissionsFolder) == fixture.submissionsBefore,
                "grading must not change the submissions")
    }

    // MARK: - Hostile submissions

    @Test func outputFloodIsCutToItsBoundAndTimesOut() async throws {
        let fixture = try await GradingFixture.shared.value
        let chapter = try fixture.graded("hostile-output-flood").chapter(1)
        #expect(chapter.status == .timedOut(seconds: GradingFixture.timeout * (1 - GraderSettings.hiddenChecksShare)))
        #expect(chapter.points == 0)
        #expect(chapter.droppedOutputBytes > 0)
        let feedback = try String(contentsOf: fixture.output.appendingPathComponent("hostile-output-flood/feedback.md"), encoding: .utf8)
        #expect(feedback.contains("bytes in the middle of its output were left out"))
        #expect(feedback.utf8.count < 100_000, "the feedback holds the flood: \(feedback.utf8.count) bytes")
    }

    @Test func memoryHogIsStoppedByItsLimitAndTheBatchGoesOn() async throws {
        let fixture = try await GradingFixture.shared.value
        let graded = try fixture.graded("hostile-memory-hog")
        let chapter = graded.chapter(1)
        // Each check that hoards fails at the memory limit and the chapter goes on,
        // as long as its time lasts.
        let failed = chapter.checks.filter { !$0.passed }
        #expect(chapter.status != .passed && !failed.isEmpty, "\(chapter.status.label)")
        #expect(failed.first?.message.contains("memory") == true, "\(failed.first?.message ?? "")")
        #expect(failed.allSatisfy { $0.message.contains("memory") || $0.message.contains("timed out") }, "\(failed.map(\.message))")
        #expect(graded.chapters.filter { $0.isGraded && $0.info.number != 1 }.allSatisfy { $0.points == $0.maxPoints })
    }

    @Test func everyGradeNamesItsLearnerExactly() async throws {
        let fixture = try await GradingFixture.shared.value
        let rows = try CSVReader.rows(String(contentsOf: fixture.output.appendingPathComponent("grades.csv"), encoding: .utf8))
        let header = try #require(rows.first)
        let total = try #require(header.firstIndex(of: "total"))
        let maximum = try #require(header.firstIndex(of: "max"))
        #expect(rows.count == fixture.run.submissions.count + 1)
        for (name, solved) in PlantedSubmissions.awkwardNames {
            let matching = rows.filter { $0.first == name }
            #expect(matching.count == 1, "\(name): \(matching.count) rows")
            let row = try #require(matching.first)
            #expect(solved ? row[total] == row[maximum] : row[total] == "0", "\(name): \(row)")
            let graded = try fixture.graded(name)
            #expect(row[1] == graded.submission.reportFolder)
            let feedback = try String(contentsOf: fixture.output.appendingPathComponent(row[1]).appendingPathComponent("feedback.md"), encoding: .utf8)
            #expect(feedback.contains("**\(graded.points) / \(graded.maxPoints) points**"))
        }
        let folders = rows.dropFirst().map { $0[1] }
        #expect(Set(folders).count == folders.count, "\(folders)")
    }

    @Test func aSymbolicLinkToTheInstructorsSolutionIsNotFollowed() async throws {
        let fixture = try await GradingFixture.shared.value
        let graded = try fixture.graded("a_b")
        #expect(graded.points == 0)
        #expect(graded.files.notes == ["Loss.swift: is a symbolic link: submit the file itself"], "\(graded.files.notes)")
        #expect(graded.files.missing.contains("Sources/NeuralNetwork/Loss.swift"))
        let feedback = try String(contentsOf: fixture.output.appendingPathComponent("\(graded.submission.reportFolder)/feedback.md"),
                                  encoding: .utf8)
        #expect(feedback.contains("Loss.swift: is a symbolic link: submit the file itself"))
        #expect(!feedback.contains("could not be read"))
    }

    @Test func fileScopeCodeImportsAndSignaturesNeverReachTheBuild() async throws {
        let graded = try await GradingFixture.shared.value.graded("hostile-file-scope-code")
        let chapter = graded.chapter(1)
        // Any of the three changes would stop the build; only the region's `return 0` is taken.
        #expect(chapter.status == .failed, "\(chapter.status.label)")
        #expect(chapter.points < chapter.maxPoints)
        #expect(graded.files.notes.isEmpty, "\(graded.files.notes)")
        #expect(graded.chapters.filter { $0.isGraded && $0.info.number != 1 }.allSatisfy { $0.points == $0.maxPoints })
    }

    /// A region the grader refuses: its exercise grades as open, the note names the
    /// file, the line of the submitted file and the construct, and the rest grades in full.
    @Test(arguments: [
        // Those the compiler refuses; those the region rules refuse before any
        // build are held the same way, without a build: `RefusedBeforeBuildingTests`.
        ("hostile-unsafe-pointer", "withUnsafeMutablePointer", 0, "unsafe code is not allowed"),
        ("hostile-pointer-read", "baseAddress", 0, "unsafe code is not allowed"),
    ])
    func refusedRegionGradesAsOpenWithItsLine(name: String, anchor: String, offset: Int, construct: String) async throws {
        let fixture = try await GradingFixture.shared.value
        let graded = try fixture.graded(name)
        let submitted = try String(contentsOf: fixture.submissionsFolder.appendingPathComponent("\(name)/Neuron.swift"), encoding: .utf8)
        let anchorLine = try #require(submitted.components(separatedBy: "\n").firstIndex { $0.contains(anchor) })
        let expected = "Sources/NeuralNetwork/Neuron.swift:\(anchorLine + 1 + offset): Exercise 1.1: "
        #expect(graded.files.notes.contains { $0.hasPrefix(expected) && $0.contains(construct) },
                "expected \(expected)… \(construct), got \(graded.files.notes)")
        let chapter = graded.chapter(1)
        #expect(chapter.status == .exerciseOpen, "\(chapter.status.label)")
        #expect(chapter.points == 0)
        #expect(graded.chapters.filter { $0.isGraded && $0.info.number != 1 }.allSatisfy { $0.points == $0.maxPoints })
        let feedback = try String(contentsOf: fixture.output.appendingPathComponent("\(graded.submission.reportFolder)/feedback.md"), encoding: .utf8)
        #expect(feedback.contains(expected))
    }

    /// Files and processes are out of the exercise file's reach: such a region
    /// does not compile, the compiler says where, and it costs exercise 1.1 only.
    @Test(arguments: [
        ("hostile-forged-record", "atexit"),
        ("hostile-fork-storm", "fork"),
        ("hostile-left-child", "Process"),
        ("hostile-foundation-member", "write"),
    ])
    func filesAndProcessesAreOutOfReach(name: String, missing: String) async throws {
        let graded = try await GradingFixture.shared.value.graded(name)
        let note = try #require(graded.files.notes.first { $0.contains("Exercise 1.1") }, "\(graded.files.notes)")
        #expect(note.contains("Sources/NeuralNetwork/Neuron.swift:") && note.contains(missing), "\(note)")
        #expect(graded.chapter(1).checks.filter { $0.exercise == "1.1" }.allSatisfy { !$0.passed })
        #expect(graded.chapters.filter { $0.isGraded && $0.info.number != 1 }.allSatisfy { $0.points == $0.maxPoints })
    }

    /// The totals the guides give are the grader's: the instructors' guide's
    /// points for the assignment and the learner's README's example line.
    @Test func theGuidesStateTheGradersTotals() async throws {
        let reference = try await GradingFixture.shared.value.graded("reference")
        let total = reference.maxPoints
        let hidden = reference.chapters.flatMap(\.checks).filter(\.hidden).map(\.maxPoints).reduce(0, +)
        let root = GradingFixture.packageRoot
        let guide = try String(contentsOf: root.appendingPathComponent("docs/instructors.md"), encoding: .utf8)
        #expect(guide.contains("give it the autograder's points (\(total) for the chapters"), "the guide's total is not \(total)")
        #expect(guide.contains("(\(total)/\(total))") && guide.contains("every test passes, \(total)/\(total);"))
        let learner = try String(contentsOf: root.appendingPathComponent("docs/learner/README.md"), encoding: .utf8)
        #expect(learner.contains(" of \(total) points if the grader's checks agree\nAn exercise's points count only when "
                                 + "the grader's own check of it passes; \(hidden) of the \(total) are in checks only the grader runs.\n"),
                "the learner's README's example line is not out of \(total) with \(hidden) hidden")
    }

    @Test func chaptersRanInTheSandboxWhereBubblewrapWorks() async throws {
        let run = try await GradingFixture.shared.value.run
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap") && run.sandboxWarning == nil {
            #expect(run.sandbox.hasPrefix("bubblewrap sandbox"), "\(run.sandbox)")
        } else {
            #expect(run.sandboxWarning?.contains("NO SANDBOX") == true, "a weaker confinement must say so: \(run.sandbox)")
        }
    }

    @Test func noPlantedSubmissionIsSuspectedOfTampering() async throws {
        // Honest mistakes, crashes and refused regions all take the harness's own
        // paths to the channel: none of them may read as tampering.
        for graded in try await GradingFixture.shared.value.run.submissions {
            for chapter in graded.chapters {
                if case .tamperingSuspected(let reason) = chapter.status {
                    Issue.record("\(graded.submission.name), chapter \(chapter.info.number): \(reason)")
                }
            }
        }
    }
}
