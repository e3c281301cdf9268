import ArgumentParser
import Foundation
import Grading
import Workbook

/// The package the command works in, and the folders it reads and writes.
struct Workspace {
    let root: URL

    init() throws {
        guard let root = locatePackageRoot() else {
            throw ValidationError("run workbook inside the NeuralWorkbook package (no Package.swift with a Chapters/ folder here or above)")
        }
        self.root = root
    }

    /// True in the instructor's copy, false in a learner edition (which leaves
    /// out the instructors' guide): `--help` shows the instructor's and the
    /// benchmark commands only where they mean something.
    static let isInstructorCopy: Bool = {
        guard let root = locatePackageRoot() else { return true }
        return FileManager.default.fileExists(atPath: root.appendingPathComponent("docs/instructors.md").path)
    }()

    var outputFolder: URL { root.appendingPathComponent("Output") }
    var recordFolder: URL { root.appendingPathComponent(".build/workbook") }

    /// Builds the chapters (all, or those named), printing a line while it works.
    /// When the learner's code does not compile, the regions that hold the
    /// errors are left out of a copy of the package (`IsolatedBuild`), each named
    /// in a few lines, and the chapters are built from the copy: a compile error
    /// costs its own exercise and what uses it. When that cannot help (an error
    /// outside every region) prints a short account of why (`explainBuildFailure`).
    func buildChapters(_ chapters: [ChapterInfo] = Catalog.chapters) -> ChapterBuild {
        warnAboutOversizedRegions()
        Console.line(Console.dim("Building the chapters…"))
        let products = chapters.map(\.target)
        let outcome = SwiftBuild(packageRoot: root).build(products: products)
        guard !outcome.succeeded else { return ChapterBuild(outcome: outcome, binFolder: nil, broken: []) }
        guard let isolated = IsolatedBuild(packageRoot: root).build(products: products, after: outcome) else {
            explainBuildFailure(outcome, chapters: chapters)
            return ChapterBuild(outcome: outcome, binFolder: nil, broken: [])
        }
        for broken in isolated.broken {
            let name = ExerciseCatalog.exercise(broken.exercise).map { " (\($0.name))" } ?? ""
            Console.line(Console.red("✗ Exercise \(broken.exercise)\(name) does not compile (\(broken.place)): ") + broken.message)
            Console.line("  Every other exercise runs without it; `./workbook reset \(broken.exercise)` puts the stub back.")
        }
        if !isolated.outcome.succeeded { explainBuildFailure(isolated.outcome, chapters: chapters) }
        return ChapterBuild(outcome: isolated.outcome, binFolder: isolated.binFolder, broken: isolated.broken)
    }

    /// A few lines instead of a build log: the compiler's first errors with
    /// file, line and column, then which chapters cannot run until they are fixed.
    private func explainBuildFailure(_ outcome: SwiftBuild.Outcome, chapters: [ChapterInfo]) {
        let errors = outcome.errors
        // A crashing compiler's dump (registers, memory) helps no learner: one line instead.
        if errors.isEmpty, let breakdown = BuildBreakdown(outcome, timeLimit: SwiftBuild.defaultTimeout, memoryLimit: nil) {
            Console.line(Console.red(breakdown.summary))
            Console.line("The code you changed last is the likely cause: undo it, or write it another way.")
            return
        }
        guard !errors.isEmpty else {
            Console.line(Console.red("The build failed:"))
            Console.line(outcome.firstErrors)
            return
        }
        let shown = 3
        let noun = errors.count == 1 ? "error" : "errors"
        Console.line(Console.red("Your code does not compile yet (\(errors.count) \(noun)\(errors.count > shown ? ", the first \(shown)" : "")):"))
        for error in errors.prefix(shown) {
            Console.line("  " + error.formatted(relativeTo: outcome.packageRoot))
            // The exercise files import no math library on purpose.
            if error.message.contains("cannot find 'exp' in scope") || error.message.contains("cannot find 'log' in scope") {
                Console.line("    (in Sources/NeuralNetwork write Double.exp(x) and Double.log(x))")
            }
        }
        let relative = errors.map { $0.formatted(relativeTo: outcome.packageRoot) }
        // Every chapter links the network; a chapter's own file stops only that chapter.
        let blocked = relative.contains { $0.hasPrefix("Sources/") }
            ? chapters
            : chapters.filter { info in relative.contains { $0.hasPrefix(info.sourcePath) } }
        let which = blocked.count == chapters.count || blocked.isEmpty ? "No chapter can run"
            : (blocked.count == 1 ? "Chapter " : "Chapters ") + blocked.map { "\($0.number)" }.joined(separator: ", ")
                + " cannot run"
        Console.line("\(which) until the code compiles; `./workbook list` still shows where you stand.")
    }

    /// The earlier chapters whose exercises `info` calls and that changed since
    /// their chapter last ran: run first, so that `info`'s checks know whether
    /// what they call is right (`run`'s waiting checks).
    func chaptersToRunFirst(for info: ChapterInfo) -> [ChapterInfo] {
        let progress = Progress.read(in: root)
        let stale = Set(info.needs.compactMap(ExerciseCatalog.exercise)
            .filter { $0.chapter < info.number && progress.state(of: $0, in: root) == .notRun }.map(\.chapter))
        return Catalog.chapters.filter { stale.contains($0.number) }
    }

