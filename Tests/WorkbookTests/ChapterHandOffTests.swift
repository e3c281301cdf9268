import Foundation
import Testing
@testable import Workbook

/// What a runner hands a chapter travels on its standard input, and a chapter
/// that cannot take it says so instead of passing for one that did not build.
struct ChapterHandOffTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chapter-hand-off-\(UUID().uuidString)")
    let info = Catalog.chapter(1)!

    @Test func aHandOffReadsBackAsWritten() throws {
        let handOff = ChapterHandOff(stoppedChecks: [2: "Index out of range"], quietUntil: 2,
                                     failingExercises: ["7.1": "fails its own checks in chapter 7"],
                                     channel: .init(path: "/private/results.channel", secret: "9f00"), hiddenSeed: 1234)
        let bytes = Array(handOff.encoded())
        #expect(try ChapterHandOff.decode(bytes) == handOff)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""path":"/private/results.channel""#),
                "slashes unescaped, so a stand-in chapter in sh finds the path")
        #expect(try ChapterHandOff.decode(Array("{}".utf8)) == ChapterHandOff(), "every key may be left out")
    }

    @Test(arguments: ["", "not json", #"{"stoppedChecks":{"two":"x"}}"#, #"{"hiddenSeed":-1}"#])
    func aMalformedHandOffIsRefused(_ text: String) {
        #expect(throws: ChapterHandOff.Unreadable.self) { try ChapterHandOff.decode(Array(text.utf8)) }
    }

    @Test func anOversizedHandOffIsRefused() {
        let bytes = Array("{\"quietUntil\":0}".utf8) + [UInt8](repeating: 32, count: ChapterHandOff.sizeLimit)
        #expect(throws: ChapterHandOff.Unreadable.self) { try ChapterHandOff.decode(bytes) }
    }

    /// A chapter started by hand (`swift run Chapter01`) is given no hand-off and
    /// must not wait for one: without the announcement, standard input is not read.
    @Test func withoutTheAnnouncementNothingIsRead() throws {
        #expect(try ChapterHandOff.receive(environment: [:]) == nil)
    }

    /// The harness reads the hand-off to its end and leaves nothing behind: the
    /// descriptor it came on reads as empty from then on.
    @Test func theHandOffIsReadToItsEndAndNothingIsLeftToRead() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let handOff = ChapterHandOff(stoppedChecks: [0: "stopped"], hiddenSeed: 7)
        let bytes = Array(handOff.encoded())
        #expect(write(ends[1], bytes, bytes.count) == bytes.count)
        close(ends[1])
        let received = try ChapterHandOff.receive(environment: [ChapterHandOff.environmentKey: ChapterHandOff.onStandardInput],
                                                  from: ends[0])
        #expect(received == handOff)
        var buffer = [UInt8](repeating: 0, count: 16)
        #expect(read(ends[0], &buffer, buffer.count) == 0, "the descriptor now reads /dev/null")
    }

    /// A stand-in chapter that reads its hand-off, then echoes its environment:
    /// the runner announces the hand-off there, and puts nothing of it there.
    @Test func theRunnerHandsOverOnStandardInputOnly() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runner(script: """
            handoff=$(cat)
            echo "HANDOFF $handoff"
            env | sed 's/^/ENV /'
            exit 0
            """, failing: ["7.1": "FAILING-MARKER"]).run(info)
        let lines = run.output.split(separator: "\n")
        let handOff = try #require(lines.first { $0.hasPrefix("HANDOFF ") })
        #expect(try ChapterHandOff.decode(Array(handOff.dropFirst(8).utf8)).failingExercises == ["7.1": "FAILING-MARKER"])
        let environment = lines.filter { $0.hasPrefix("ENV ") }
        #expect(environment.contains("ENV \(ChapterHandOff.environmentKey)=\(ChapterHandOff.onStandardInput)"))
        #expect(!environment.contains { $0.contains("FAILING-MARKER") }, "\(environment)")
    }

    @Test func aChapterThatCannotTakeItsHandOffCouldNotStart() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runner(script: """
            cat > /dev/null
            echo 'Chapter 1 cannot start: the hand-off on standard input is not the runner'"'"'s JSON' >&2
            exit \(ChapterRunner.cannotStartExitStatus)
            """).run(info)
        #expect(run.status == .couldNotStart(reason: "Chapter 1 cannot start: the hand-off on standard input is not the runner's JSON"),
                "\(run.status)")
        #expect(run.status.label == "could not start")
    }

    @Test func aProgramThatCannotBeLaunchedCouldNotStart() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = ChapterRunner(binFolder: folder.appendingPathComponent("missing"), outputFolder: folder,
                                   recordFolder: folder, timeout: 10, echo: false)
        let run = runner.run(info)
        guard case .couldNotStart(let reason) = run.status else {
            Issue.record("reported \(run.status.label)")
            return
        }
        #expect(reason.contains("cannot start") && run.output == reason, "\(reason)")
    }

    /// A runner of a stand-in chapter 1 that runs `script` with /bin/sh.
    func runner(script: String, failing: [String: String] = [:]) throws -> ChapterRunner {
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let program = bin.appendingPathComponent(info.target)
        try Data("#!/bin/sh\n\(script)\n".utf8).write(to: program)
        chmod(program.path, 0o755)
        var runner = ChapterRunner(binFolder: bin, outputFolder: folder, recordFolder: folder, timeout: 10, echo: false)
        runner.failingExercises = failing
        return runner
    }
}
