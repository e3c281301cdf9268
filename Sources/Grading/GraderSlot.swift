import Foundation
import Workbook

/// A persistent work folder in which the grader builds and runs one submission
/// at a time.
///
/// Every submission graded in a slot is assembled into the same package path,
/// and only files whose contents changed are rewritten, so `swift build
/// --scratch-path` stays incremental: the dependencies, Plot and Workbook stay
/// compiled, and only NeuralNetwork and what imports it are rebuilt. A lock on
/// the slot keeps two grading runs from sharing it.
///
/// Builds use both cores by themselves, so one slot builds; the chapters it built
/// are copied out and run while it builds the next submission (`BuiltChapters`).
final class GraderSlot: @unchecked Sendable {
    let folder: URL
    var package: URL { folder.appendingPathComponent("package") }
    var scratch: URL { folder.appendingPathComponent("build") }
    /// Where built chapters wait for, and run in, their turn.
    var runs: URL { folder.appendingPathComponent("runs") }
    let configuration: String
    /// Compiler jobs at once (`GraderSettings.buildJobs`).
    var buildJobs: Int?
    /// Bytes of data each process of a build may take (`GraderSettings.buildMemoryLimit`).
    var buildMemoryLimit: Int?
    /// Variables set for every build (`GraderSettings.buildEnvironment`).
    var buildEnvironment: [String: String] = [:]
    private let lockDescriptor: Int32
    private var binFolder: URL?
    /// The compiler's errors in the last build, every one (the failures that
    /// `build` returns hold the first few), package-relative.
    private(set) var lastBuildErrors: [BrokenRegions.Refusal] = []
    /// How the last build broke down, when it crashed, ran out of time or of memory.
    private(set) var lastBreakdown: BuildBreakdown?
    /// Seconds the last build's first `swift build` took.
    private(set) var lastBuildSeconds: Double = 0

    private init(folder: URL, configuration: String, lockDescriptor: Int32) {
        self.folder = folder
        self.configuration = configuration
        self.lockDescriptor = lockDescriptor
    }

    deinit {
        close(lockDescriptor)
    }

    /// Takes `count` free slots under `workFolder` (slot-1, slot-2, …), skipping
    /// any another grading run holds.
    static func acquire(_ count: Int, in workFolder: URL, configuration: String) throws -> [GraderSlot] {
        try FileManager.default.createDirectory(at: workFolder, withIntermediateDirectories: true)
        var slots: [GraderSlot] = []
        var index = 1
        while slots.count < count {
            guard index <= count + 32 else {
                throw CheckFailure("no free grading slot in \(workFolder.path): other grading runs hold them all")
            }
            let folder = workFolder.appendingPathComponent("slot-\(index)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let descriptor = open(folder.appendingPathComponent("lock").path, O_CREAT | O_RDWR, 0o644)
            if descriptor >= 0 && flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                slots.append(GraderSlot(folder: folder, configuration: configuration, lockDescriptor: descriptor))
            } else if descriptor >= 0 {
                close(descriptor)
            }
            index += 1
        }
        return slots
    }

    /// Makes the slot's package hold exactly `files` (package-relative path →
    /// contents), rewriting only what changed.
    func assemble(_ files: [String: Data]) throws {
        try PackageFiles.sync(files, into: package)
    }