    /// Runs `chapters` without showing their checks, one line each: the earlier
    /// chapters a run needs an up-to-date account of.
    func runFirst(_ chapters: [ChapterInfo], with runner: ChapterRunner) {
        var quiet = runner
        quiet.echo = false
        for info in chapters {
            let changed = info.exercises.map(\.number).joined(separator: ", ")
            Console.line(Console.dim("Exercise \(changed) changed since chapter \(info.number) last ran: running its checks first…"))
            let run = self.run(info, with: quiet)
            Console.line(summaryRow(run, manifest: manifest))
        }
    }

    /// Runs one chapter and keeps its result in the package's progress file.
    /// Its checks that call an exercise failing in an earlier chapter wait for it.
    func run(_ info: ChapterInfo, with runner: ChapterRunner) -> ChapterRun {
        var runner = runner
        runner.failingExercises = Progress.read(in: root).failingExercises(in: root)
            .filter { (ExerciseCatalog.exercise($0.key)?.chapter ?? 0) < info.number }
            .merging(runner.brokenExercises.mapValues { "does not compile (\($0))" }) { $1 }
        var run = runner.run(info)
        // A chapter that ran fewer checks than it has (its file edited, say) has not passed.
        let expected = manifest?.checks.filter { $0.chapter == info.number && !$0.hidden }.count ?? 0
        if run.status == .passed, let ran = run.record?.checks.count, ran < expected {
            Console.line(Console.yellow("! Chapter \(info.number) ran \(ran) of its \(expected) checks: its file looks "
                + "changed. A chapter counts as passed only with every check it was handed out with."))
            run.status = .failed
        }
        // Stopped outside its checks while something it calls is wrong: say where to look.
        if run.status != .passed && run.status != .failed && run.status != .exerciseOpen,
           let waited = ExerciseCatalog.exercises.first(where: { info.needs.contains($0.number)
               && runner.failingExercises[$0.number] != nil }) {
            Console.line(Console.yellow("Chapter \(info.number) calls Exercise \(waited.number) (\(waited.name)), which "
                + "\(runner.failingExercises[waited.number]!): fix that first, then run this chapter again."))
        }
        var progress = Progress.read(in: root)
        progress.record(run, in: root)
        do {
            try progress.write(in: root)
        } catch {
            Console.error(Console.yellow("! could not save your progress in \(Progress.relativePath): \(error.localizedDescription)"))
        }
        return run
    }

    /// The checks manifest the learner edition ships, when there is one.
    var manifest: CheckManifest? { CheckManifest.read(in: root) }

    /// Warns, in a learner edition, about exercise files changed outside their
    /// regions: that code works here but is not part of what gets graded.
    func warnAboutCodeOutsideRegions() {
        guard let handedOut = manifest?.outsideRegions else { return }
        for file in ExerciseSource(packageRoot: root).filesChangedOutsideRegions(comparedWith: handedOut) {
            Console.line(Console.yellow("! \(file) was changed outside its solution regions. Only the code between "
                + "BEGIN SOLUTION and END SOLUTION is graded, so a helper or import written outside them will be "
                + "missing then: move it into the region (a nested func works there)."))
        }
    }

    /// Warns about each region bigger than the grader takes (`RegionSize`): it
    /// builds and runs here, but the grader refuses it and grades its exercise as open.
    func warnAboutOversizedRegions() {
        for path in PackageFiles.list(in: root, entries: ["Sources/NeuralNetwork"]) where path.hasSuffix(".swift") {
            guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8),
                  ExerciseMarkers.holdsSolutions(text) else { continue }
            for problem in RegionSize.oversizedRegions(in: text, file: path) {
                let exercise = problem.exercise.map { number in
                    "Exercise \(number)" + (ExerciseCatalog.exercise(number).map { " (\($0.name))" } ?? "")
                } ?? "A region"
                Console.line(Console.yellow("! \(exercise) at \(problem.file):\(problem.line): \(problem.problem). "
                    + "It runs here, but the grader takes at most \(RegionSize.maximumLines) lines and "
                    + "\(RegionSize.maximumBytes) bytes per region and grades a bigger one as open: shorten it."))
            }
        }
    }

    /// Runs what `build` built: the package's chapters, or the copy's when
    /// regions had to be left out, whose checks then say so.
    func runner(timeout: Double, outputFolder: URL? = nil, echo: Bool = true, build: ChapterBuild) throws -> ChapterRunner {
        var runner = ChapterRunner(binFolder: try build.binFolder ?? SwiftBuild(packageRoot: root).binFolder(),
                                   outputFolder: outputFolder ?? self.outputFolder,
                                   recordFolder: recordFolder, timeout: timeout, echo: echo, resumingIn: root)
        runner.brokenExercises = Dictionary(uniqueKeysWithValues: build.broken.map {
            ($0.exercise, "\($0.message) (at \($0.place))")
        })
        return runner
    }
}

/// The chapters as `Workspace.buildChapters` built them.
struct ChapterBuild {
    var outcome: SwiftBuild.Outcome
    /// Where they were built when not in the package's own build folder: the
    /// copy with broken regions left out.
    var binFolder: URL?
    /// The exercises left out because they do not compile.
    var broken: [IsolatedBuild.BrokenExercise]

    var succeeded: Bool { outcome.succeeded }
    var firstErrors: String { outcome.firstErrors }
}

/// Options every command that runs chapters takes.
struct RunOptions: ParsableArguments {
    @Option(help: "Seconds a chapter may run before it is stopped and reported as timed out (the slowest, chapter 10, takes about 10 s).")
    var timeout: Double = 60

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)") }
    }
}
