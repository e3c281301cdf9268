import Foundation

/// Runs a program with a time limit, collecting what it prints.
///
/// The program is the leader of a process group of its own (Foundation's
/// `Process` makes it one); when it ends or its time is up, the whole group is
/// killed, so no child it started outlives it. Of its output, at most
/// `outputLimit` bytes are kept: the beginning and the end, with a note of how
/// much was left out between them, so a program that prints without end cannot
/// exhaust our memory.
public enum ProcessRunner {
    /// The default bound on the output kept of one run: 1 MiB.
    public static let defaultOutputLimit = 1 << 20

    public enum Termination: Equatable, Sendable {
        case exit(Int32)
        case signal(Int32)
        case timedOut
        case launchFailed(String)
    }

    public struct Result: Sendable {
        public var termination: Termination
        /// Standard output and standard error, interleaved as they came; cut in the
        /// middle when longer than the limit.
        public var output: String
        /// Bytes of output left out to keep within the limit; 0 when none were.
        public var droppedBytes: Int = 0
        public var seconds: Double
    }

    /// Runs `executable` with `arguments`; after `timeout` seconds it is killed.
    /// With `echo`, its output is copied to ours as it arrives; with a `filter`
    /// too, line by line, only the lines the filter keeps (it sees them in order
    /// and may keep state). `input` is its standard input, closed after it;
    /// otherwise /dev/null. It is written on a thread of its own, so a program
    /// that never reads it still ends at its time limit.
    public static func run(
        executable: URL, arguments: [String] = [], environment: [String: String]? = nil,
        currentDirectory: URL? = nil, timeout: Double, echo: Bool = false,
        outputLimit: Int = defaultOutputLimit, input: Data? = nil, filter: (any EchoFilter)? = nil
    ) -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice

        let collector = OutputCollector(echo: echo, limit: outputLimit, filter: filter)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let started = Date()
        do {
            try process.run()
        } catch {
            return Result(termination: .launchFailed("cannot start \(executable.path): \(error.localizedDescription)"),
                          output: "", seconds: 0)
        }
        RunningChildren.add(process.processIdentifier)
        defer { RunningChildren.remove(process.processIdentifier) }
        if let inputPipe, let input {
            // A program that dies before it reads (killed, or a sandbox that could
            // not start) must not take us down with SIGPIPE: the write fails instead.
            ignoreBrokenPipes
            // Larger than the pipe's buffer, the write waits for the program to
            // read; once the program is gone, it fails and the thread ends.
            let writer = inputPipe.fileHandleForWriting
            Thread {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }.start()
        }
        let reader = Thread { collector.drain(pipe.fileHandleForReading) }
        reader.start()

        var timedOut = false
        let group = process.processIdentifier
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(-group, SIGKILL)
            kill(group, SIGKILL)
            // Foundation reports the end only once the program's descendants are
            // gone too; one that left the group (a new session) must not hang us:
            // the caller's clean-up (a sandbox's sweep) ends it.
            _ = finished.wait(timeout: .now() + 2)
        }
        // Whatever the program left running in its group goes with it.
        kill(-group, SIGKILL)
        collector.waitUntilDrained()
        let seconds = Date().timeIntervalSince(started)
        let termination: Termination
        if timedOut {
            termination = .timedOut
        } else if process.terminationReason == .uncaughtSignal {
            termination = .signal(process.terminationStatus)
        } else {
            termination = .exit(process.terminationStatus)
        }
        let (output, dropped) = collector.kept()
        return Result(termination: termination, output: output, droppedBytes: dropped, seconds: seconds)
    }
}

/// The children `ProcessRunner` has running now, in a fixed table a signal
/// handler can read: a command stopped with Ctrl-C takes its chapter down with
/// it instead of leaving it running on its own.
public enum RunningChildren {
    private static let capacity = 64
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<pid_t> = {
        let table = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
        table.initialize(repeating: 0, count: capacity)
        return table
    }()
    private static let lock = NSLock()

    static func add(_ pid: pid_t) {
        lock.lock()
        defer { lock.unlock() }
        if let slot = (0..<capacity).first(where: { table[$0] == 0 }) { table[slot] = pid }
    }

