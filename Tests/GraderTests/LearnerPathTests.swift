import Foundation
import Testing
@testable import Grading
import Workbook

/// A learner's path through a fresh learner edition, run as the learner runs
/// it: the `workbook` command in the edition's folder, building the chapters
/// itself. One test, because every step builds on the one before and builds
/// are what cost time.
@Suite(.serialized)
struct LearnerPathTests {
    let edition: EditionPackage

    init() throws {
        edition = try EditionPackage.make(named: "learner-path")
    }

    @Test func aLearnersPathThroughTheEdition() throws {
        // The real total: every check of the reference run, and the hidden ones
        // the edition leaves out, as `workbook student` lists them.
        let reference = try edition.referenceRecords()
        var manifest = CheckManifest(records: reference)
        let hidden = try EditionPackage.instructorHiddenChecks()
        manifest.checks += hidden
        try manifest.jsonData().write(to: edition.package.appendingPathComponent(CheckManifest.relativePath))
        let graderOnly = HiddenCheckCatalog.checks.map(\.points).reduce(0, +)
        let maxPoints = reference.map(\.maxPoints).reduce(0, +) + hidden.map(\.points).reduce(0, +) + graderOnly
        #expect(!hidden.isEmpty && manifest.maxPoints == maxPoints)

        // Every chapter passes: the last next step is one the edition has a command for.
        let done = edition.workbook("list").output
        #expect(done.contains("Every chapter is done. Hand in the files in Sources/NeuralNetwork/"), "\(done)")
        #expect(!done.contains("workbook train"), "\(done)")

        try resetPutsEveryStubBackAndKeepsTheCode()

        // A fresh edition: the report runs, exits 0, and counts out of the real total.
        let report = edition.workbook("report")
        #expect(report.termination == .exit(0), "\(report.output.suffix(3000))")
        #expect(report.output.contains("0 of 17 exercises done"), "\(report.output.suffix(1500))")
        #expect(report.output.contains(" of \(maxPoints) points if the grader's checks agree")
                && report.output.contains("\(manifest.hiddenPoints) of the \(maxPoints) are in checks only the grader runs"),
                "\(report.output.suffix(1500))")
        firstScreenIsShortAndSaysWhatIsNext(report.output)

        try progressLasts()
        try hintsComeOneAtATime()
        try plantedMistakesFailTheirOwnCheck()
        try watchTurnsAChapterGreen()

