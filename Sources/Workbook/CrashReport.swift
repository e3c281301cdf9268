import Foundation

/// The lines the Swift runtime prints when a program traps, recognized in one
/// place for every reader of a chapter's output (the learner's echo, the stop's
/// one-line summary, the grader's last words):
///
///     NeuralNetwork/Matrix.swift:82: Precondition failed: cannot multiply 2×1 by 2×1
///
///     *** Signal 4: Backtracing from 0x7f2fac0f9361... done ***
///
///     *** Program crashed: Illegal instruction at 0x00007f2fac0f9361 ***
///
///     Thread 0 "Chapter07" crashed:
///     …
///
/// On a terminal the backtrace begins "💣 Program crashed: …" instead, and with
/// backtracing off the runtime prints "Current stack trace:".
public enum CrashReport {
    /// A trap's message and, when the runtime names it, where it stopped.
    public struct Trap: Sendable, Equatable {
        /// "cannot multiply 2×1 by 2×1"; the kind in lower case ("fatal error")
        /// when the trap has no message.
        public var message: String
        /// The file as the runtime names it ("NeuralNetwork/Matrix.swift") and its line.
        public var file: String?
        public var line: Int?
    }

    /// What the runtime calls a trap, as it prints it before the message.
    static let trapKinds = ["Fatal error", "Precondition failed", "Assertion failed"]

    /// The trap `line` reports: `[file:line: ]Kind[: message]`, or nil for any other line.
    public static func trap(in line: some StringProtocol) -> Trap? {
        for kind in trapKinds {
            guard let range = line.range(of: kind) else { continue }
            let rest = line[range.upperBound...]
            guard rest.isEmpty || rest.hasPrefix(": ") else { continue }
            var message = String(rest.dropFirst(2)).trimmingCharacters(in: .whitespaces)
            if message.isEmpty { message = kind.lowercased() }
            let head = line[..<range.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: ": "))
            let parts = head.split(separator: ":")
            guard parts.count >= 2, let number = Int(parts[parts.count - 1]) else {
                return Trap(message: message, file: nil, line: nil)
            }
            return Trap(message: message, file: parts.dropLast().joined(separator: ":"), line: number)
        }
        return nil
    }

    /// True for the first line of the runtime's backtrace.
    public static func beginsBacktrace(_ line: some StringProtocol) -> Bool {
        line.hasPrefix("*** Signal ") || line.hasPrefix("*** Program crashed") || line.hasPrefix("💣")
            || line.hasPrefix("Current stack trace:")
    }

    /// True for a line of the runtime's report of a crash, where the learner's
    /// own output ends: the trap's message or the backtrace's first line.
    public static func begins(_ line: some StringProtocol) -> Bool {
        beginsBacktrace(line) || trap(in: line) != nil
    }
}
