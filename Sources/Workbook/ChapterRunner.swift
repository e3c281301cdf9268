import Foundation

/// How a chapter run ended.
public enum ChapterStatus: Equatable, Sendable, Codable {
    /// Ran to the end and every check passed.
    case passed
    /// Ran to the end with at least one failed check.
    case failed
    /// Stopped at an exercise the learner has not written yet.
    case exerciseOpen
    /// Killed by a signal (a trap, a fatal error, a bad access), or exited oddly.
    case crashed(signal: Int32?, exitStatus: Int32?)
    /// Did not finish within the time limit and was killed.
    case timedOut(seconds: Double)
    /// Its results did not come through the grader's channel as only the harness
    /// sends them (see `ResultChannel`): graded 0, with `reason` in the feedback.
    case tamperingSuspected(reason: String)
    /// The program could not be built; `errors` holds the compiler's first errors.
    case didNotBuild(errors: String)
    /// The program was built but could not start: it could not be launched, or
    /// the harness could not take its hand-off (`ChapterHandOff`). No learner
    /// code ran; `reason` says what went wrong.
    case couldNotStart(reason: String)
    case notRun

    /// A few words for tables and summaries.
    public var label: String {
        switch self {
        case .passed: "passed"
        case .failed: "failed"
        case .exerciseOpen: "exercise open"
        case let .crashed(signal, exitStatus):
            if let signal { "crashed (signal \(signal)\(signalName(signal).map { ", \($0)" } ?? ""))" }
            else { "crashed (exit status \(exitStatus ?? -1))" }
        case let .timedOut(seconds): "timed out after \(Int(seconds)) s"
        case .tamperingSuspected: "tampering suspected"
        case .didNotBuild: "did not build"
        case .couldNotStart: "could not start"
        case .notRun: "not run"
        }
    }

    private func signalName(_ signal: Int32) -> String? {
        [SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT", SIGSEGV: "SIGSEGV",
         SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL"][signal]
    }
}

/// One chapter's run: how it ended, its record, and everything it printed.
public struct ChapterRun: Sendable {
    public var info: ChapterInfo
    public var status: ChapterStatus
    /// The checks it recorded; partial when the chapter crashed or timed out.
    public var record: ChapterRecord?
    public var output: String
    /// Bytes of output left out of `output` to keep it within its bound.
    public var droppedOutputBytes: Int
    public var seconds: Double

    public init(info: ChapterInfo, status: ChapterStatus, record: ChapterRecord?, output: String,
                droppedOutputBytes: Int = 0, seconds: Double) {
        self.info = info
        self.status = status
        self.record = record
        self.output = output
        self.droppedOutputBytes = droppedOutputBytes
        self.seconds = seconds
    }
}

extension ChapterRun {
    /// "Exercise 3.1 (Layer(…))" when the chapter stopped at an open exercise,
    /// read from the note `exerciseNotDone` prints.
    public var openExercise: String? {
        guard status == .exerciseOpen else { return nil }
        for line in output.split(separator: "\n") {
            if let start = line.range(of: "Exercise "), let end = line.range(of: " is still open") {
                return String(line[start.lowerBound..<end.lowerBound])
            }
        }
        return nil
    }
}

/// How a chapter program is started when it is not started directly: the
/// program to run instead (a sandbox, a resource limiter), its arguments, the
/// whole environment it gets, and what it is handed on standard input.
public struct ChapterLaunch: Sendable {
    public var executable: URL
    public var arguments: [String]
    /// Settings only (see `ChapterHandOff`): nothing here may tell the learner's
    /// code what the grader keeps from it.
    public var environment: [String: String]
    /// The wrapper exits with 128 + N when the chapter is killed by signal N, as
    /// shells and bubblewrap do.
    public var reportsSignalsAsExitStatus: Bool
    /// Written to the chapter's standard input, then closed: the runner's own
    /// hand-off, with what a grader adds (its channel, the hidden seed).
    public var handOff: ChapterHandOff
    /// What to believe of the run this launch started, applied as soon as it
    /// ends and before the runner decides whether to resume it: a grader
    /// replaces the record (which the learner's code could have written) with
    /// what its signed channel said. Nil believes the record.
    public var verdict: (@Sendable (ChapterRun) -> ChapterRun)?

