import Foundation
import Workbook

/// Whether chapter runs must, may or need not be sandboxed (`workbook grade --sandbox`).
public enum SandboxMode: String, CaseIterable, Sendable {
    /// Bubblewrap when it works here, otherwise the fallback, said loudly.
    case auto
    /// Bubblewrap or no grading at all.
    case required
    /// No sandbox and no dedicated user: resource limits only. For debugging the grader.
    case off
}

/// The resource limits of one chapter run (`setrlimit`, applied with `prlimit`).
public struct ChapterLimits: Sendable, Equatable {
    /// Address space, bytes.
    public var memory: Int = 2 << 30
    /// Processes and threads of the chapter's user (all its chapters at once).
    public var processes: Int = 256
    /// Largest file it may write, bytes.
    public var fileSize: Int = 64 << 20
    /// Open files.
    public var openFiles: Int = 256
    /// CPU seconds; the wall-clock limit is the grader's `--timeout`.
    public var cpuSeconds: Int = 120

    public init() {}
}

/// How each chapter of a submission runs, confined as far as this machine allows.
///
/// With bubblewrap (`bwrap`, Debian's `bubblewrap`) and user namespaces, a
/// chapter sees a read-only system (`/usr`, `/etc`, the toolchain in `/opt`), its
/// own program and the package's `Data` folder read-only, one private writable
/// folder (its record and figures), an empty `/tmp`, no network and no other
/// process (new user, PID, network, IPC and UTS namespaces; the namespace dies
/// with the chapter). Where the grader runs as root, the chapter runs as a
/// dedicated unprivileged user, one per concurrent job, from a block of uids no
/// other grading run holds (`GraderUserBlock`), so the process limit
/// counts only its own processes and, after each chapter, every process left of
/// that user is killed. Every run also gets the limits of `ChapterLimits` and a
/// minimal environment.
///
/// Without bubblewrap (`--sandbox auto` on a machine without it or without user
/// namespaces) the fallback keeps the dedicated user, the limits, the private
/// folder and the sweep, but the chapter then sees every file that user may
/// read and can reach the network: the grader says so in `summary.md` and on
/// the terminal.
public struct GraderSandbox: Sendable {
    public enum Kind: Sendable, Equatable {
        case bubblewrap
        case limitsOnly
    }

    public let kind: Kind
    /// What the grader tells the instructor about the sandbox, e.g. in summary.md.
    public let description: String
    /// Set when the chapters are less confined than they should be.
    public let warning: String?
    let limits: ChapterLimits
    /// The uids chapters run as, one per concurrent job; empty when the grader is not root.
    let users: [UInt32]
    /// The block `users` come from, held while the sandbox lives, so that no other
    /// grading run sweeps them.
    let userBlock: GraderUserBlock?

    static let bwrap = "/usr/bin/bwrap"
    static let prlimit = "/usr/bin/prlimit"
    static let setpriv = "/usr/bin/setpriv"

    init(kind: Kind, description: String, warning: String?, limits: ChapterLimits, users: [UInt32],
         userBlock: GraderUserBlock? = nil) {
        self.kind = kind
        self.description = description
        self.warning = warning
        self.limits = limits
        self.users = users
        self.userBlock = userBlock
    }

