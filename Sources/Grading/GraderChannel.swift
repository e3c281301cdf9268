import Foundation
import Workbook

/// The grader's side of `ResultChannel`: a fresh secret for each chapter run,
/// and the verdict on what came back through the channel.
///
/// Only what arrives signed, in sequence, and in the order the reference run
/// listed its checks counts (a chapter's error path may skip checks and add
/// failed ones of its own, never a passed one); the record file, printed ✓ lines and the exit
/// status count for nothing. A chapter that sends anything malformed or out of
/// turn, or that ends (exit status 0 or 1) before the harness's own `finish`,
/// is graded "tampering suspected". A check passes only after its `begin`: the
/// checks sent without one are those an earlier run stopped in, failed unrun.
/// A `begin` left without its check is where the run stopped, which the
/// runner believes for resuming instead of the record file.
struct GraderChannel {
    /// 32 random bytes as 64 hex digits: the key of this run's MACs.
    let secret: [UInt8]
    /// The channel file, in the chapter's private folder.
    let file: URL

    init(in privateFolder: URL) {
        var generator = SystemRandomNumberGenerator()
        secret = Array(HMAC.hex((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }).utf8)
        file = privateFolder.appendingPathComponent("results.channel")
    }

    /// What the chapter's hand-off carries of the channel, on its standard input
    /// (`ChapterHandOff`): the file and the secret.
    var handOff: ChapterHandOff.Channel {
        ChapterHandOff.Channel(path: file.path, secret: String(decoding: secret, as: UTF8.self))
    }

    /// What the channel said.
    struct Verdict: Equatable {
        var checks: [CheckResult] = []
        var finished = false
        /// Why the channel cannot be believed, or nil.
        var problem: String?
        /// The check that began and sent no result: the one the run stopped in.
        var running: ResultChannel.Begin?
    }

    /// Reads the messages in `data`. `expected`: the reference's checks of this
    /// chapter, in order; nil for the reference run itself, which defines them.
    func verdict(_ data: Data, chapter: Int, expected: [CheckResult]?) -> Verdict {
        var verdict = Verdict()
        var nextExpected = 0
        let lines = data.split(separator: 10, omittingEmptySubsequences: false)
        func fail(_ problem: String) -> Verdict {
            verdict.problem = problem
            return verdict
        }
        for (sequence, raw) in lines.enumerated() {
            if sequence == lines.count - 1 {
                // After the last newline: nothing, unless a line was cut short.
                if raw.isEmpty { break }
                return fail("the results channel ends in the middle of a message")
            }
            let fields = raw.split(separator: 32, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 5, fields[0] == ResultChannel.version else {
                return fail("message \(sequence + 1) on the results channel is malformed")
            }
            let body = Array(raw.prefix(raw.count - fields[4].utf8.count))
            let mac = HMAC.hex(HMAC.sha256(key: secret, message: body))
            guard HMAC.equal(Array(mac.utf8), Array(fields[4].utf8)) else {
                return fail("message \(sequence + 1) on the results channel is not signed by the workbook's checks")
            }
            guard Int(fields[1]) == sequence else {
                return fail("message \(sequence + 1) on the results channel is out of sequence")
            }
            guard !verdict.finished else {
                return fail("a message came after the chapter's end on the results channel")
            }
            guard let kind = ResultChannel.Kind(rawValue: fields[2]), let payload = Data(base64Encoded: fields[3]) else {
                return fail("message \(sequence + 1) on the results channel is malformed")
            }
            switch (kind, sequence) {
            case (.begin, 1...):
                guard let begin = try? JSONDecoder().decode(ResultChannel.Begin.self, from: payload),
                      verdict.running == nil, begin.check == verdict.checks.count else {
                    return fail("message \(sequence + 1) on the results channel begins a check out of turn")
                }
                verdict.running = begin
            case (.start, 0):
                struct Start: Decodable { var chapter: Int }
                guard (try? JSONDecoder().decode(Start.self, from: payload))?.chapter == chapter else {
                    return fail("the results channel names another chapter")
                }
            case (.check, 1...):
                guard let check = try? JSONDecoder().decode(CheckResult.self, from: payload) else {
                    return fail("check \(verdict.checks.count + 1) on the results channel is malformed")
                }
                if let running = verdict.running {
                    guard running.name == check.name else {
                        return fail("check \(verdict.checks.count + 1) on the results channel is not the one that began")
                    }
                } else if check.passed {
                    return fail("check \(verdict.checks.count + 1) on the results channel passed without having begun")
                }
                verdict.running = nil
                if let expected {
                    // The reference's checks in its order, some perhaps skipped (a
                    // chapter stops early on an error path), plus failed checks of
                    // such a path: a check that is not the reference's cannot pass.
                    if let index = expected[nextExpected...].firstIndex(where: {
                        $0.name == check.name && $0.points == check.points && $0.hidden == check.hidden
                    }) {
                        nextExpected = index + 1
                    } else if check.passed {
                        return fail("check \(verdict.checks.count + 1) on the results channel is not one of the chapter's checks, in their order")
                    }
                }
                verdict.checks.append(check)
            case (.finish, 1...):
                struct Finish: Decodable { var checks: Int }
                guard verdict.running == nil else {
                    return fail("the chapter's end on the results channel came in the middle of a check")
                }
                guard let finish = try? JSONDecoder().decode(Finish.self, from: payload),
                      finish.checks == verdict.checks.count else {
                    return fail("the chapter's end on the results channel does not count the checks it sent")
                }
                verdict.finished = true
            default:
                return fail("message \(sequence + 1) on the results channel is out of turn")
            }
        }
        return verdict
    }

    /// `run` as the channel tells it: its checks, the check it stopped in (the
    /// record's `currentCheck`, which `ChapterRunner` resumes after), and how it ended.
    func apply(to run: ChapterRun, expected: [CheckResult]?) -> ChapterRun {
        var run = run
        guard case .didNotBuild = run.status else {
            let data = (try? FileHandle(forReadingFrom: file)).flatMap { try? $0.read(upToCount: 16 << 20) } ?? Data()
            let verdict = verdict(data, chapter: run.info.number, expected: expected)
            var record = ChapterRecord(chapter: run.info.number, title: run.info.title, checks: verdict.checks,
                                       finished: verdict.finished, seconds: run.seconds)
            record.figures = run.record?.figures ?? []
            record.currentCheck = verdict.running?.check
            record.currentCheckName = verdict.running?.name
            run.record = record
            if let problem = verdict.problem {
                run.status = .tamperingSuspected(reason: problem)
            } else if verdict.finished {
                // The harness's own end: its results stand, whatever the exit status says.
                run.status = verdict.checks.allSatisfy(\.passed) ? .passed : .failed
            } else {
                switch run.status {
                case .passed, .failed, .crashed(signal: nil, exitStatus: 0), .crashed(signal: nil, exitStatus: 1):
                    run.status = .tamperingSuspected(reason: "the chapter ended before the workbook's checks finished")
                default:
                    break // a crash, a time-out or an open exercise: the checks it got through count
                }
            }
            return run
        }
        return run
    }
}