    public init(executable: URL, arguments: [String], environment: [String: String],
                reportsSignalsAsExitStatus: Bool = false, handOff: ChapterHandOff = ChapterHandOff(),
                verdict: (@Sendable (ChapterRun) -> ChapterRun)? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.reportsSignalsAsExitStatus = reportsSignalsAsExitStatus
        self.handOff = handOff
        self.verdict = verdict
    }
}

/// Runs built chapter programs, each in its own process with a time limit.
public struct ChapterRunner: Sendable {
    /// The folder with the built `ChapterNN` executables.
    public var binFolder: URL
    /// Passed to chapters as `WORKBOOK_OUTPUT` (a setting, in the environment): where figures go.
    public var outputFolder: URL
    /// Where chapter records are written, one `chapter-NN.json` each.
    public var recordFolder: URL
    public var timeout: Double
    /// Copy the chapter's output to our standard output as it comes.
    public var echo: Bool
    /// The learner's package, to read an open exercise's region. When set, a
    /// check that stops the program (an open exercise, a trap) is recorded as that
    /// check's failure and the chapter runs again from the next check, so one
    /// open or broken exercise never hides the others; the echo leaves out the
    /// runtime's crash report and sums it up in the check's message instead.
    /// Which check stopped is the record's `currentCheck`, after the launch's
    /// `verdict`; every run shares the time limit, and a run that timed out or
    /// was killed (SIGKILL) is not resumed.
    public var resumingIn: URL?
    /// Exercises of earlier chapters that fail their own checks (number →
    /// where), handed to the chapter: its checks that call one wait for it.
    public var failingExercises: [String: String] = [:]
    /// Exercises left out of the build because they do not compile (number →
    /// where and why): a check stopped by one fails with that reason and is not
    /// taken for an open exercise.
    public var brokenExercises: [String: String] = [:]
    /// Whether resuming goes on after an open exercise too (`workbook run`), or
    /// only after a trap, an open exercise ending the chapter (the grader).
    public var resumesAfterOpenExercises = true
    /// Wraps the chapter's program and environment, e.g. in a sandbox, and may add
    /// to the run's hand-off; nil runs it directly with our environment and the
    /// hand-off as it is. Called for every run of the chapter, so each may get a
    /// fresh secret and verdict.
    public var launcher: (@Sendable (_ program: URL, _ environment: [String: String],
                                     _ handOff: ChapterHandOff) -> ChapterLaunch)?

    public init(binFolder: URL, outputFolder: URL, recordFolder: URL, timeout: Double = 120, echo: Bool = true,
                resumingIn packageRoot: URL? = nil) {
        self.binFolder = binFolder
        self.outputFolder = outputFolder
        self.recordFolder = recordFolder
        self.timeout = timeout
        self.echo = echo
        self.resumingIn = packageRoot
    }

    public func recordURL(for info: ChapterInfo) -> URL {
        recordFolder.appendingPathComponent("\(info.slug).json")
    }

    public func run(_ info: ChapterInfo) -> ChapterRun {
        removeFigures(of: info)
        guard let packageRoot = resumingIn else { return runOnce(info) }
        var stops: [Int: ChapterStop] = [:]
        var outputs: [String] = []
        var droppedOutputBytes = 0
        var seconds = 0.0
        while true {
            let messages = stops.mapValues(\.message)
            var run = runOnce(info, stoppedChecks: messages, quietUntil: stops.keys.max() ?? 0,
                              timeout: timeout - seconds)
            outputs.append(run.output)
            droppedOutputBytes += run.droppedOutputBytes
            seconds += run.seconds
            // The checks we stopped fail with our message, whatever the run says of
            // them, unless the chapter found that they wait for another exercise.
            // The chapter may add the cause its outputs name (`SlipCauses`), and nothing else.
            for (index, stop) in stops where index < run.record?.checks.count ?? 0 && run.record?.checks[index].waitsFor == nil {
                let told = run.record?.checks[index].message ?? ""
                let cause = told.hasPrefix(stop.message + "\n" + likelyCause("")) ? told.dropFirst(stop.message.count) : ""
                run.record?.checks[index].passed = false
                run.record?.checks[index].message = stop.message + cause
            }
            if run.status == .passed, run.record?.allPassed == false { run.status = .failed }
            let stoppedInCheck = run.record?.currentCheck.flatMap { stops[$0] == nil ? $0 : nil }
            switch run.status {
            case .crashed(signal: SIGKILL, _):
                // Killed from outside (Ctrl-C, `q` in watch, a limit): nothing to resume.
                break
            case .exerciseOpen, .crashed:
                let resumable = run.status != .exerciseOpen || resumesAfterOpenExercises
                if resumable, let index = stoppedInCheck, seconds < timeout {
                    var stop = ChapterStop(output: run.output, packageRoot: packageRoot, brokenExercises: brokenExercises)
                    stop.message = ChapterStop.capped(stop.message)
                    stops[index] = stop
                    continue
                }
            case .failed where !stops.isEmpty:
                // Every failure an open exercise: the chapter waits for it, nothing is wrong.
                let failed = run.record?.checks.enumerated().filter { !$0.element.passed }.map(\.offset) ?? []
                if failed.allSatisfy({ stops[$0]?.openExercise != nil }) { run.status = .exerciseOpen }
            case .timedOut:
                // The runs shared one limit: the chapter used all of it.
                run.status = .timedOut(seconds: timeout)
            default:
                break
            }
            run.output = outputs.joined(separator: "\n")
            run.droppedOutputBytes = droppedOutputBytes
            run.seconds = seconds
            return run
        }
    }

