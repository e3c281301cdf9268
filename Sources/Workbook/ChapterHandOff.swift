import Foundation

/// What a runner hands a chapter for one run, which the learner's code must not
/// learn or change: the checks earlier runs stopped in, the exercises failing in
/// earlier chapters, and, from a grader, the result channel with its secret and
/// the hidden checks' seed.
///
/// It travels on the chapter's standard input as one JSON object, never in the
/// environment or the arguments, which the process keeps readable for its whole
/// life (`/proc/self/environ`, `CommandLine.arguments`):
///
///     {"channel":{"path":"/…/results.channel","secret":"9f…"},"failingExercises":{"7.1":"fails its own checks in chapter 7"},
///      "hiddenSeed":1234,"quietUntil":2,"stoppedChecks":{"2":"Index out of range"}}
///
/// Every key may be left out. `WORKBOOK_HANDOFF=stdin` in the environment says
/// that one comes; without it (`swift run Chapter01` from a terminal) the chapter
/// reads nothing and runs as a learner's own run. `Chapter` reads it to its end,
/// closes standard input and leaves `/dev/null` there before its first check, so
/// nothing of it is left to read later; it keeps what it needs in its memory.
///
/// The environment keeps only settings a person may set by hand and that tell
/// nothing of the grading: `WORKBOOK_OUTPUT` (the figures' folder),
/// `WORKBOOK_RECORD` (the record file), `WORKBOOK_COLOR` and `SWIFT_BACKTRACE`.
public struct ChapterHandOff: Codable, Equatable, Sendable {
    /// The grader's result channel (see `ResultChannel`): the file to append to
    /// and the key that signs every line.
    public struct Channel: Codable, Equatable, Sendable {
        public var path: String
        public var secret: String

        public init(path: String, secret: String) {
            self.path = path
            self.secret = secret
        }
    }

    /// Checks (by position) that stopped an earlier run, with the reason: recorded
    /// as failed without running. Each message is capped (`ChapterStop.capped`).
    public var stoppedChecks: [Int: String]
    /// Output is held back until this check: an earlier run printed it already.
    public var quietUntil: Int
    /// Exercises failing in earlier chapters (number → why): checks that call one wait for it.
    public var failingExercises: [String: String]
    public var channel: Channel?
    /// The seed of the hidden checks' inputs, drawn for each grading run.
    public var hiddenSeed: UInt32?
    /// The grader's second run of a chapter: its hidden checks alone, then its end.
    public var hiddenChecksAlone: Bool

    public init(stoppedChecks: [Int: String] = [:], quietUntil: Int = 0, failingExercises: [String: String] = [:],
                channel: Channel? = nil, hiddenSeed: UInt32? = nil, hiddenChecksAlone: Bool = false) {
        self.stoppedChecks = stoppedChecks
        self.quietUntil = quietUntil
        self.failingExercises = failingExercises
        self.channel = channel
        self.hiddenSeed = hiddenSeed
        self.hiddenChecksAlone = hiddenChecksAlone
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        stoppedChecks = try container.decodeIfPresent([Int: String].self, forKey: .stoppedChecks) ?? [:]
        quietUntil = try container.decodeIfPresent(Int.self, forKey: .quietUntil) ?? 0
        failingExercises = try container.decodeIfPresent([String: String].self, forKey: .failingExercises) ?? [:]
        channel = try container.decodeIfPresent(Channel.self, forKey: .channel)
        hiddenSeed = try container.decodeIfPresent(UInt32.self, forKey: .hiddenSeed)
        hiddenChecksAlone = try container.decodeIfPresent(Bool.self, forKey: .hiddenChecksAlone) ?? false
    }

    /// The environment variable that announces a hand-off, and its one value.
    public static let environmentKey = "WORKBOOK_HANDOFF"
    public static let onStandardInput = "stdin"

    /// All a chapter takes from its environment: where it writes, how it prints,
    /// and the announcement of its hand-off. A sandbox passes these and no other.
    public static let environmentSettings: Set<String> = [
        "WORKBOOK_OUTPUT", "WORKBOOK_RECORD", "WORKBOOK_COLOR", environmentKey, "SWIFT_BACKTRACE",
    ]

    /// The most a hand-off may take: far above what ten capped stops and a
    /// catalog's failing exercises need.
    public static let sizeLimit = 1 << 20

    /// The JSON written to the chapter's standard input, keys sorted.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, integers and dictionaries of them always encode.
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }

    /// Why a chapter could not take its hand-off: it cannot start.
    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String
    }

    /// Decodes a hand-off as `encoded()` writes it.
    public static func decode(_ bytes: [UInt8]) throws -> ChapterHandOff {
        guard bytes.count <= sizeLimit else {
            throw Unreadable(description: "the hand-off on standard input is larger than \(sizeLimit) bytes")
        }
        do {
            return try JSONDecoder().decode(ChapterHandOff.self, from: Data(bytes))
        } catch {
            throw Unreadable(description: "the hand-off on standard input is not the runner's JSON (\(bytes.count) bytes)")
        }
    }

    /// The hand-off on standard input (`descriptor`) when `environment` announces
    /// one, else nil. Reads to the end, then puts `/dev/null` in the descriptor's
    /// place, so the learner's code finds nothing there.
    static func receive(environment: [String: String] = ProcessInfo.processInfo.environment,
                        from descriptor: Int32 = STDIN_FILENO) throws -> ChapterHandOff? {
        guard environment[environmentKey] == onStandardInput else { return nil }
        // A terminal would wait for typing that never comes: say what is wrong instead.
        guard isatty(descriptor) == 0 else {
            throw Unreadable(description: "\(environmentKey)=\(onStandardInput) is set, but standard input is a terminal: "
                                 + "unset it to run the chapter by hand")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while bytes.count <= sizeLimit {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        // dup2 closes the pipe's end and puts /dev/null in its place in one step.
        let empty = open("/dev/null", O_RDONLY)
        if empty >= 0 {
            dup2(empty, descriptor)
            close(empty)
        } else {
            close(descriptor)
        }
        return try decode(bytes)
    }
}