    /// Finds the strongest confinement `mode` allows; throws for `required` without
    /// a working bubblewrap. As root, chapters run as uids of a block no other
    /// grading run holds (`GraderUserBlock`, its locks in `userLocks`, by default
    /// the machine's folder for them).
    public static func make(_ mode: SandboxMode, jobs: Int, limits: ChapterLimits = ChapterLimits(),
                            userLocks: URL? = nil) throws -> GraderSandbox {
        let block = getuid() == 0 && mode != .off && FileManager.default.isExecutableFile(atPath: setpriv)
            ? try GraderUserBlock.acquire(in: userLocks ?? GraderUserBlock.lockFolder) : nil
        let users = block.map { Array($0.users.prefix(min(max(1, jobs), Int(GraderUserBlock.size)))) } ?? []
        guard FileManager.default.isExecutableFile(atPath: prlimit) else {
            throw CheckFailure("\(prlimit) is missing (Debian's util-linux): the grader cannot bound a chapter's resources without it")
        }
        if mode != .off {
            let problem = bubblewrapProblem(user: users.first)
            if problem == nil {
                return GraderSandbox(kind: .bubblewrap, description: "bubblewrap sandbox"
                                        + (users.isEmpty ? "" : ", unprivileged user") + ", resource limits",
                                     warning: nil, limits: limits, users: users, userBlock: block)
            }
            if mode == .required {
                throw CheckFailure("--sandbox required, but bubblewrap cannot run here: \(problem!). Install it with `apt-get install bubblewrap` (and allow user namespaces), or grade with --sandbox auto")
            }
            let warning = "NO SANDBOX: \(problem!). Chapters run "
                + (users.isEmpty ? "as you" : "as an unprivileged user")
                + " with resource limits only, so learners' code can read every file that user can and reach the network."
                + " Install bubblewrap (apt-get install bubblewrap) where user namespaces are allowed."
            return GraderSandbox(kind: .limitsOnly, description: "no sandbox (bubblewrap unavailable): "
                                    + (users.isEmpty ? "" : "unprivileged user, ") + "resource limits",
                                 warning: warning, limits: limits, users: users, userBlock: block)
        }
        return GraderSandbox(kind: .limitsOnly, description: "no sandbox (--sandbox off): resource limits only",
                             warning: "NO SANDBOX (--sandbox off): learners' code runs with your permissions.",
                             limits: limits, users: [])
    }

    /// Why bubblewrap cannot run a sandbox here, or nil when it can.
    static func bubblewrapProblem(user: UInt32?) -> String? {
        guard FileManager.default.isExecutableFile(atPath: bwrap) else { return "\(bwrap) is not installed" }
        let probe = ProcessRunner.run(executable: URL(fileURLWithPath: user == nil ? bwrap : setpriv),
                                      arguments: dropping(to: user) + (user == nil ? [] : [bwrap])
                                        + ["--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "/bin/true"],
                                      environment: ["PATH": "/usr/bin:/bin"], timeout: 10)
        guard probe.termination == .exit(0) else {
            let said = probe.output.split(separator: "\n").first.map(String.init) ?? "\(probe.termination)"
            return "bubblewrap fails (\(said))"
        }
        return nil
    }

    /// `setpriv` arguments that run the rest as `user`, with no supplementary groups.
    private static func dropping(to user: UInt32?) -> [String] {
        guard let user else { return [] }
        return ["--reuid=\(user)", "--regid=\(user)", "--clear-groups", "--"]
    }

    /// The uid of job `job` (0-based), or nil when chapters run as the grader's own user.
    func user(forJob job: Int) -> UInt32? {
        users.isEmpty ? nil : users[job % users.count]
    }

    /// The first folder, from the root down to `folder` (which need not exist
    /// yet), that a user who is neither its owner nor in its group may not enter
    /// (no `o+x`): the chapters, run as such a user, could not reach `folder`.
    static func firstUntraversable(onTheWayTo folder: URL) -> URL? {
        var path = URL(fileURLWithPath: "/")
        for component in folder.standardizedFileURL.pathComponents.dropFirst() {
            path.appendPathComponent(component)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path.path) else { return nil }
            if let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o001 == 0 { return path }
        }
        return nil
    }