    /// Deletes the figures an earlier run of the chapter drew
    /// (`figures/chapter-07-*.png`): a figure this run does not draw must not
    /// stay behind showing numbers the code on disk no longer produces.
    func removeFigures(of info: ChapterInfo) {
        let figures = outputFolder.appendingPathComponent("figures")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: figures.path)) ?? []
        for name in names where name.hasPrefix(info.slug + "-") && name.hasSuffix(".png") {
            try? FileManager.default.removeItem(at: figures.appendingPathComponent(name))
        }
    }

    /// One run of the chapter's program; `stoppedChecks` and `quietUntil` pass
    /// on what earlier runs found (see `Chapter`). Every run gets its hand-off on
    /// standard input, announced by `WORKBOOK_HANDOFF=stdin`; the environment
    /// carries settings only (see `ChapterHandOff`).
    private func runOnce(_ info: ChapterInfo, stoppedChecks: [Int: String] = [:], quietUntil: Int = 0,
                         timeout: Double? = nil) -> ChapterRun {
        let recordURL = recordURL(for: info)
        try? FileManager.default.removeItem(at: recordURL)
        var environment = ProcessInfo.processInfo.environment
        environment["WORKBOOK_OUTPUT"] = outputFolder.path
        environment["WORKBOOK_RECORD"] = recordURL.path
        environment[ChapterHandOff.environmentKey] = ChapterHandOff.onStandardInput
        if echo && Console.usesColor { environment["WORKBOOK_COLOR"] = "1" }
        if resumingIn != nil {
            // The frames without registers and loaded images: the frames are all `ChapterStop` reads.
            environment["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,registers=none,images=none,limit=32"
        }
        let handOff = ChapterHandOff(stoppedChecks: stoppedChecks, quietUntil: quietUntil,
                                     failingExercises: failingExercises)
        let timeout = timeout ?? self.timeout

        let program = binFolder.appendingPathComponent(info.target)
        let launch = launcher?(program, environment, handOff)
            ?? ChapterLaunch(executable: program, arguments: [], environment: environment, handOff: handOff)
        let result = ProcessRunner.run(
            executable: launch.executable, arguments: launch.arguments,
            environment: launch.environment, timeout: timeout, echo: echo, input: launch.handOff.encoded(),
            filter: resumingIn != nil ? LearnerEchoFilter() : nil)
        let record = try? ChapterRecord.read(from: recordURL)
        var termination = result.termination
        if launch.reportsSignalsAsExitStatus, case .exit(let code) = termination, code > 128, code < 128 + 65 {
            termination = .signal(code - 128)
        }

        let status: ChapterStatus
        var output = result.output
        switch termination {
        case .launchFailed(let reason):
            status = .couldNotStart(reason: reason)
            output = reason
        case .exit(ChapterRunner.cannotStartExitStatus) where record?.checks.isEmpty != false:
            // The harness's own words, its last line: "Chapter 3 cannot start: …".
            let said = result.output.split(separator: "\n").last { $0.contains("cannot start") }
            status = .couldNotStart(reason: said.map(String.init) ?? "the chapter exited before its first check")
        case .timedOut:
            status = .timedOut(seconds: timeout)
        case .signal(let signal):
            status = .crashed(signal: signal, exitStatus: nil)
        case .exit(0) where record?.finished == true:
            status = .passed
        case .exit(1) where record?.finished == true:
            status = .failed
        case .exit(ChapterRunner.exerciseOpenExitStatus):
            status = .exerciseOpen
        case .exit(let code):
            status = .crashed(signal: nil, exitStatus: code)
        }
        let run = ChapterRun(info: info, status: status, record: record, output: output,
                             droppedOutputBytes: result.droppedBytes, seconds: result.seconds)
        return launch.verdict?(run) ?? run
    }

    /// The exit status of a chapter that stopped at an open exercise
    /// (`exerciseNotDone` in NeuralNetwork).
    public static let exerciseOpenExitStatus: Int32 = 3

    /// The exit status of a chapter whose harness could not start: its hand-off
    /// was unreadable or its result channel would not open (see `Chapter`).
    public static let cannotStartExitStatus: Int32 = 4
}
