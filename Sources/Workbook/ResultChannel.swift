import Foundation

/// The harness's channel to the grader: each check's result, sent as it
/// happens, signed with a secret the learner's code never sees.
///
/// The learner's code runs in the chapter's own process, so neither the record
/// file nor the exit status can be trusted by a grader. The grader hands each
/// run of a chapter the channel file's path and a fresh secret in its
/// `ChapterHandOff`, on standard input, never in the environment; `Chapter`
/// reads it to its end and closes standard input before any learner code runs,
/// keeping the secret only in its memory. Every message is then appended to
/// the channel file as one line:
///
///     wbr1 SEQUENCE KIND PAYLOAD MAC
///
/// SEQUENCE counts from 0; KIND is `start` (payload `{"chapter":N}`), `begin`
/// (`{"check":POSITION,"name":NAME}`, sent before a check's body runs), `check`
/// (a `CheckResult` as JSON) or `finish` (`{"checks":COUNT}`); PAYLOAD is
/// base64 of the JSON; MAC is the hex HMAC-SHA-256 (see `HMAC`), under the
/// secret, of everything before it on the line, its separating space included.
/// The grader (`GraderChannel` in Grading) accepts only an unbroken sequence.
///
/// A `begin` without its `check` after it is how the grader learns, from
/// nothing the learner's code can write, which check a trap stopped the
/// chapter in: it runs the chapter again with that check failed (see
/// `ChapterRunner`). A check recorded as failed without running (one an earlier
/// run stopped in) is sent without a `begin`.
public final class ResultChannel {
    public static let version = "wbr1"

    public enum Kind: String, Sendable {
        case start, begin, check, finish
    }

    /// The payload of a `begin` message: the check's position in the chapter
    /// (from 0, counting every check, stopped ones included) and its name.
    public struct Begin: Codable, Equatable, Sendable {
        public var check: Int
        public var name: String

        public init(check: Int, name: String) {
            self.check = check
            self.name = name
        }
    }

    private let secret: [UInt8]
    private let descriptor: Int32
    private var sequence = 0

    private init(secret: [UInt8], descriptor: Int32) {
        self.secret = secret
        self.descriptor = descriptor
    }

    /// Opens the channel the grader handed over and sends its `start`; throws
    /// when the file cannot be opened or the secret is empty: the grader would
    /// believe nothing the chapter sends, so the chapter cannot start.
    static func connect(_ handOff: ChapterHandOff.Channel, chapter: Int) throws -> ResultChannel {
        let secret = Array(handOff.secret.utf8)
        guard !secret.isEmpty else {
            throw ChapterHandOff.Unreadable(description: "the grader's result channel comes without its secret")
        }
        let descriptor = open(handOff.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ChapterHandOff.Unreadable(description: "the grader's result channel \(handOff.path) cannot be opened: "
                                                + String(cString: strerror(errno)))
        }
        let channel = ResultChannel(secret: secret, descriptor: descriptor)
        channel.send(.start, payload: Data("{\"chapter\":\(chapter)}".utf8))
        return channel
    }

    /// Sent before the body of check number `position` runs: if the body never
    /// returns, this is the last word on the channel.
    func begin(_ position: Int, name: String) {
        guard let payload = try? JSONEncoder().encode(Begin(check: position, name: name)) else { return }
        send(.begin, payload: payload)
    }

    func send(_ check: CheckResult) {
        guard let payload = try? JSONEncoder().encode(check) else { return }
        send(.check, payload: payload)
    }

    func finish(checks: Int) {
        send(.finish, payload: Data("{\"checks\":\(checks)}".utf8))
    }

    private func send(_ kind: Kind, payload: Data) {
        let line = Self.line(sequence: sequence, kind: kind, payload: payload, secret: secret)
        sequence += 1
        // One write per line, so a line is never split by another writer.
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// One signed line, newline included.
    public static func line(sequence: Int, kind: Kind, payload: Data, secret: [UInt8]) -> String {
        let body = "\(version) \(sequence) \(kind.rawValue) \(payload.base64EncodedString()) "
        return body + HMAC.hex(HMAC.sha256(key: secret, message: Array(body.utf8))) + "\n"
    }
}