    /// Builds every chapter. When the full build fails but the network itself
    /// compiled (say, only the command-line tool no longer fits the learner's
    /// code), each chapter is built on its own so the ones that compile still run.
    /// A build that breaks down (`lastBreakdown`) fails every chapter with one
    /// line of ours: the compiler's dump never reaches a report. All of it, the
    /// chapters' own builds included, takes at most `timeout` seconds.
    func build(timeout: Double) -> [Int: String] {
        var swiftBuild = SwiftBuild(packageRoot: package, scratchPath: scratch, configuration: configuration)
        swiftBuild.jobs = buildJobs
        swiftBuild.memoryLimit = buildMemoryLimit
        swiftBuild.environment = buildEnvironment
        let outcome = swiftBuild.build(timeout: timeout)
        lastBuildSeconds = outcome.seconds
        lastBuildErrors = BrokenRegions.refusals(in: outcome.output, relativeTo: package)
        lastBreakdown = BuildBreakdown(outcome, timeLimit: timeout, memoryLimit: buildMemoryLimit)
        if outcome.succeeded { return [:] }
        if let breakdown = lastBreakdown {
            return Dictionary(uniqueKeysWithValues: Catalog.chapters.map { ($0.number, breakdown.summary) })
        }
        let errors = compilerErrors(outcome.output)
        if errors.contains("Sources/NeuralNetwork/") || !errors.contains("error:") {
            return Dictionary(uniqueKeysWithValues: Catalog.chapters.map { ($0.number, errors) })
        }
        // The chapters' builds share what is left of the time limit.
        let deadline = Date().addingTimeInterval(timeout - outcome.seconds)
        var failures: [Int: String] = [:]
        for info in Catalog.chapters {
            let left = deadline.timeIntervalSinceNow
            guard left >= 1 else {
                failures[info.number] = BuildBreakdown.timedOut(limit: timeout).summary
                continue
            }
            let chapterOutcome = swiftBuild.build(products: [info.target], timeout: left)
            if !chapterOutcome.succeeded {
                failures[info.number] = BuildBreakdown(chapterOutcome, timeLimit: timeout, memoryLimit: buildMemoryLimit)?.summary
                    ?? compilerErrors(chapterOutcome.output)
            }
        }
        return failures
    }

    /// Copies the chapters that built into `folder`, so they can run there while
    /// the slot builds the next submission. A chapter finds its data through the
    /// package path compiled into it, which stays the slot's package, and the
    /// data files are the same for every submission.
    func takeBuiltChapters(into folder: URL, buildFailures: [Int: String]) throws -> BuiltChapters {
        let manager = FileManager.default
        let bin = try binFolder ?? SwiftBuild(packageRoot: package, scratchPath: scratch, configuration: configuration).binFolder()
        binFolder = bin
        try? manager.removeItem(at: folder)
        let copies = folder.appendingPathComponent("bin")
        try manager.createDirectory(at: copies, withIntermediateDirectories: true)
        for info in Catalog.chapters where buildFailures[info.number] == nil {
            try manager.copyItem(at: bin.appendingPathComponent(info.target), to: copies.appendingPathComponent(info.target))
        }
        return BuiltChapters(folder: folder, buildFailures: buildFailures)
    }

    /// The compiler's first few errors, with the slot's paths cut down to
    /// package-relative ones; the end of the log when there are none.
    func compilerErrors(_ output: String) -> String {
        CompilerError.summary(of: output, relativeTo: package)
    }
}

/// One submission's chapter programs, copied out of the build slot, with the
/// chapters that did not build.
struct BuiltChapters: Sendable {
    let folder: URL
    let buildFailures: [Int: String]

    /// Runs every chapter that built, each in its own process with the time
    /// limit, confined by `sandbox` as `user`, with a private folder of its own
    /// for its record and figures. `data` is the package's data folder, the one
    /// part of the package a chapter reads; `hiddenSeed` seeds the hidden checks'
    /// inputs, handed over on standard input with each run's channel and secret
    /// (`ChapterHandOff`). Results count only as they come
    /// through each run's `GraderChannel`, checked against `expected` (the
    /// reference's checks by chapter; nil for the reference run itself).
    ///
    /// A chapter with hidden checks runs twice within its time limit `timeout`:
    /// its own checks, with three quarters of it, then its hidden checks alone,
    /// with what is left (`HiddenChecks.runAlone`).
    ///
    /// As `workbook run` does, a trap fails the check it stopped in and the
    /// chapter runs again from the next one, within the same time limit. Which
    /// check stopped is what the channel says, and each run of the chapter gets
    /// a fresh secret and channel. An open exercise, too, fails the checks
    /// that need it and the chapter goes on, as in `workbook run`: a check after
    /// it that passes counts only if its own exercise's hidden check passes
    /// (`ScoringRule`), so an open exercise earns nothing by itself.
    func run(timeout: Double, sandbox: GraderSandbox, user: UInt32?, data: URL, hiddenSeed: UInt32,
             expected: [Int: [CheckResult]]?) -> [ChapterRun] {
        // Exercises that failed their own checks, passed on from chapter to chapter
        // as `workbook run` does: a later check that calls one waits for it. Not in
        // the reference's run, whose checks all count as expected: a check of it
        // that failed (a time limit hit on a busy machine) must not change the others.
        var failing: [String: String] = [:]
        func noteFailures(of run: ChapterRun) {
            // An open exercise is not failing: a later chapter stops at it instead.
            for check in run.record?.checks ?? [] where expected != nil && !check.passed && check.waitsFor == nil
                && !ChapterStop.namesOpenExercise(check.message) {
                if let exercise = check.exercise, failing[exercise] == nil {
                    failing[exercise] = "fails its own checks in chapter \(run.info.number)"
                }
            }
        }
        return Catalog.chapters.map { info in
            // The hidden checks run in a run of their own, which no stop of the
            // chapter's own run can keep from running (`HiddenChecks.runAlone`).
            // Both share the chapter's limit; the hidden checks keep at least a
            // quarter of it, far more than the reference's take.
            let hasHiddenChecks = HiddenCheckCatalog.checks.contains { $0.chapter == info.number }
                && buildFailures[info.number] == nil
            let reserve = hasHiddenChecks ? timeout * GraderSettings.hiddenChecksShare : 0
            let own = run(info, timeout: timeout - reserve, sandbox: sandbox, user: user, data: data,
                          hiddenSeed: hiddenSeed, expected: expected, failing: failing, hiddenChecksAlone: false)
            noteFailures(of: own)
            guard hasHiddenChecks else { return own }
            let hidden = run(info, timeout: max(reserve, timeout - own.seconds), sandbox: sandbox, user: user,
                             data: data, hiddenSeed: hiddenSeed, expected: expected, failing: failing,
                             hiddenChecksAlone: true)
            noteFailures(of: hidden)
            return own.joined(withHiddenChecksOf: hidden)
        }
    }

