import Foundation

/// Runs a program with a time limit, collecting what it prints.
public enum ProcessRunner {
    public enum Termination: Equatable, Sendable {
        case exit(Int32)
        case signal(Int32)
        case timedOut
        case launchFailed(String)
    }

    public struct Result: Sendable {
        public var termination: Termination
        /// Standard output and standard error, interleaved as they came.
        public var output: String
        public var seconds: Double
    }

    /// Runs `executable` with `arguments`; after `timeout` seconds it is killed.
    /// With `echo`, its output is copied to ours as it arrives; with a `filter`
    /// too, line by line, only the lines the filter keeps (it sees them in order
    /// and may keep state). The returned output is always complete.
    public static func run(
        executable: URL, arguments: [String] = [], environment: [String: String]? = nil,
        currentDirectory: URL? = nil, timeout: Double, echo: Bool = false,
        filter: (any EchoFilter)? = nil
    ) -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice

        let collector = OutputCollector(echo: echo, filter: filter)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let started = Date()
        do {
            try process.run()
        } catch {
            return Result(termination: .launchFailed("cannot start \(executable.path): \(error.localizedDescription)"),
                          output: "", seconds: 0)
        }
        let reader = Thread { collector.drain(pipe.fileHandleForReading) }
        reader.start()

        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
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
        return Result(termination: termination, output: collector.text, seconds: seconds)
    }
}

/// Decides, line by line, what of a child's output is shown as it arrives.
public protocol EchoFilter: AnyObject, Sendable {
    /// True to show `line` (without its newline).
    func keeps(_ line: String) -> Bool
}

/// Reads a pipe to its end on a thread of its own, so a chatty child never
/// blocks on a full pipe.
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let echo: Bool
    private let filter: (any EchoFilter)?
    /// The start of a line not yet complete, held for the filter.
    private var pending = Data()
    private let done = DispatchSemaphore(value: 0)

    init(echo: Bool, filter: (any EchoFilter)?) {
        self.echo = echo
        self.filter = filter
    }

    func drain(_ handle: FileHandle) {
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            if echo { show(chunk) }
            lock.lock()
            data.append(chunk)
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
            if filter.keeps(String(decoding: line.dropLast(), as: UTF8.self)) { shown.append(line) }
        }
        if !shown.isEmpty { FileHandle.standardOutput.write(shown) }
    }

    /// Waits for the end of the output, but not forever: a grandchild that keeps
    /// the pipe open must not hang us.
    func waitUntilDrained() {
        _ = done.wait(timeout: .now() + 2)
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