    /// Prepares `folder` as the chapter's only writable place: created empty and,
    /// for a dedicated user, owned by it.
    func preparePrivateFolder(_ folder: URL, user: UInt32?) throws {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let user {
            guard chown(folder.path, user, user) == 0, chmod(folder.path, 0o700) == 0 else {
                throw CheckFailure("cannot hand \(folder.path) to uid \(user): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Where no bubblewrap hides them, keeps the slot's copy of the instructor's
    /// package (chapters and hidden checks) and its build from the chapters'
    /// users: folders on the way can be passed through but not listed, and only
    /// the package's `Data` stays readable.
    func protect(workFolder: URL, package: URL, build: URL, runs: URL) {
        guard kind == .limitsOnly, !users.isEmpty else { return }
        let manager = FileManager.default
        for folder in [workFolder, package.deletingLastPathComponent(), package, runs] {
            chmod(folder.path, 0o711)
        }
        chmod(build.path, 0o700)
        for entry in (try? manager.contentsOfDirectory(atPath: package.path)) ?? [] where entry != "Data" {
            chmod(package.appendingPathComponent(entry).path, 0o700)
        }
    }

    /// The command that runs `program` confined: `setpriv` (as root), `prlimit`,
    /// then `bwrap` when available. Of `environment`, only the chapter's settings
    /// pass (`ChapterHandOff.environmentSettings`); nothing else of the grader's
    /// environment does. What the learner's code must not learn goes in the
    /// launch's hand-off, on standard input, which bubblewrap passes through.
    func launch(_ program: URL, environment: [String: String], privateFolder: URL, readOnly: [URL],
                user: UInt32?, timeout: Double) -> ChapterLaunch {
        var env = ["PATH": "/usr/bin:/bin", "HOME": privateFolder.path, "TMPDIR": privateFolder.path,
                   "LANG": "C.UTF-8"]
        for (key, value) in environment where ChapterHandOff.environmentSettings.contains(key) {
            env[key] = value
        }
        let cpu = max(limits.cpuSeconds, Int(timeout.rounded(.up)) + 5)
        var command: [String] = []
        if let user { command += [Self.setpriv] + Self.dropping(to: user) }
        // The process limit counts every task of the real user: a dedicated user
        // has only the chapter's; the grader's own user has many more already.
        let processes = user == nil ? Self.tasksOfThisUser() + limits.processes : limits.processes
        command += [Self.prlimit, "--as=\(limits.memory)", "--nproc=\(processes)", "--fsize=\(limits.fileSize)",
                    "--nofile=\(limits.openFiles)", "--cpu=\(cpu)", "--core=0", "--"]
        if kind == .bubblewrap {
            command += [Self.bwrap] + bubblewrapArguments(privateFolder: privateFolder, readOnly: readOnly + [program])
        }
        command.append(program.path)
        return ChapterLaunch(executable: URL(fileURLWithPath: command[0]), arguments: Array(command.dropFirst()),
                             environment: env, reportsSignalsAsExitStatus: kind == .bubblewrap)
    }

    private func bubblewrapArguments(privateFolder: URL, readOnly: [URL]) -> [String] {
        var arguments: [String] = []
        let manager = FileManager.default
        for system in ["/usr", "/etc", "/opt"] where manager.fileExists(atPath: system) {
            arguments += ["--ro-bind", system, system]
        }
        // /bin, /lib, … are symbolic links into /usr on Debian; elsewhere, directories.
        for top in ["/bin", "/sbin", "/lib", "/lib64", "/lib32"] {
            if let target = try? manager.destinationOfSymbolicLink(atPath: top) {
                arguments += ["--symlink", target, top]
            } else if manager.fileExists(atPath: top) {
                arguments += ["--ro-bind", top, top]
            }
        }
        arguments += ["--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
        for url in readOnly where manager.fileExists(atPath: url.path) {
            arguments += ["--ro-bind", url.path, url.path]
        }
        arguments += ["--bind", privateFolder.path, privateFolder.path, "--chdir", privateFolder.path,
                      "--unshare-all", "--die-with-parent", "--new-session"]
        return arguments
    }

    /// How many tasks (threads included, as `RLIMIT_NPROC` counts them) our real user runs now.
    static func tasksOfThisUser() -> Int {
        let manager = FileManager.default
        let me = getuid()
        var count = 0
        for entry in (try? manager.contentsOfDirectory(atPath: "/proc")) ?? [] where Int(entry) != nil {
            var info = stat()
            guard stat("/proc/\(entry)", &info) == 0, info.st_uid == me else { continue }
            count += (try? manager.contentsOfDirectory(atPath: "/proc/\(entry)/task").count) ?? 1
        }
        return count
    }

    /// Kills every process still running as `user`: what a chapter left behind
    /// outside its process group (a daemon that started a session of its own).
    func sweep(user: UInt32?) {
        guard let user else { return }
        _ = ProcessRunner.run(executable: URL(fileURLWithPath: Self.setpriv),
                              arguments: Self.dropping(to: user) + ["/bin/kill", "-9", "-1"],
                              environment: ["PATH": "/usr/bin:/bin"], timeout: 10)
    }
}
