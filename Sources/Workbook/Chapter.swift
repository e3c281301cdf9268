import Foundation

/// The harness a chapter runs its checks in.
///
///     let chapter = Chapter(7)
///     chapter.check("one step by hand", points: 2) {
///         try expect(daPrev, closeTo: [0.1, -0.3], tolerance: 1e-12)
///     }
///     chapter.finish()
///
/// Each check prints as it runs; `finish` prints a summary and exits non-zero
/// when a check failed. The record of the checks (see `ChapterRecord`) goes to
/// `$WORKBOOK_RECORD`, or to `.build/workbook/chapter-NN.json` in the package,
/// and figures to `$WORKBOOK_OUTPUT/figures` (default `Output/figures`).
///
/// What a runner hands one run (checks an earlier run stopped in, exercises
/// failing in earlier chapters, a grader's channel and hidden seed) arrives on
/// standard input as a `ChapterHandOff`, read to its end and closed here, before
/// the first check; a chapter that cannot take it exits with
/// `ChapterRunner.cannotStartExitStatus` and the reason on standard error.
///
/// A check whose body stops the program (an open exercise, a trap in the
/// learner's code) cannot be caught in the process. `ChapterRunner` runs the
/// chapter again instead, handing over the checks that stopped it, with what
/// they stopped on: those are recorded as failed without running, so every
/// other check still gets its turn.
///
/// A check that fails while an exercise it calls fails too *waits for* that
/// exercise: it prints `◦ … waits for 7.1`, earns nothing and gives no hint of
/// its own, and its own exercise is not blamed. What it calls is its
/// exercise's `uses` and the check's own (for a check of no exercise, the
/// chapter's exercises and `needs`); failing are the exercises whose own checks failed
/// earlier in this run, and those the hand-off names (the runner's account of
/// earlier chapters).
@MainActor
public final class Chapter {
    public let info: ChapterInfo
    /// The package folder, found from the chapter's own source path.
    public let packageRoot: URL
    /// Where reports and figures go.
    public let outputFolder: URL
    private let recordURL: URL
    private var record: ChapterRecord
    /// Per exercise ("" for checks of none), the outcome of each visible check
    /// that waited for nothing: "passed", or the failure's `SlipFingerprint`.
    private var seen: [String: [String]] = [:]
    private let started = Date()
    /// Checks (by position) that stopped an earlier run, with the reason.
    private let stoppedChecks: [Int: String]
    /// Exercises whose checks were stopped in this run (a trap, an open or broken
    /// exercise they call), with the stop's message.
    private var stoppedExercises: [String: String] = [:]
    /// Output is held back until this check starts: an earlier run already printed it.
    private let quietUntil: Int
    private var replaying: Bool
    private var nextCheck = 0
    /// The grader's channel, when a grader runs this chapter (see `ResultChannel`).
    private let channel: ResultChannel?
    /// Exercises that fail their own checks or do not compile (number → what
    /// is wrong, "fails its own checks in chapter 7"), from earlier chapters and
    /// from this run's checks so far.
    private var failingExercises: [String: String]

    /// The seed of the hidden checks' inputs from the grader's hand-off; nil in
    /// a run that is not graded. For `HiddenChecks`, in this package only.
    package let hiddenSeed: UInt32?
    /// True in the grader's run of the hidden checks alone
    /// (`ChapterHandOff.hiddenChecksAlone`). For `HiddenChecks`, in this package only.
    package let runsHiddenChecksAlone: Bool

