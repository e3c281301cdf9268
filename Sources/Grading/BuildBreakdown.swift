import Workbook

/// A build that ended without the compiler's say on the code: the compiler
/// crashed, the build ran out of its time, or a compiler ran out of the memory
/// the grader allows.
///
/// Unlike a compile error, none of these names a line, so the grader finds the
/// region behind it by building with regions stubbed (`RegionBisection`). What
/// the compiler printed as it went down (a stack dump, registers, memory) says
/// nothing a learner can act on and may be long: only `summary`, one line of
/// our own, is ever shown.
public enum BuildBreakdown: Equatable, Sendable {
    case crashed
    /// Stopped at its time limit, in seconds.
    case timedOut(limit: Double)
    /// A compiler failed to allocate under the limit, in bytes (nil: killed by
    /// the system, whose limit we do not know).
    case outOfMemory(limit: Int?)

    /// What the compiler prints when an allocation fails (LLVM's own handler,
    /// the C++ runtime, the kernel's error), checked before the signs of a
    /// crash: running out of memory ends in a stack dump too.
    static let memorySigns = ["out of memory", "std::bad_alloc", "Cannot allocate memory", "Allocation failed",
                              "failed due to signal 9"]
    /// What a crashing compiler, or SwiftPM about it, prints.
    static let crashSigns = ["Stack dump:", "PLEASE submit a bug report", "failed due to signal",
                             "Segmentation fault", "Illegal instruction"]

    /// How `outcome` broke down, or nil when it built or failed with compile
    /// errors only. `timeLimit` (seconds) and `memoryLimit` (bytes) are the
    /// bounds it ran under.
    public init?(_ outcome: SwiftBuild.Outcome, timeLimit: Double, memoryLimit: Int?) {
        if outcome.succeeded { return nil }
        if case .timedOut = outcome.termination {
            self = .timedOut(limit: timeLimit.rounded())
        } else if Self.memorySigns.contains(where: outcome.output.contains) {
            self = .outOfMemory(limit: memoryLimit)
        } else if case .signal = outcome.termination {
            self = .crashed
        } else if Self.crashSigns.contains(where: outcome.output.contains) {
            self = .crashed
        } else {
            return nil
        }
    }

    /// The feedback's words for the region behind it: "the compiler crashed on this region".
    public var regionProblem: String {
        switch self {
        case .crashed: "the compiler crashed on this region"
        case .timedOut(let limit): "took longer than \(Int(limit)) s to build"
        case .outOfMemory(let limit):
            "needed more memory than the grader allows" + (limit.map { " (\($0 >> 20) MB per compiler)" } ?? "")
        }
    }

    /// One line for a build that broke down with no region to blame, in place
    /// of the compiler's output.
    public var summary: String {
        switch self {
        case .crashed: "The build stopped: the compiler crashed (its report is not shown)."
        case .timedOut(let limit): "The build stopped: it took longer than \(Int(limit)) s."
        case .outOfMemory(let limit):
            "The build stopped: a compiler needed more memory than the grader allows"
                + (limit.map { " (\($0 >> 20) MB)" } ?? "") + "."
        }
    }
}
