import Foundation
import Testing
@testable import Grading
import Workbook

/// The Gradescope autograder end to end: `workbook autograder` writes the zip,
/// it is unpacked into a scratch root laid out like `/autograder`, and
/// `run_autograder` grades planted submissions there. The toolchain on this
/// machine stands in for setup.sh's download, and the grader tests' warm work
/// folder for the one setup.sh builds. Every results.json must validate against
/// the schema kept in Fixtures/ and agree with `workbook grade`'s own grades of
/// the same submissions (`GradingFixture`).
@Suite(.serialized)
struct AutograderTests {
    static let schema = GradingFixture.packageRoot.appendingPathComponent("Tests/GraderTests/Fixtures/gradescope-results.schema.json")
    static let scripts = GradingFixture.packageRoot.appendingPathComponent("Autograder")

    @Test func schemaRejectsWhatGradescopeWouldRefuse() throws {
        let validator = try JSONSchemaSubset(contentsOf: Self.schema)
        let good: [String: Any] = [
            "score": 2, "execution_time": 1.5, "output": "**2 / 3**", "output_format": "md",
            "test_output_format": "md", "test_name_format": "text", "visibility": "visible", "stdout_visibility": "hidden",
            "tests": [["name": "Chapter 1 · a", "number": "1.1", "score": 2, "max_score": 3, "status": "failed",
                       "output": "", "tags": ["chapter 1"], "visibility": "after_published"]],
        ]
        #expect(validator.problems(of: good).isEmpty, "\(validator.problems(of: good))")
        var badStatus = good
        badStatus["tests"] = [["name": "x", "number": "1.1", "score": 0, "max_score": 1, "status": "error",
                               "output": "", "tags": [], "visibility": "visible"]]
        #expect(validator.problems(of: badStatus).contains { $0.contains("status") })
        var tooLong = good
        tooLong["output"] = String(repeating: "x", count: 100_001)
        #expect(!validator.problems(of: tooLong).isEmpty)
        var unknown = good
        unknown["grade"] = 3
        #expect(!validator.problems(of: unknown).isEmpty)
        var missing = good
        missing.removeValue(forKey: "stdout_visibility")
        #expect(validator.problems(of: missing).contains { $0.contains("stdout_visibility") })
        var text = good
        text["score"] = "2"
        #expect(!validator.problems(of: text).isEmpty)
    }

    /// The submissions graded, each with what its results must show beyond
    /// agreeing with `workbook grade`.
    /// The time limits: what the autograder's own scripts decide, around a
    /// results.json that must agree with `workbook grade` check by check. (Full
    /// marks, open exercises, compile errors and refused regions go through the
    /// same grader, graded end to end in `GraderEndToEndTests`.)
    static let submissions = ["never-returns"]