    /// Starts chapter `number` of the catalog. `file` locates the package.
    public init(_ number: Int, file: String = #filePath) {
        guard let info = Catalog.chapter(number) else {
            fatalError("there is no chapter \(number) in the catalog")
        }
        self.info = info
        // Chapters/NN-name/main.swift → the package folder.
        packageRoot = URL(fileURLWithPath: file).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let handOff: ChapterHandOff
        var channel: ResultChannel?
        do {
            handOff = try ChapterHandOff.receive() ?? ChapterHandOff()
            channel = try handOff.channel.map { try ResultChannel.connect($0, chapter: info.number) }
        } catch {
            Console.error("Chapter \(info.number) cannot start: \(error)")
            exit(ChapterRunner.cannotStartExitStatus)
        }
        self.channel = channel
        hiddenSeed = handOff.hiddenSeed
        runsHiddenChecksAlone = handOff.hiddenChecksAlone
        let environment = ProcessInfo.processInfo.environment
        outputFolder = environment["WORKBOOK_OUTPUT"].map { URL(fileURLWithPath: $0) }
            ?? packageRoot.appendingPathComponent("Output")
        recordURL = environment["WORKBOOK_RECORD"].map { URL(fileURLWithPath: $0) }
            ?? Chapter.defaultRecordURL(for: info, in: packageRoot)
        record = ChapterRecord(chapter: info.number, title: info.title)
        stoppedChecks = handOff.stoppedChecks
        quietUntil = handOff.quietUntil
        failingExercises = handOff.failingExercises
        replaying = !stoppedChecks.isEmpty
        // A run that resumes after a stop continues the first run's output.
        if stoppedChecks.isEmpty {
            Console.line(Console.bold("Chapter \(info.number) · \(info.title)"))
            sayWhichNeededExercisesAreOpen()
        }
        save()
    }

    /// Before any check: the exercises of earlier chapters this one calls that are still open.
    private func sayWhichNeededExercisesAreOpen() {
        let open = info.needs.filter { !isWritten($0) }.compactMap(ExerciseCatalog.exercise)
        guard !open.isEmpty else { return }
        let list = open.count <= 3
            ? open.map { "\($0.number) (\($0.name))" }.joined(separator: ", ")
            : open.map(\.number).joined(separator: ", ")
        say(Console.yellow("  This chapter uses exercise\(open.count == 1 ? "" : "s") \(list) of earlier chapters, still open: "
            + "the checks that need \(open.count == 1 ? "it" : "them") fail until \(open.count == 1 ? "it is" : "they are") written."))
    }

    /// Stops a chapter that cannot run any check while `exercises` are open (a
    /// chapter built on all the others): it says so and exits as an open exercise
    /// does, so that the chapter counts as waiting, not as failed.
    public func waitFor(_ exercises: [String]) -> Never {
        let open = exercises.compactMap(ExerciseCatalog.exercise).filter { !isWritten($0.number) }
        if let first = open.first {
            say("  This chapter runs once these exercises are written: \(open.map(\.number).joined(separator: ", ")).")
            // The same words as `exerciseNotDone`'s note, which the runner reads.
            Console.error("\n  ✎ Exercise \(first.number) (\(first.name)) is still open.\n")
        }
        save()
        exit(ChapterRunner.exerciseOpenExitStatus)
    }

    /// Those of `exercises` that fail their own checks, in course order: a
    /// chapter whose every result stands on them (chapter 10's search) waits
    /// for them instead of computing what cannot be right.
    public func failing(_ exercises: [String]) -> [String] {
        exercises.filter { failingExercises[$0] != nil }
    }

    /// Console output, held back while an earlier run's output is being replayed.
    private func say(_ text: String) {
        if !replaying { Console.line(text) }
    }

    /// Where a chapter run directly leaves its record, for `workbook list`.
    public nonisolated static func defaultRecordURL(for info: ChapterInfo, in packageRoot: URL) -> URL {
        packageRoot.appendingPathComponent(".build/workbook/\(info.slug).json")
    }

    /// A file in the package, e.g. `chapter.resource("Data/moons.csv")`.
    public func resource(_ relativePath: String) -> URL {
        packageRoot.appendingPathComponent(relativePath)
    }

