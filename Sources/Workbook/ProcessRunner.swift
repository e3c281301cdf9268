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
    /// With `echo`, its output is copied to ours as it arrives.
    public static func run(
        executable: URL, arguments: [String] = [], environment: [String: String]? = nil,
        currentDirectory: URL? = nil, timeout: Double, echo: Bool = false
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

        let collector = OutputCollector(echo: echo)
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

/// Reads a pipe to its end on a thread of its own, so a chatty child never
/// blocks on a full pipe.
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let echo: Bool
    private let done = DispatchSemaphore(value: 0)

    init(echo: Bool) { self.echo = echo }

    func drain(_ handle: FileHandle) {
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            if echo { FileHandle.standardOutput.write(chunk) }
            lock.lock()
            data.append(chunk)
            lock.unlock()
        }
        done.signal()
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