    @Test func runAutograderGradesEachSubmissionAsWorkbookGradeDoes() async throws {
        // After the fixture's run, so its work folder is warm and free.
        let fixture = try await GradingFixture.shared.value
        let validator = try JSONSchemaSubset(contentsOf: Self.schema)
        let scratch = try AutograderScratchRoot.unpack(
            from: GradingFixture.packageRoot,
            into: fixture.output.deletingLastPathComponent().appendingPathComponent("autograder-root"))
        let environment = [
            "WORKBOOK": AutograderScratchRoot.workbook.path,
            "GRADER_WORK_FOLDER": GradingFixture.workFolder.path,
            // Here one submission is graded at a time, so a reference chapter has the
            // machine to itself: 20 s is still four times chapter 10's run, and the
            // endless loop costs 20 s instead of 30.
            "CHAPTER_TIMEOUT": "20",
            "BUILD_JOBS": "2",
        ]
        let checks = fixture.run.reference.checks.values.joined().count
        let maximum = fixture.run.reference.checks.values.joined().map(\.points).reduce(0, +)
        for name in Self.submissions {
            let expected = try fixture.graded(name)
            let run = try scratch.grade(fixture.submissionsFolder.appendingPathComponent(name), environment: environment)
            #expect(run.termination == .exit(0), "\(name): \(run.output.suffix(2000))")
            let data = try Data(contentsOf: scratch.results)
            let results = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(name)")
            #expect(validator.problems(of: results).isEmpty, "\(name): \(validator.problems(of: results))")

            let tests = try #require(results["tests"] as? [[String: Any]])
            #expect(tests.count == checks, "\(name): every check is listed")
            #expect(results["score"] as? Double == Double(expected.points), "\(name)")
            #expect(tests.map { $0["max_score"] as? Double ?? 0 }.reduce(0, +) == Double(maximum))
            let graded = expected.chapters.flatMap { chapter in chapter.checks.map { (chapter.info.number, $0) } }
            for (test, (chapter, check)) in zip(tests, graded) {
                #expect(test["status"] as? String == (check.passed ? "passed" : "failed"), "\(name): \(test["name"] ?? "")")
                #expect(test["tags"] as? [String] == ["chapter \(chapter)"])
                #expect(test["visibility"] as? String == (check.hidden ? "hidden" : "visible"))
            }

            let output = results["output"] as? String ?? ""
            switch name {
            case "never-returns":
                #expect(output.contains("timed out"))
                #expect(tests.contains { ($0["tags"] as? [String]) == ["chapter 5"] && $0["status"] as? String == "failed"
                    && ($0["output"] as? String ?? "").contains("timed out") })
            default:
                Issue.record("\(name) has no expectations of its own")
            }
        }
    }

    @Test func setupVerifiesTheToolchainsChecksumBeforeKeepingIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-setup-\(UUID().uuidString)")
        let source = folder.appendingPathComponent("source")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("SWIFT_VERSION=6.3.1\nSWIFT_SHA256=\n".utf8).write(to: source.appendingPathComponent("autograder.conf"))
        // A local file stands in for swift.org's tarball.
        let tarball = folder.appendingPathComponent("stand-in.tar.gz")
        try Data("not really a toolchain\n".utf8).write(to: tarball)
        let digest = ProcessRunner.run(executable: URL(fileURLWithPath: "/usr/bin/sha256sum"), arguments: [tarball.path], timeout: 30)
        let sha = String(digest.output.prefix(64))
        let kept = folder.appendingPathComponent("kept.tar.gz")

        func fetch(_ checksum: String) -> ProcessRunner.Result {
            ProcessRunner.run(executable: URL(fileURLWithPath: "/bin/bash"),
                              arguments: ["-c", #". "$1" && fetch_verified "$2" "$3" "$4""#, "bash",
                                          Self.scripts.appendingPathComponent("setup.sh").path,
                                          tarball.absoluteString, checksum, kept.path],
                              environment: ["AUTOGRADER_ROOT": folder.path, "PATH": "/usr/bin:/bin"], timeout: 60)
        }
        let wrong = fetch(String(repeating: "0", count: 64))
        #expect(wrong.termination != .exit(0))
        #expect(wrong.output.contains("refusing"), "\(wrong.output)")
        #expect(!FileManager.default.fileExists(atPath: kept.path))
        #expect(!FileManager.default.fileExists(atPath: kept.path + ".part"))

        let unpinned = fetch("")
        #expect(unpinned.termination != .exit(0))
        #expect(unpinned.output.contains("no SHA-256 pinned"), "\(unpinned.output)")
        #expect(!FileManager.default.fileExists(atPath: kept.path))

        let right = fetch(sha)
        #expect(right.termination == .exit(0), "\(right.output)")
        #expect(try Data(contentsOf: kept) == Data(contentsOf: tarball))
    }

    /// setup.sh creates the user learners' chapters run as: the one a lone
    /// grader takes in a fresh container, as run_autograder's is (one job).
    @Test(.enabled(if: getuid() == 0, "chapters run as a user of their own only when the grader is root, as on Gradescope"))
    func setupCreatesTheUserTheGraderRunsChaptersAs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-setup-\(UUID().uuidString)")
        let source = folder.appendingPathComponent("source")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("SWIFT_VERSION=6.3.1\n".utf8).write(to: source.appendingPathComponent("autograder.conf"))
        let said = ProcessRunner.run(executable: URL(fileURLWithPath: "/bin/bash"),
                                     arguments: ["-c", #". "$1" && echo "$LEARNER_UID""#, "bash",
                                                 Self.scripts.appendingPathComponent("setup.sh").path],
                                     environment: ["AUTOGRADER_ROOT": folder.path, "PATH": "/usr/bin:/bin"], timeout: 60)
        let created = try #require(UInt32(said.output.trimmingCharacters(in: .whitespacesAndNewlines)), "\(said.output)")

        let runAutograder = try String(contentsOf: Self.scripts.appendingPathComponent("run_autograder"), encoding: .utf8)
        #expect(!runAutograder.contains("--jobs"), "run_autograder grades with one job")
        // A fresh container: no other grader holds a block.
        let sandbox = try GraderSandbox.make(.auto, jobs: 1, userLocks: folder.appendingPathComponent("uid-locks"))
        #expect(sandbox.user(forJob: 0) == created)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/shellcheck"), "shellcheck is not installed"))
    func scriptsPassShellcheck() throws {
        let run = ProcessRunner.run(executable: URL(fileURLWithPath: "/usr/bin/shellcheck"),
                                    arguments: ["setup.sh", "run_autograder"],
                                    currentDirectory: Self.scripts, timeout: 120)
        #expect(run.termination == .exit(0), "\(run.output)")
    }
}