    /// Runs one check: it passes when `body` returns and fails with the message
    /// of whatever it throws. `exercise` names the exercise it is about, so that
    /// progress can be counted per exercise and a failure can point at a hint.
    /// `uses` names what the check calls beyond its exercise and what that one
    /// uses (a count of a trained network calls 8.1's `fit`): while one of them
    /// fails its own checks, this check's failure waits for it.
    public func check(_ name: String, points: Int = 1, hidden: Bool = false, exercise: String? = nil,
                      uses: [String] = [], _ body: () throws -> Void) {
        let index = nextCheck
        if index >= quietUntil { replaying = false }
        var result: CheckResult
        var fingerprint: String?
        if let stop = stoppedChecks[index] {
            result = CheckResult(name: name, points: points, passed: false, message: stop, hidden: hidden,
                                 exercise: exercise)
            // A trap is an outcome too: a mutant's shapes that differ name its cause.
            fingerprint = SlipFingerprint.of(chapter: info.number, check: name, failure: CheckFailure(stop))
            if let exercise { stoppedExercises[exercise] = stoppedExercises[exercise] ?? stop }
        } else {
            record.currentCheck = index
            record.currentCheckName = name
            record.currentExercise = exercise
            save()
            channel?.begin(index, name: name)
            do {
                try body()
                result = CheckResult(name: name, points: points, passed: true, message: "", hidden: hidden,
                                     exercise: exercise)
            } catch {
                result = CheckResult(name: name, points: points, passed: false,
                                     message: String(describing: error), hidden: hidden, exercise: exercise)
                fingerprint = SlipFingerprint.of(chapter: info.number, check: name, failure: error)
            }
            record.currentCheck = nil
            record.currentCheckName = nil
            record.currentExercise = nil
        }
        let called = exercisesCalled(by: exercise, alsoCalling: uses)
        result.calls = called
        if !result.passed, let waited = waitedFor(by: result, calling: called) {
            result.waitsFor = waited
            // An open exercise's stop already says why ("needs Exercise 2.2 …, still open: write it in …").
            if let reason = failingExercises[waited] {
                let name = ExerciseCatalog.exercise(waited).map { " (\($0.name))" } ?? ""
                result.message = "waits for \(waited)\(name), which \(reason): fix it first; this check runs again then"
            }
        } else if !result.passed, let exercise, failingExercises[exercise] == nil,
                  !ChapterStop.namesOpenExercise(result.message) {
            // An open exercise is not failing: the checks that need it stop at it and say so.
            failingExercises[exercise] = "fails its own checks in chapter \(info.number)"
        }
        if !hidden, result.waitsFor == nil {
            // What the exercise's visible checks saw so far, this one included:
            // a cause is named only to code that agrees with its mutant on all of them.
            // Every failure has a fingerprint: from what it threw, or from the stop's message.
            seen[exercise ?? "", default: []].append(fingerprint ?? "\(name)\npassed")
            if !result.passed, !ChapterStop.namesOpenExercise(result.message) {
                let key = SlipFingerprint.joining(seen[exercise ?? ""] ?? [])
                result.fingerprint = key
                if !result.message.contains(likelyCause("")), let cause = SlipCauses.cause(for: key) {
                    result.message += "\n" + likelyCause(cause)
                }
            }
        }
        record.checks.append(result)
        channel?.send(result)
        save()
        // A check of the course's own setup (a seed, a split) runs none of the
        // learner's code, so it is worth nothing: it only says the ground is sound.
        let pointsText = points == 0 ? "setup, no points" : points == 1 ? "1 pt" : "\(points) pts"
        if result.passed {
            say("  \(Console.green("✓")) \(name)  \(Console.dim("(\(pointsText))"))")
        } else if let waited = result.waitsFor {
            say("  \(Console.dim("◦")) \(name)  \(Console.dim("(\(pointsText))")) waits for \(waited)")
            say(Console.dim("      " + result.message))
        } else {
            say("  \(Console.red("✗")) \(name)  \(Console.dim("(\(pointsText))"))")
            for line in result.message.split(separator: "\n") {
                say("      \(line)")
            }
            if let exercise, !hidden {
                say(Console.dim("      stuck? `./workbook hint \(exercise)`"))
            }
        }
        nextCheck += 1
    }

    /// The exercise a failed check waits for: the open or broken one that
    /// stopped it ("needs Exercise 7.1 …"), else the first, in course order, of
    /// those it calls (`exercisesCalled`) that fails its own checks. Nil when
    /// the failure is its own.
    private func waitedFor(by result: CheckResult, calling called: [String]) -> String? {
        if result.message.hasPrefix("needs Exercise ") {
            let needed = String(result.message.dropFirst("needs Exercise ".count).prefix { $0 != " " && $0 != "," })
            if needed != result.exercise { return needed }
        }
        return called.first { $0 != result.exercise && failingExercises[$0] != nil }
    }

    /// The exercises a check runs, in course order: its exercise's and the
    /// check's own `uses` with what they use, or for a check of no exercise,
    /// the chapter's exercises and needs as well.
    private func exercisesCalled(by exercise: String?, alsoCalling uses: [String]) -> [String] {
        let roots = exercise.map { [$0] + uses } ?? (info.exercises.map(\.number) + info.needs + uses)
        let called = Set(roots.flatMap { [$0] + ExerciseCatalog.calledExercises(of: $0) })
        return ExerciseCatalog.exercises.map(\.number).filter(called.contains)
    }