        // Progress lives in the package, not in .build: 7.1, done under watch, stays done.
        #expect(edition.exerciseLine("7.1", in: edition.workbook("list").output)?.contains("done") == true)
        let clean = ProcessRunner.run(executable: URL(fileURLWithPath: "/usr/bin/env"),
                                      arguments: ["swift", "package", "clean"], currentDirectory: edition.package,
                                      timeout: 120)
        #expect(clean.termination == .exit(0))
        let list = edition.workbook("list")
        #expect(edition.exerciseLine("7.1", in: list.output)?.contains("done") == true, "\(list.output)")
        // 1.1 was changed after chapter 1 last ran: not counted until it runs again.
        #expect(edition.exerciseLine("1.1", in: list.output)?.contains("not run") == true, "\(list.output)")
    }

    /// A fresh edition's `make run` (the report): a screen, not a wall. It says
    /// where the learner stands, where the report is, and the next step (the
    /// exercise at its file and line, and the command); no check of the run.
    private func firstScreenIsShortAndSaysWhatIsNext(_ output: String) {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 40, "\(lines.count) lines:\n\(output)")
        // One line per chapter, none of the checks: they are in the report.
        #expect(lines.filter { $0.hasPrefix("  ○ ") || $0.hasPrefix("  ✓ ") || $0.hasPrefix("  ✗ ") }.count
                == Catalog.chapters.count, "\(output)")
        #expect(!output.contains("needs Exercise"), "\(output)")
        let opening = Catalog.chapters[0].exercises[0]
        let location = ExerciseSource(packageRoot: edition.package).location(of: opening)
        #expect(output.contains("Next: write Exercise \(opening.number) (\(opening.name)) at \(location), then `./workbook run 1`."),
                "\(output)")
        #expect(output.contains("Report: \(edition.package.appendingPathComponent("Output/index.md").path)"), "\(output)")
    }

    /// Every region filled from the reference, then reset: each file is the
    /// learner edition's again, and each backup holds the code that was there.
    private func resetPutsEveryStubBackAndKeepsTheCode() throws {
        for exercise in ExerciseCatalog.exercises {
            let before = try edition.region(exercise.number)
            let reset = edition.workbook("reset", exercise.number)
            #expect(reset.termination == .exit(0), "\(reset.output)")
            let backupPath = try #require(reset.output.split(separator: "\n").last { $0.contains(".workbook/backups/") }?
                .components(separatedBy: "saved in ").last?.dropLast())
            let backup = try String(contentsOf: edition.package.appendingPathComponent(String(backupPath)), encoding: .utf8)
            #expect(backup.contains(before.joined(separator: "\n")), "the backup of \(exercise.number) holds its code")
        }
        for file in Set(ExerciseCatalog.exercises.map(\.file)) {
            let now = try String(contentsOf: edition.package.appendingPathComponent(file), encoding: .utf8)
            let handedOut = try String(contentsOf: edition.fresh.appendingPathComponent(file), encoding: .utf8)
            #expect(now == handedOut, "\(file) after resetting every exercise")
        }
        let again = edition.workbook("reset", "1.1")
        #expect(again.output.contains("already open"))
    }

    /// Exercise 1.1 written: done, and still done after files are touched and
    /// other chapters run.
    private func progressLasts() throws {
        try edition.writeReference("1.1")
        let run = edition.workbook("run", "1")
        #expect(run.termination == .exit(0), "\(run.output)")
        #expect(run.output.contains("Next: chapter 2"), "\(run.output)")
        #expect(edition.exerciseLine("1.1", in: edition.workbook("list").output)?.contains("done") == true)

        try edition.touchEveryExerciseFile()
        _ = edition.workbook("run", "2")
        let list = edition.workbook("list")
        #expect(edition.exerciseLine("1.1", in: list.output)?.contains("done") == true, "\(list.output)")
        #expect(list.output.contains("1 of 17 exercises done"), "\(list.output)")
        #expect(list.output.contains("Next: write Exercise 2.1 (ReLU.derivative) at Sources/NeuralNetwork/Activation.swift:"),
                "\(list.output)")
    }

    private func hintsComeOneAtATime() throws {
        let first = edition.workbook("hint", "1.1")
        #expect(first.output.contains("Hint 1 of 3") && !first.output.contains("Hint 2 of 3"), "\(first.output)")
        let second = edition.workbook("hint", "1.1")
        #expect(second.output.contains("Hint 2 of 3") && !second.output.contains("Hint 3 of 3"), "\(second.output)")
        let typo = edition.workbook("hnit", "1.1")
        #expect(typo.termination != .exit(0) && typo.output.contains("Did you mean 'workbook hint'?"), "\(typo.output)")
    }

    private func plantedMistakesFailTheirOwnCheck() throws {
        // 2.1 wrong at z = 0, 2.2 still open: 2.1's failure is shown, and 2.2's checks fail on their own.
        try edition.write("2.1", ["z >= 0 ? 1 : 0"])
        let two = edition.workbook("run", "2")
        #expect(two.output.contains("relu′(0) should be 0, got 1"), "\(two.output)")
        #expect(two.output.contains("needs Exercise 2.2 (Sigmoid.derivative), still open"), "\(two.output)")
        #expect(two.output.contains("checks passed"), "the chapter's summary: \(two.output)")

        // 3.1 with W drawn inputs × neurons: the check fails with the shapes and the learner's line.
        try edition.write("3.1", [
            "let weights = generator.uniform(-1, 1, rows: inputs, columns: neurons)",
            "let biases = generator.uniform(-1, 1, rows: neurons, columns: 1)",
            "self.init(weights: weights, biases: biases, activation: activation)",
        ])
        let three = edition.workbook("run", "3")
        expectTidyStop(three, says: "W looks transposed; it must be neurons × inputs, 4×5", at: "Sources/NeuralNetwork/Layer.swift:")

        // The loop written but the stub left under it: a message that says to delete it.
        try edition.write("1.1", ["var z = 0.0", "for (w, xi) in zip(weights, x) { z += w * xi }",
                                  #"exerciseNotDone("1.1", "Neuron.weightedSum", chapter: 1)"#])
        let one = edition.workbook("run", "1")
        #expect(one.output.contains("still calls exerciseNotDone(…) beside your code"), "\(one.output)")
        #expect(one.output.contains("delete that line"), "\(one.output)")

        // 7.1 without the transpose in dW, on correct earlier exercises.
        for number in ["1.1", "2.1", "2.2", "3.1", "4.1", "4.2", "5.1", "6.1", "7.2"] { try edition.writeReference(number) }
        try edition.write("7.1", [
            "let dz = da ⊙ activation.derivative(weightedSums)", "let dW = dz * input",
            "let daPrev = weights.transposed * dz", "weights -= learningRate * dW", "biases -= learningRate * dz",
            "return daPrev",
        ])
        let seven = edition.workbook("run", "7")
        expectTidyStop(seven, says: "a .transposed missing on the right?", at: "Sources/NeuralNetwork/Layer.swift:")
        #expect(seven.output.contains("0 of 8 checks passed"), "\(seven.output)")
    }

    /// A trap in the learner's code: the failing check names it with the
    /// learner's line, the chapter reaches its summary, no register dump.
    private func expectTidyStop(_ run: ProcessRunner.Result, says message: String, at place: String,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = run.output.split(separator: "\n")
        #expect(run.output.contains(message), "\(run.output)", sourceLocation: sourceLocation)
        #expect(lines.contains { $0.contains(message) && $0.contains("(at \(place)") }, "\(run.output)", sourceLocation: sourceLocation)
        #expect(run.output.contains("checks passed"), "the summary: \(run.output)", sourceLocation: sourceLocation)
        #expect(lines.count < 40, "\(lines.count) lines: \(run.output)", sourceLocation: sourceLocation)
        #expect(!run.output.contains("Registers") && !run.output.contains("Backtracing"), "\(run.output)",
                sourceLocation: sourceLocation)
    }

    /// `workbook watch` in a terminal (tmux): chapter 7 fails, a save fixes it,
    /// the chapter turns green and watch moves on; q quits.
    private func watchTurnsAChapterGreen() throws {
        let session = "workbook-watch-\(ProcessInfo.processInfo.processIdentifier)"
        let tmux = Terminal(session: session)
        defer { tmux.kill() }
        try tmux.start("cd '\(edition.package.path)' && NO_COLOR=1 '\(edition.workbookBinary.path)' watch 7; echo watch-ended-$?; sleep 60")
        try tmux.waitFor("Watching Sources/NeuralNetwork/", timeout: 600)
        try edition.writeReference("7.1")
        try tmux.waitFor("Chapter 7 passes: on to chapter 8.", timeout: 600)
        try tmux.waitFor("Watching Sources/NeuralNetwork/", after: "on to chapter 8", timeout: 600)
        tmux.send("q")
        try tmux.waitFor("watch-ended-0", timeout: 30)
    }
}

