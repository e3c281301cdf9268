import Foundation
import Testing
@testable import Grading
import Workbook

/// Only results signed by the harness, in sequence and in the reference's order, count.
struct ResultChannelTests {
    /// One folder for every run, not one per process: a run leaves one folder behind, not one more each time.
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neuralworkbook-channel-tests")
    static let expected = [
        CheckResult(name: "first", points: 2, passed: true, message: ""),
        CheckResult(name: "second", points: 3, passed: true, message: "", hidden: true),
    ]

    let channel = GraderChannel(in: ResultChannelTests.folder)

    func line(_ sequence: Int, _ kind: ResultChannel.Kind, _ payload: String, secret: [UInt8]? = nil) -> String {
        ResultChannel.line(sequence: sequence, kind: kind, payload: Data(payload.utf8), secret: secret ?? channel.secret)
    }

    func check(_ result: CheckResult) -> String {
        String(decoding: try! JSONEncoder().encode(result), as: UTF8.self)
    }

    func begin(_ position: Int, _ name: String) -> String {
        String(decoding: try! JSONEncoder().encode(ResultChannel.Begin(check: position, name: name)), as: UTF8.self)
    }

    /// The messages an honest chapter 4 sends with the second check failed.
    var honest: [String] {
        [line(0, .start, #"{"chapter":4}"#),
         line(1, .begin, begin(0, "first")),
         line(2, .check, check(Self.expected[0])),
         line(3, .begin, begin(1, "second")),
         line(4, .check, check(CheckResult(name: "second", points: 3, passed: false, message: "no", hidden: true))),
         line(5, .finish, #"{"checks":2}"#)]
    }

    func verdict(_ lines: [String]) -> GraderChannel.Verdict {
        channel.verdict(Data(lines.joined().utf8), chapter: 4, expected: Self.expected)
    }

    @Test func honestMessagesAreBelieved() {
        let verdict = verdict(honest)
        #expect(verdict.problem == nil)
        #expect(verdict.finished)
        #expect(verdict.checks.map(\.passed) == [true, false])
        #expect(verdict.running == nil)
    }

    @Test func anErrorPathMayEndEarlyWithAFailedCheckOfItsOwn() {
        let stop = CheckResult(name: "read the data", points: 1, passed: false, message: "no such file")
        let verdict = verdict(Array(honest.prefix(3)) + [line(3, .begin, begin(1, "read the data")),
                                                         line(4, .check, check(stop)), line(5, .finish, #"{"checks":2}"#)])
        #expect(verdict.problem == nil, "\(verdict)")
        #expect(verdict.finished)
        #expect(verdict.checks.map(\.name) == ["first", "read the data"])
    }

    @Test func aRunCutShortKeepsTheChecksItSent() {
        let verdict = verdict(Array(honest.prefix(3)))
        #expect(verdict.problem == nil)
        #expect(!verdict.finished)
        #expect(verdict.checks.count == 1)
        #expect(verdict.running == nil)
    }

    /// A trap in the second check's body: its `begin` is the channel's last word.
    @Test func aRunThatStopsInACheckSaysWhichCheckItWas() {
        let verdict = verdict(Array(honest.prefix(4)))
        #expect(verdict.problem == nil, "\(verdict)")
        #expect(!verdict.finished)
        #expect(verdict.checks.map(\.name) == ["first"])
        #expect(verdict.running == ResultChannel.Begin(check: 1, name: "second"))
    }

    /// The run after that one sends the stopped check failed, without running it.
    @Test func aCheckStoppedInAnEarlierRunIsSentFailedWithoutABegin() {
        let stopped = CheckResult(name: "second", points: 3, passed: false, message: "Index out of range", hidden: true)
        let verdict = verdict(Array(honest.prefix(3)) + [line(3, .check, check(stopped)), line(4, .finish, #"{"checks":2}"#)])
        #expect(verdict.problem == nil, "\(verdict)")
        #expect(verdict.finished)
        #expect(verdict.checks == [Self.expected[0], stopped])
    }

    /// The record the grader builds from the channel, not the record file,
    /// names the check a crash stopped in, for `ChapterRunner` to resume after.
    @Test func theCheckARunStoppedInComesFromTheChannel() throws {
        let info = try #require(Catalog.chapter(4))
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        try Data(honest.prefix(4).joined().utf8).write(to: channel.file)
        var lying = ChapterRecord(chapter: 4, title: info.title, checks: Self.expected)
        lying.currentCheck = 0
        let crashed = ChapterRun(info: info, status: .crashed(signal: SIGILL, exitStatus: nil), record: lying,
                                 output: "", seconds: 1)
        let run = channel.apply(to: crashed, expected: Self.expected)
        #expect(run.status == .crashed(signal: SIGILL, exitStatus: nil))
        #expect(run.record?.currentCheck == 1)
        #expect(run.record?.currentCheckName == "second")
        #expect(run.record?.checks == [Self.expected[0]])
    }

    @Test(arguments: [
        ("signed with another secret", 2, "not signed"),
        ("replayed", 5, "out of sequence"),
        ("a passed check the chapter does not have", 6, "not one of the chapter's checks"),
        ("an end that miscounts", 7, "does not count the checks"),
        ("checks out of order", 13, "not one of the chapter's checks"),
        ("a message after the end", 8, "after the chapter's end"),
        ("a line cut short", 9, "middle of a message"),
        ("plain text", 10, "malformed"),
        ("another chapter's start", 11, "another chapter"),
        ("a check before the start", 12, "out of turn"),
        ("a passed check that never began", 14, "passed without having begun"),
        ("a result for another check than the one begun", 15, "not the one that began"),
        ("a begin at the wrong position", 16, "begins a check out of turn"),
        ("a begin while a check is running", 17, "begins a check out of turn"),
        ("an end in the middle of a check", 18, "in the middle of a check"),
    ])
    func forgedOrBrokenMessagesAreTampering(_ what: String, form: Int, problem: String) {
        var lines = honest
        let forged = CheckResult(name: "second", points: 3, passed: true, message: "", hidden: true)
        switch form {
        case 2: lines[4] = line(4, .check, check(forged), secret: Array("guessed".utf8))
        case 5: lines.insert(lines[2], at: 3)
        case 6:
            lines[3] = line(3, .begin, begin(1, "extra"))
            lines[4] = line(4, .check, check(CheckResult(name: "extra", points: 99, passed: true, message: "")))
        case 7: lines[5] = line(5, .finish, #"{"checks":3}"#)
        case 13:
            lines = [lines[0], line(1, .begin, begin(0, "second")), line(2, .check, check(forged)),
                     line(3, .begin, begin(1, "first")), line(4, .check, check(Self.expected[0]))]
        case 8: lines.append(line(6, .check, check(forged)))
        case 9: lines[5] = String(lines[5].dropLast(10))
        case 10: lines.insert("✓ second (3 pts)\n", at: 2)
        case 11: lines[0] = line(0, .start, #"{"chapter":5}"#)
        case 12: lines[0] = line(0, .check, check(Self.expected[0]))
        case 14: lines = Array(lines.prefix(3)) + [line(3, .check, check(forged))]
        case 15: lines[4] = line(4, .check, check(CheckResult(name: "first", points: 2, passed: false, message: "")))
        case 16: lines[3] = line(3, .begin, begin(5, "second"))
        case 17: lines = Array(lines.prefix(2)) + [line(2, .begin, begin(0, "first"))]
        case 18: lines = Array(lines.prefix(4)) + [line(4, .finish, #"{"checks":1}"#)]
        default: Issue.record("no form \(form)")
        }
        let verdict = verdict(lines)
        #expect(verdict.problem?.contains(problem) == true, "\(what): \(verdict)")
    }

    @Test func aChapterSuspectedOfTamperingEarnsNothing() throws {
        let info = try #require(Catalog.chapter(4))
        let verdict = verdict(Array(honest.prefix(3)) + [line(3, .check, "{}")])
        #expect(verdict.checks.count == 1 && verdict.problem != nil)
        let run = ChapterRun(info: info, status: .tamperingSuspected(reason: verdict.problem ?? ""),
                             record: ChapterRecord(chapter: 4, title: info.title, checks: verdict.checks),
                             output: "", seconds: 1)
        let graded = ChapterGrading.grade(run, against: Self.expected)
        #expect(graded.points == 0)
        #expect(graded.checks.allSatisfy { $0.message.contains("tampering suspected") })
    }

    /// A chapter program that forges its record file and its ✓ lines, exits 0,
    /// and never speaks through the channel, run as the grader runs chapters.
    @Test func forgedRecordAndExitStatusCountForNothing() throws {
        let bin = Self.folder.appendingPathComponent("bin")
        let privateFolder = Self.folder.appendingPathComponent("private")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: privateFolder, withIntermediateDirectories: true)
        let info = try #require(Catalog.chapter(1))
        let record = ChapterRecord(chapter: 1, title: info.title, checks: Self.expected, finished: true)
        let recordJSON = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
        let program = bin.appendingPathComponent(info.target)
        try Data("""
            #!/bin/sh
            channel=$(sed 's/.*"path":"\\([^"]*\\)".*/\\1/')
            printf '%s' '\(recordJSON)' > "$WORKBOOK_RECORD"
            echo '  ✓ first  (2 pts)'
            echo 'wbr1 0 start eyJjaGFwdGVyIjoxfQ== 0000' >> "$channel"
            exit 0
            """.utf8).write(to: program)
        chmod(program.path, 0o755)
        let channel = GraderChannel(in: privateFolder)
        var runner = ChapterRunner(binFolder: bin, outputFolder: privateFolder, recordFolder: privateFolder,
                                   timeout: 10, echo: false)
        runner.launcher = { program, environment, handOff in
            var handOff = handOff
            handOff.channel = channel.handOff
            return ChapterLaunch(executable: program, arguments: [], environment: environment, handOff: handOff)
        }
        let unverified = runner.run(info)
        #expect(unverified.status == .passed, "the forgery fools the record alone: \(unverified.status.label)")
        let forged = try String(contentsOf: channel.file, encoding: .utf8)
        #expect(forged.hasPrefix("wbr1 0 start"), "the forger found the channel in its hand-off: \(forged)")
        let run = channel.apply(to: unverified, expected: Self.expected)
        guard case .tamperingSuspected(let reason) = run.status else {
            Issue.record("graded \(run.status.label)")
            return
        }
        #expect(reason.contains("not signed"))
        let graded = ChapterGrading.grade(run, against: Self.expected)
        #expect(graded.points == 0)
        #expect(graded.status.label == "tampering suspected")
    }
}