    /// True when every check so far passed: for closing notes that build on them.
    public var checksPassed: Bool { record.checks.allSatisfy(\.passed) }

    /// True when none of `exercises` is still open (their stub gone from the
    /// learner's file): for a chapter's closing notes and figures, which call
    /// the learner's code outside any check.
    /// An exercise left out of the build because it does not compile is
    /// written, though its stub stands in for it here: it is failing, not open.
    public func isWritten(_ exercises: String...) -> Bool {
        let source = ExerciseSource(packageRoot: packageRoot)
        return exercises.compactMap(ExerciseCatalog.exercise).allSatisfy {
            failingExercises[$0.number] != nil || !source.isOpen($0)
        }
    }

    /// Prints a line of the chapter's own output (results worth reading).
    public func note(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            say("  \(Console.dim("│")) \(line)")
        }
    }

    /// Draws a figure: `draw` writes a PNG to the URL it is given, which lies in
    /// the output's `figures` folder. A figure that fails to draw is reported,
    /// not fatal: the checks are what the chapter is about.
    /// `needs` lists the exercises the drawing calls: while one is open, or one
    /// of its checks failed in this run, the figure is skipped with a note
    /// rather than risk stopping the chapter outside its checks.
    /// `showingMistakes` draws it even when their checks failed, for a figure
    /// that shows the learner's own numbers beside the expected ones (chapters
    /// 4 and 7): only an open exercise, or a check stopped by a trap in one, keeps
    /// it from being drawn, and the note then gives the trap's message.
    public func figure(_ name: String, caption: String, needs exercises: [String] = [], showingMistakes: Bool = false,
                       _ draw: (URL) throws -> Void) {
        let relative = "figures/\(info.slug)-\(name).png"
        let open = exercises.filter { !isWritten($0) }
        if showingMistakes, open.isEmpty, let stop = exercises.lazy.compactMap({ self.stoppedExercises[$0] }).first {
            say("  \(Console.dim("▣")) figure \(relative) not drawn: \(stop)")
            return
        }
        // What the figure waits for: an open exercise, or the one a failed check
        // of it names as what it waits for, else that exercise itself.
        let waiting = showingMistakes ? open : exercises.compactMap { exercise -> String? in
            if !isWritten(exercise) { return exercise }
            guard let failed = record.checks.first(where: { $0.exercise == exercise && !$0.passed }) else { return nil }
            return failed.waitsFor ?? exercise
        }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        guard waiting.isEmpty else {
            say("  \(Console.dim("▣")) figure \(relative) waits for exercise \(waiting.joined(separator: ", ")) to pass its checks")
            return
        }
        let url = outputFolder.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try draw(url)
            record.figures.append(FigureRecord(path: relative, caption: caption))
            save()
            say("  \(Console.dim("▣")) figure: \(displayPath(url))")
        } catch {
            say("  \(Console.yellow("!")) could not draw \(relative): \(error)")
        }
    }

    /// `Output/figures/…` when it lies in the package, else the whole path.
    private func displayPath(_ url: URL) -> String {
        let root = packageRoot.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    /// Prints the summary, writes the final record and exits: 0 when every check
    /// passed, 1 otherwise.
    public func finish() -> Never {
        record.finished = true
        channel?.finish(checks: record.checks.count)
        save()
        let total = record.checks.count
        let passed = record.passedCount
        let points = ChapterPoints(chapter: info.number, record: record, manifest: CheckManifest.read(in: packageRoot))
        let summary = "\(passed) of \(total) checks passed · \(points.text)"
        Console.line(passed == total ? Console.green(summary) : Console.red(summary))
        if passed < total, let first = record.checks.first(where: { !$0.passed && $0.waitsFor == nil }) {
            Console.line("First to fix: \(first.name)")
        } else if let waited = record.checks.first(where: { !$0.passed })?.waitsFor {
            Console.line("First to fix: exercise \(waited), which these checks wait for")
        }
        exit(passed == total ? 0 : 1)
    }

    private func save() {
        record.seconds = Date().timeIntervalSince(started)
        do {
            try record.write(to: recordURL)
        } catch {
            Console.error("could not write the chapter record \(recordURL.path): \(error)")
        }
    }
}