/// A terminal in tmux, driven as a person would.
struct Terminal {
    let session: String

    func start(_ command: String) throws {
        guard run(["new-session", "-d", "-s", session, "-x", "200", "-y", "60", command]) == 0 else {
            throw CheckFailure("tmux could not start a session (is tmux installed? `make test` installs it)")
        }
    }

    func send(_ keys: String) { _ = run(["send-keys", "-t", session, keys]) }

    /// Everything the terminal shows and showed, through a file: tmux's server
    /// outlives the commands that talk to it, so no pipe is handed to them.
    var screen: String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(session).screen")
        defer { try? FileManager.default.removeItem(at: file) }
        guard run(["capture-pane", "-p", "-t", session, "-S", "-2000"], output: file.path) == 0 else { return "" }
        return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }

    /// Waits until the screen shows `text` (after `anchor`, when given).
    func waitFor(_ text: String, after anchor: String? = nil, timeout: Double) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let shown = screen
            let part = anchor.flatMap { shown.range(of: $0).map { String(shown[$0.upperBound...]) } } ?? (anchor == nil ? shown : "")
            if part.contains(text) { return }
            Thread.sleep(forTimeInterval: 0.5)
        }
        throw CheckFailure("the terminal never showed \"\(text)\":\n\(screen)")
    }

    func kill() { _ = run(["kill-session", "-t", session]) }

    /// `tmux ARGUMENTS…` with its output to `output` (or nowhere), and its exit status.
    private func run(_ arguments: [String], output: String = "/dev/null") -> Int32 {
        var actions: posix_spawn_file_actions_t = .init()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["tmux"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }
}