    static func remove(_ pid: pid_t) {
        lock.lock()
        defer { lock.unlock() }
        for slot in 0..<capacity where table[slot] == pid { table[slot] = 0 }
    }

    /// Kills every running child and its process group. Only system calls, so
    /// it may run in a signal handler.
    public static func killAll() {
        for slot in 0..<capacity where table[slot] > 0 {
            kill(-table[slot], SIGKILL)
            kill(table[slot], SIGKILL)
        }
    }

    /// On Ctrl-C or a termination request: kill the children, then exit 130.
    public static func stopThemOnInterrupt() {
        _ = table
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { _ in
                RunningChildren.killAll()
                _exit(130)
            }
        }
    }
}

/// Set once for the process: writing to a pipe nobody reads returns EPIPE
/// instead of killing us. A lazily initialised global runs exactly once.
private let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

/// Decides, line by line, what of a child's output is shown as it arrives.
public protocol EchoFilter: AnyObject, Sendable {
    /// The lines to show for `line` (given without its newline): none, the line,
    /// or the line after one held back before it.
    func shown(_ line: String) -> [String]
}

/// Reads a pipe to its end on a thread of its own, so a chatty child never
/// blocks on a full pipe, keeping the first quarter of `limit` bytes and the
/// last three quarters (a crash report comes at the end).
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var head = Data()
    private var tail = Data()
    private var droppedBytes = 0
    private let echo: Bool
    private let filter: (any EchoFilter)?
    /// The start of a line not yet complete, held for the filter.
    private var pending = Data()
    private let headLimit: Int
    private let tailLimit: Int
    private let done = DispatchSemaphore(value: 0)

    init(echo: Bool, limit: Int, filter: (any EchoFilter)?) {
        self.echo = echo
        self.filter = filter
        headLimit = max(0, limit / 4)
        tailLimit = max(0, limit - limit / 4)
    }

    func drain(_ handle: FileHandle) {
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            if echo { show(chunk) }
            lock.lock()
            keep(chunk)
            lock.unlock()
        }
        if echo, filter != nil, !pending.isEmpty { show(Data("\n".utf8)) }
        done.signal()
    }

    private func show(_ chunk: Data) {
        guard let filter else {
            FileHandle.standardOutput.write(chunk)
            return
        }
        pending.append(chunk)
        var shown = Data()
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            let line = pending[pending.startIndex...newline]
            pending = Data(pending[(newline + 1)...])
            for kept in filter.shown(String(decoding: line.dropLast(), as: UTF8.self)) {
                shown.append(Data((kept + "\n").utf8))
            }
        }
        if !shown.isEmpty { FileHandle.standardOutput.write(shown) }
    }

    private func keep(_ chunk: Data) {
        var rest = chunk[...]
        if head.count < headLimit {
            let taken = rest.prefix(headLimit - head.count)
            head.append(taken)
            rest = rest.dropFirst(taken.count)
        }
        guard !rest.isEmpty else { return }
        tail.append(rest)
        // Trim in batches: cutting the front of `tail` on every chunk would copy it each time.
        if tail.count > tailLimit * 2 || (tail.count > tailLimit && rest.count >= tailLimit) {
            let excess = tail.count - tailLimit
            droppedBytes += excess
            tail = Data(tail.suffix(tailLimit))
        }
    }

    /// Waits for the end of the output, but not forever: a grandchild that keeps
    /// the pipe open must not hang us.
    func waitUntilDrained() {
        _ = done.wait(timeout: .now() + 2)
    }

    /// The output kept so far, with a note where the middle was left out, and
    /// how many bytes were.
    func kept() -> (text: String, droppedBytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        let dropped = droppedBytes + max(0, tail.count - tailLimit)
        let tail = tail.suffix(tailLimit)
        guard dropped > 0 else { return (String(decoding: head + tail, as: UTF8.self), 0) }
        let text = String(decoding: head, as: UTF8.self)
            + "\n… \(dropped) bytes of output left out …\n"
            + String(decoding: tail, as: UTF8.self)
        return (text, dropped)
    }
}
