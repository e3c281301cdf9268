import Foundation
import Testing
@testable import Grading
import Workbook

/// Hostile programs run the way the grader runs a chapter (`GraderSandbox`,
/// `ProcessRunner`): whatever they do, they are stopped, they leave no process
/// behind, and they see nothing of the grader's files. The resource tests run
/// twice: in the sandbox this machine gives, and in the fallback without
/// bubblewrap (a dedicated user and limits), which a grader as root gets.
@Suite(.serialized)
struct SandboxTests {
    let sandbox: GraderSandbox
    let folder: URL

    init() throws {
        try self.init(fallback: false)
    }

    init(fallback: Bool) throws {
        // A block of users of its own, as every grading run takes, so that a sweep
        // here never ends a chapter the grader's end-to-end tests run at the same time.
        let best = try GraderSandbox.make(.auto, jobs: 1)
        sandbox = GraderSandbox(kind: fallback ? .limitsOnly : best.kind, description: best.description,
                                warning: fallback ? "fallback" : best.warning, limits: ChapterLimits(),
                                users: best.users, userBlock: best.userBlock)
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("neuralworkbook-sandbox-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The fallback's process limit counts the dedicated user's processes; a
    /// grader that is not root has none to give, so the fork storm test needs root.
    static let confinements = getuid() == 0 ? [false, true] : [false]

    /// Runs `script` with /bin/sh as a chapter would run: confined, with a private folder.
    func run(_ text: String, timeout: Double = 5, outputLimit: Int = ProcessRunner.defaultOutputLimit)
        throws -> ProcessRunner.Result {
        let user = sandbox.user(forJob: 0)
        // A block is taken again once the test before let it go; its user's last
        // processes (an earlier test's fork storm) count against the process limit
        // until the kernel has reaped them.
        if let user { Self.waitForNoProcesses(of: user) }
        let privateFolder = folder.appendingPathComponent("private")
        try sandbox.preparePrivateFolder(privateFolder, user: user)
        let script = folder.appendingPathComponent("script.sh")
        try Data("#!/bin/sh\n\(text)\n".utf8).write(to: script)
        chmod(script.path, 0o755)
        let launch = sandbox.launch(script, environment: [:], privateFolder: privateFolder, readOnly: [],
                                    user: user, timeout: timeout)
        let result = ProcessRunner.run(executable: launch.executable, arguments: launch.arguments,
                                       environment: launch.environment, timeout: timeout, outputLimit: outputLimit)
        sandbox.sweep(user: user)
        return result
    }

    /// Processes whose command line holds `marker`.
    static func processes(holding marker: String) -> [String] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return ids.filter { Int($0) != nil }.compactMap { id in
            guard let data = FileManager.default.contents(atPath: "/proc/\(id)/cmdline") else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return line.contains(marker) ? "\(id): \(line)" : nil
        }
    }

    /// Waits up to five seconds for `user` to have no process left.
    static func waitForNoProcesses(of user: UInt32) {
        for _ in 0..<50 {
            let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            let owned = ids.filter { Int($0) != nil }.contains { id in
                guard let status = try? String(contentsOfFile: "/proc/\(id)/status", encoding: .utf8) else { return false }
                return status.split(separator: "\n").contains { $0.hasPrefix("Uid:") && $0.split(separator: "\t").dropFirst().first == Substring(String(user)) }
            }
            if !owned { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// The processes still holding `marker` after up to two seconds: killing is
    /// immediate, but the kernel reaps a moment later.
    static func processesLeft(holding marker: String) -> [String] {
        var left: [String] = []
        for _ in 0..<20 {
            left = processes(holding: marker)
            if left.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return left
    }

    @Test(arguments: SandboxTests.confinements)
    func floodKeepsOnlyTheBoundedOutput(fallback: Bool) throws {
        let tests = try SandboxTests(fallback: fallback)
        let result = try tests.run("yes 'the same line again and again'", timeout: 3, outputLimit: 64 << 10)
        #expect(result.termination == .timedOut)
        #expect(result.droppedBytes > 0)
        #expect(result.output.utf8.count < (64 << 10) + 200, "kept \(result.output.utf8.count) bytes")
        #expect(result.output.contains("bytes of output left out"))
    }

    @Test(arguments: SandboxTests.confinements)
    func childrenLeftRunningAreKilled(fallback: Bool) throws {
        let tests = try SandboxTests(fallback: fallback)
        let result = try tests.run("sleep 313.25 &\nsetsid sleep 313.5 &\nnohup sleep 313.75 >/dev/null 2>&1 &\necho started")
        // Without the sandbox's PID namespace, the program counts as running until
        // its children are gone, so it ends at its time limit: what matters is
        // that it ends and leaves nothing.
        #expect(result.termination == .exit(0) || (fallback && result.termination == .timedOut), "\(result.termination)")
        #expect(result.output.contains("started"))
        let left = Self.processesLeft(holding: "sleep 313.")
        #expect(left.isEmpty, "still running: \(left)")
    }

    @Test(arguments: SandboxTests.confinements)
    func forkStormIsBoundedAndCleanedUp(fallback: Bool) throws {
        let tests = try SandboxTests(fallback: fallback)
        let result = try tests.run("while true; do sleep 317.5 & done", timeout: 3)
        // The shell gives up when the limit refuses a fork; otherwise its time runs out.
        #expect(result.termination != .exit(0))
        let left = Self.processesLeft(holding: "sleep 317.5")
        #expect(left.isEmpty, "\(left.count) still running")
        #expect(result.output.contains("fork"), "the process limit never stopped it: \(result.output.suffix(300))")
    }

    @Test(arguments: SandboxTests.confinements)
    func memoryHogIsStoppedByItsLimit(fallback: Bool) throws {
        let tests = try SandboxTests(fallback: fallback)
        // Doubles a string until the address-space limit refuses more.
        let result = try tests.run("awk 'BEGIN { s = \"0123456789abcdef\"; while (1) s = s s }'", timeout: 20)
        #expect(result.termination != .timedOut && result.termination != .exit(0), "\(result.termination)")
        #expect(result.output.contains("memory"), "\(result.output)")
    }

    @Test func sandboxedChapterCannotWriteOutsideReadTheGradersFilesOrReachTheNetwork() throws {
        try #require(sandbox.kind == .bubblewrap, "bubblewrap is not available here: \(sandbox.warning ?? "")")
        let outside = folder.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        chmod(outside.path, 0o777)
        let secret = outside.appendingPathComponent("hidden-checks.swift")
        try Data("secret".utf8).write(to: secret)
        let result = try run("""
            touch \(outside.path)/planted && echo WROTE-OUTSIDE
            cat \(secret.path) && echo READ-SECRET
            ls \(folder.path) | grep -q outside && echo SAW-GRADERS-FOLDER
            touch /usr/planted 2>/dev/null && echo WROTE-SYSTEM
            [ "$(grep -c : /proc/net/dev)" -gt 1 ] && echo HAS-NETWORK
            echo private > ./note && cat ./note
            id -u
            """)
        #expect(result.termination == .exit(0), "\(result.output)")
        for escape in ["WROTE-OUTSIDE", "READ-SECRET", "SAW-GRADERS-FOLDER", "WROTE-SYSTEM", "HAS-NETWORK"] {
            #expect(!result.output.contains(escape), "\(escape): \(result.output)")
        }
        #expect(result.output.contains("private"), "the private folder is writable: \(result.output)")
        #expect(!FileManager.default.fileExists(atPath: outside.appendingPathComponent("planted").path))
        if getuid() == 0 {
            #expect(!result.output.split(separator: "\n").contains("0"), "runs as root: \(result.output)")
        }
    }
}

extension SandboxTests {
    @Test func withoutADedicatedUserTheProcessLimitLeavesRoomForTheGradersOwnTasks() throws {
        let before = GraderSandbox.tasksOfThisUser()
        #expect(before > 0)
        let launch = sandbox.launch(URL(fileURLWithPath: "/bin/true"), environment: [:], privateFolder: folder,
                                    readOnly: [], user: nil, timeout: 5)
        let limit = try #require(launch.arguments.first { $0.hasPrefix("--nproc=") }.flatMap { Int($0.dropFirst(8)) })
        #expect(limit >= before + ChapterLimits().processes / 2, "\(limit) with \(before) tasks running")
    }
}