    private func run(_ info: ChapterInfo, timeout: Double, sandbox: GraderSandbox, user: UInt32?, data: URL,
                     hiddenSeed: UInt32, expected: [Int: [CheckResult]]?, failing: [String: String],
                     hiddenChecksAlone: Bool) -> ChapterRun {
        if let errors = buildFailures[info.number] {
            return ChapterRun(info: info, status: .didNotBuild(errors: errors), record: nil, output: "", seconds: 0)
        }
        let privateFolder = folder.appendingPathComponent("chapter-\(info.number)")
        do {
            try sandbox.preparePrivateFolder(privateFolder, user: user)
        } catch {
            return ChapterRun(info: info, status: .notRun, record: nil, output: "\(error)", seconds: 0)
        }
        // Traps only: no exercise region to read (`ChapterStop` reads one for an open exercise).
        var runner = ChapterRunner(binFolder: folder.appendingPathComponent("bin"),
                                   outputFolder: privateFolder, recordFolder: privateFolder,
                                   timeout: timeout, echo: false, resumingIn: folder)
        runner.failingExercises = failing
        let expectedChecks = expected.map { $0[info.number] ?? [] }
        runner.launcher = { program, environment, handOff in
            let channel = GraderChannel(in: privateFolder)
            // An earlier run's messages, under its secret, must not reach this run's verdict.
            try? FileManager.default.removeItem(at: channel.file)
            return Self.launch(program, environment: environment, handOff: handOff, channel: channel,
                               expected: expectedChecks, sandbox: sandbox, user: user, privateFolder: privateFolder,
                               data: data, hiddenSeed: hiddenSeed, hiddenChecksAlone: hiddenChecksAlone, timeout: timeout)
        }
        return runner.run(info)
    }

    /// One run of a chapter as the grader starts it: confined by `sandbox`, with
    /// `channel` and `hiddenSeed` added to the runner's hand-off, which travels on
    /// standard input; the environment and arguments carry neither (`GraderSandbox`
    /// passes on settings only). The verdict is the channel's.
    static func launch(_ program: URL, environment: [String: String], handOff: ChapterHandOff,
                       channel: GraderChannel, expected: [CheckResult]?, sandbox: GraderSandbox, user: UInt32?,
                       privateFolder: URL, data: URL, hiddenSeed: UInt32, hiddenChecksAlone: Bool = false,
                       timeout: Double) -> ChapterLaunch {
        var launch = sandbox.launch(program, environment: environment, privateFolder: privateFolder,
                                    readOnly: [data], user: user, timeout: timeout)
        launch.handOff = handOff
        launch.handOff.channel = channel.handOff
        launch.handOff.hiddenSeed = hiddenSeed
        launch.handOff.hiddenChecksAlone = hiddenChecksAlone
        launch.verdict = { run in
            // Nothing the run left behind may write to the channel while it is read.
            sandbox.sweep(user: user)
            return channel.apply(to: run, expected: expected)
        }
        return launch
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
