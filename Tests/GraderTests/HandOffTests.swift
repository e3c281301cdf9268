import Foundation
@testable import Grading
import Testing
import Workbook

/// What a region may hand the grader: the stub only alone, and a trap's
/// message only up to a bound.
struct HandOffTests {
    @Test func theStubIsAllowedAloneAndRefusedBesideCode() {
        let stub = [#"        exerciseNotDone("1.1", "Neuron.weightedSum", chapter: 1)"#]
        #expect(RegionRules.problem(in: stub, startingAt: 10) == nil, "the learner edition's own stub grades as open")
        #expect(RegionRules.problem(in: stub + [""], startingAt: 10) == nil)
        let beside = ["        let z = 1.0", #"        if z > 0 { exerciseNotDone("1.1", "x", chapter: 1) }"#, "        return z"]
        let problem = RegionRules.problem(in: beside, startingAt: 10)
        #expect(problem?.line == 11 && problem?.problem.contains("only alone, as the stub") == true, "\(String(describing: problem))")
    }

    @Test func bidiControlsAreRefusedWithTheirLine() {
        let body = ["        let z = 1.0", "        return z /* \u{202E} } \u{2066} */"]
        let problem = RegionRules.problem(in: body, startingAt: 20)
        #expect(problem?.line == 21 && problem?.problem.contains("bidirectional") == true, "\(String(describing: problem))")
    }

    @Test func aLongTrapMessageIsCutToItsFirstAndLastTwoKilobytes() {
        #expect(ChapterStop.capped("short") == "short")
        let long = String(repeating: "a", count: 100_000) + "THE END"
        let capped = ChapterStop.capped(long)
        #expect(capped.utf8.count < ChapterStop.handOffLimit + 100)
        #expect(capped.hasSuffix("THE END") && capped.contains("bytes left out"))
        // A character cut in two at the edge is repaired, never left as broken UTF-8.
        let accents = String(repeating: "é", count: 5000)
        #expect(ChapterStop.capped(accents).unicodeScalars.allSatisfy { $0 == "é" || $0.isASCII || $0 == "\u{FFFD}" || $0 == "…" })
    }
}

/// The grader stops before grading when the chapters' user could not reach
/// its folders, naming the folder that bars the way.
struct FolderReachTests {
    @Test func aFolderOnlyItsOwnerMayEnterIsNamed() throws {
        let manager = FileManager.default
        let top = manager.temporaryDirectory.appendingPathComponent("reach-\(UUID().uuidString)")
        let closed = top.appendingPathComponent("home")
        defer { try? manager.removeItem(at: top) }
        try manager.createDirectory(at: closed.appendingPathComponent("grading"), withIntermediateDirectories: true)
        try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: closed.path)
        #expect(GraderSandbox.firstUntraversable(onTheWayTo: closed.appendingPathComponent("grading/work"))?.path == closed.path)
        try manager.setAttributes([.posixPermissions: 0o711], ofItemAtPath: closed.path)
        #expect(GraderSandbox.firstUntraversable(onTheWayTo: closed.appendingPathComponent("grading/work")) == nil,
                "a folder not made yet is no obstacle")
    }
}

/// What the grader keeps from the learner's code (the channel and its secret,
/// the hidden seed, the checks an earlier run stopped in, the exercises failing
/// in earlier chapters) reaches a chapter on its standard input only, never in
/// the arguments or the environment a region could read for the whole run.
@Suite(.serialized)
struct GraderHandOffTests {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("neuralworkbook-grader-hand-off-\(ProcessInfo.processInfo.processIdentifier)")
    static let seed: UInt32 = 3_141_592_653

    @Test func theGradersLaunchCarriesNoSecretInItsArgumentsOrEnvironment() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let sandbox = try GraderSandbox.make(.auto, jobs: 1)
        let channel = GraderChannel(in: folder)
        let handOff = ChapterHandOff(stoppedChecks: [1: "STOPPED-MARKER"], quietUntil: 1,
                                     failingExercises: ["4.1": "FAILING-MARKER"])
        var environment = ProcessInfo.processInfo.environment
        environment[ChapterHandOff.environmentKey] = ChapterHandOff.onStandardInput
        let launch = BuiltChapters.launch(
            URL(fileURLWithPath: "/bin/true"), environment: environment, handOff: handOff, channel: channel,
            expected: nil, sandbox: sandbox, user: sandbox.user(forJob: 0), privateFolder: folder,
            data: folder, hiddenSeed: Self.seed, timeout: 5)
        let secret = String(decoding: channel.secret, as: UTF8.self)
        let visible = launch.arguments + launch.environment.flatMap { [$0.key, $0.value] }
        for kept in [secret, String(Self.seed), "STOPPED-MARKER", "FAILING-MARKER", channel.file.path] {
            #expect(!visible.contains { $0.contains(kept) }, "\(kept) is in the launch: \(visible)")
        }
        #expect(Set(launch.environment.keys).subtracting(["PATH", "HOME", "TMPDIR", "LANG"])
                    .isSubset(of: ChapterHandOff.environmentSettings), "\(launch.environment.keys.sorted())")
        #expect(launch.handOff.channel == channel.handOff && launch.handOff.hiddenSeed == Self.seed)
        #expect(launch.handOff.stoppedChecks == handOff.stoppedChecks && launch.handOff.failingExercises == handOff.failingExercises)
    }

    /// A stand-in chapter 1, run as the grader runs every chapter (sandboxed,
    /// with a channel and the hidden seed), prints its arguments, its
    /// environment and what it read on standard input.
    @Test func aGradedChapterFindsItsHandOffOnStandardInputAndNowhereElse() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let sandbox = try GraderSandbox.make(.auto, jobs: 1)
        let user = sandbox.user(forJob: 0)
        let bin = folder.appendingPathComponent("bin"), data = folder.appendingPathComponent("Data")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let info = try #require(Catalog.chapter(1))
        let program = bin.appendingPathComponent(info.target)
        try Data("""
            #!/bin/sh
            handoff=$(cat)
            echo "ARGUMENTS $0 $*"
            tr '\\000' ' ' < /proc/$$/cmdline | sed 's/^/CMDLINE /'; echo
            env | sed 's/^/ENV /'
            echo "HANDOFF $handoff"
            """.utf8).write(to: program)
        chmod(program.path, 0o755)
        let others = Dictionary(uniqueKeysWithValues: Catalog.chapters.dropFirst().map { ($0.number, "left out") })
        let run = BuiltChapters(folder: folder, buildFailures: others)
            .run(timeout: 10, sandbox: sandbox, user: user, data: data, hiddenSeed: Self.seed, expected: nil)[0]
        let lines = run.output.split(separator: "\n").map(String.init)
        let line = try #require(lines.first { $0.hasPrefix("HANDOFF ") }, "\(run.output)")
        let handOff = try ChapterHandOff.decode(Array(line.dropFirst("HANDOFF ".count).utf8))
        let channel = try #require(handOff.channel)
        #expect(handOff.hiddenSeed == Self.seed)
        #expect(channel.secret.count == 64)
        let seen = lines.filter { $0.hasPrefix("ARGUMENTS ") || $0.hasPrefix("CMDLINE ") || $0.hasPrefix("ENV ") }
        #expect(seen.contains { $0.hasPrefix("ENV ") } && seen.contains { $0.hasPrefix("ARGUMENTS ") }, "\(run.output)")
        for kept in [channel.secret, String(Self.seed), channel.path] {
            #expect(!seen.contains { $0.contains(kept) }, "\(kept) is in the chapter's arguments or environment: \(seen)")
        }
    }
}
