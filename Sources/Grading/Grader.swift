import Foundation
import Workbook

/// How a grading run works.
public struct GraderSettings: Sendable {
    /// The instructor's package: chapters, checks and hidden checks come from here.
    public var packageRoot: URL
    /// Where the reports go; the grader writes nowhere else but its work folder.
    public var output: URL
    /// Build folders reused between submissions and between runs.
    public var workFolder: URL
    /// Seconds each chapter may run: its own checks with three quarters of
    /// it, then its hidden checks alone with what is left (see `BuiltChapters.run`).
    public var timeout: Double
    /// The share of a chapter's time limit kept for its hidden checks' run.
    public static let hiddenChecksShare = 0.25
    /// Seconds the build of the grader's own copy may take: the first one in a
    /// new work folder builds everything (about a minute on two cores).
    public var referenceBuildTimeout: Double = 1200
    /// The most seconds one build of a submission may take (`--build-time-limit`).
    /// Within it, a build may take 3 × the reference's build in the same run, and
    /// no less than `minimumBuildTime`; all builds of one submission together take
    /// at most `SubmissionBuild.budgetFactor` times as long.
    public var buildTimeLimit: Double = 180
    /// Bytes of data each process of a build may take (`RLIMIT_DATA`), nil for no
    /// bound: 512 MB. Measured here (Swift 6.3.1, one compiler job): the largest
    /// process of a full build from scratch peaks at 254 MB resident, of a
    /// submission's rebuild at 145 MB; a 500 KB region took a compiler past
    /// 512 MB in 28 s and ended "out of memory". Gradescope's container has 768 MB.
    public var buildMemoryLimit: Int? = 512 << 20
    /// Variables set for every build; `SWIFT_EXEC` builds with another Swift compiler.
    public var buildEnvironment: [String: String] = [:]
    /// Submissions whose chapters run at once (builds take turns in one work slot).
    public var jobs: Int
    public var hiddenVisibility: HiddenVisibility
    public var configuration: String = "debug"
    /// Compiler jobs at once; nil for as many as there are cores (`SwiftBuild.jobs`).
    public var buildJobs: Int?
    /// How chapter runs are confined (`--sandbox`).
    public var sandbox: SandboxMode = .auto
    /// Resource limits of every chapter run.
    public var limits = ChapterLimits()
    /// The seed of the hidden checks' inputs (`HiddenChecks`): drawn afresh for each
    /// run, so a solution cannot be tuned to them, and reported so a run can be replayed.
    public var hiddenCheckSeed = UInt32.random(in: 1 ... .max)

    public init(packageRoot: URL, output: URL, workFolder: URL? = nil, timeout: Double = 60,
                jobs: Int = 1, hiddenVisibility: HiddenVisibility = .hidden) {
        self.packageRoot = packageRoot
        self.output = output
        self.workFolder = workFolder ?? GraderSettings.defaultWorkFolder(for: packageRoot)
        self.timeout = timeout
        self.jobs = max(1, jobs)
        self.hiddenVisibility = hiddenVisibility
    }

    /// Seconds a submission's build may take at the least: a reference build that
    /// found nothing to recompile (a warm work folder, as on Gradescope) takes
    /// about a second, and three would stop every submission. A submission's
    /// rebuild takes a few seconds at half a CPU.
    public static let minimumBuildTime: Double = 30

    /// Seconds one build of a submission may take, given the reference's build in
    /// this run: 3 × `referenceSeconds`, at least `minimumBuildTime`, at most
    /// `buildTimeLimit`.
    public func submissionBuildLimit(referenceSeconds: Double) -> Double {
        min(buildTimeLimit, max(Self.minimumBuildTime, 3 * referenceSeconds))
    }

    /// A folder in the system's temporary directory, one per grader package, so
    /// a second grading run starts from warm builds.
    public static func defaultWorkFolder(for packageRoot: URL) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("neuralworkbook-grader-" + StableHash.hex(packageRoot.standardizedFileURL.path))
    }
}

/// The outcome of a grading run.
public struct GradingRun: Sendable {
    public var reference: ReferenceChecks
    /// In the order the submissions were given.
    public var submissions: [GradedSubmission]
    public var referenceSeconds: Double
    public var seconds: Double
    /// How the chapters were confined, and the warning given when not enough.
    public var sandbox: String
    public var sandboxWarning: String?
}

/// Grades submissions against the instructor's copy of the workbook.
///
/// From each submission it takes only the files that hold exercises
/// (`Sources/NeuralNetwork/*.swift` with a `// BEGIN SOLUTION`), so chapters and
/// checks always come from the instructor. A reference run of the instructor's
/// own copy comes first: it lists every check with its points and warms the
/// build. Each submission is then assembled and built in the work slot, its
/// chapters run, and its `results.json` and `feedback.md` are written as soon
/// as it is done.
public struct Grader: Sendable {
    public var settings: GraderSettings

    public init(settings: GraderSettings) {
        self.settings = settings
    }

    public func grade(_ folders: [URL], progress: @escaping @Sendable (String) -> Void = { _ in }) throws -> GradingRun {
        let started = Date()
        let sandbox = try GraderSandbox.make(settings.sandbox, jobs: settings.jobs, limits: settings.limits)
        if let warning = sandbox.warning { progress("WARNING: \(warning)") }
        let users = JobUsers(sandbox: sandbox, jobs: settings.jobs)
        // Chapters run as users of their own, who must reach their folders: say so
        // now, rather than grade every chapter as recording nothing.
        if sandbox.user(forJob: 0) != nil {
            for folder in [settings.workFolder, settings.output] {
                if let blocked = GraderSandbox.firstUntraversable(onTheWayTo: folder) {
                    throw CheckFailure("the chapters run as another user, who cannot enter \(blocked.path) on the way to "
                        + "\(folder.path): allow it (chmod o+x \(blocked.path)) or choose a folder under /tmp")
                }
            }
        }
        let package = try GraderPackage(root: settings.packageRoot)
        try FileManager.default.createDirectory(at: settings.output, withIntermediateDirectories: true)
        let slot = try GraderSlot.acquire(1, in: settings.workFolder, configuration: settings.configuration)[0]
        slot.buildJobs = settings.buildJobs
        slot.buildMemoryLimit = settings.buildMemoryLimit
        slot.buildEnvironment = settings.buildEnvironment
        try? FileManager.default.removeItem(at: slot.runs)

        progress("Reference run of \(settings.packageRoot.path) (the first build takes a while)…")
        let referenceUser = users.take()
        let (reference, referenceSeconds, referenceBuildSeconds) = try referenceRun(package, in: slot, sandbox: sandbox,
                                                                                     user: referenceUser)
        users.give(back: referenceUser)
        let buildLimit = settings.submissionBuildLimit(referenceSeconds: referenceBuildSeconds)
        let maximum = reference.checks.values.joined().map(\.points).reduce(0, +)
        progress("Reference: \(reference.checks.values.joined().count) checks, \(maximum) points (\(String(format: "%.0f", referenceSeconds)) s, "
            + "its build \(String(format: "%.0f", referenceBuildSeconds)) s, so a submission's may take \(Int(buildLimit)) s).")
        for problem in reference.problems { progress("Warning: \(problem)") }
        if let silent = reference.checks.sorted(by: { $0.key < $1.key }).first(where: { $0.value.isEmpty }) {
            throw CheckFailure("the reference run recorded no checks in chapter \(silent.key), so no submission can be graded "
                + "against it (\(reference.problems.first ?? "see above")); nothing was graded")
        }

        // A pipeline: this thread builds one submission after another in the
        // slot; each built submission runs on a thread of its own, at most
        // `jobs` at once, and at most one more waits built.
        let submissions = Submission.named(folders)
        let results = GradedCollector(count: submissions.count)
        let running = DispatchSemaphore(value: settings.jobs)
        let waiting = DispatchSemaphore(value: settings.jobs + 1)
        let everyRun = DispatchGroup()
        for (index, submission) in submissions.enumerated() {
            waiting.wait()
            let built = build(submission, number: index + 1, in: slot, package: package, timeLimit: buildLimit)
            everyRun.enter()
            let thread = Thread {
                running.wait()
                let user = users.take()
                let graded = run(built, reference: reference, sandbox: sandbox, user: user, data: slot.package.appendingPathComponent("Data"))
                users.give(back: user)
                running.signal()
                built.chapters?.remove()
                let problem = writeReports(for: graded)
                let done = results.store(graded, at: index)
                progress(progressLine(graded, done: done, of: submissions.count) + (problem.map { "\n  \($0)" } ?? ""))
                waiting.signal()
                everyRun.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        everyRun.wait()

        let graded = results.all
        let seconds = Date().timeIntervalSince(started)
        let settingsText = "\(settings.jobs) job\(settings.jobs == 1 ? "" : "s"), \(Int(settings.timeout)) s per chapter, \(settings.configuration) build, \(sandbox.description), hidden checks' seed \(settings.hiddenCheckSeed)"
        try AtomicFile.write(GraderReports.csv(graded), to: settings.output.appendingPathComponent("grades.csv"))
        let overview = ClassOverview(graded)
        try AtomicFile.write(overview.csv, to: settings.output.appendingPathComponent("class-overview.csv"))
        // Drawn before the summary, which links the figure or says why it is missing.
        let figure = graded.isEmpty ? nil : overview.writePassRateFigure(in: settings.output)
        try AtomicFile.write(GraderReports.summary(graded, reference: reference, settings: settingsText, seconds: seconds,
                                                   sandboxWarning: sandbox.warning, figure: figure),
                             to: settings.output.appendingPathComponent("summary.md"))
        return GradingRun(reference: reference, submissions: graded, referenceSeconds: referenceSeconds, seconds: seconds,
                          sandbox: sandbox.description, sandboxWarning: sandbox.warning)
    }

    // MARK: - Parts

    /// The reference's checks, the seconds its run took, and those its build took.
    private func referenceRun(_ package: GraderPackage, in slot: GraderSlot, sandbox: GraderSandbox,
                              user: UInt32?) throws -> (ReferenceChecks, Double, Double) {
        let started = Date()
        try slot.assemble(package.files)
        let failures = slot.build(timeout: settings.referenceBuildTimeout)
        let buildSeconds = slot.lastBuildSeconds
        if let errors = failures.values.first {
            throw CheckFailure("the grader's own copy does not build, so nothing can be graded:\n\(errors)")
        }
        let chapters = try slot.takeBuiltChapters(into: slot.runs.appendingPathComponent("reference"), buildFailures: [:])
        sandbox.protect(workFolder: settings.workFolder, package: slot.package, build: slot.scratch, runs: slot.runs)
        defer { chapters.remove() }
        let runs = chapters.run(timeout: settings.timeout, sandbox: sandbox, user: user,
                                data: slot.package.appendingPathComponent("Data"), hiddenSeed: settings.hiddenCheckSeed,
                                expected: nil)
        return (ReferenceChecks(runs: runs), Date().timeIntervalSince(started), buildSeconds)
    }

    /// A submission built and waiting to run, or the reason it cannot.
    private struct BuiltSubmission: Sendable {
        var submission: Submission
        var files: SubmissionFiles
        var chapters: BuiltChapters?
        var failure: String?
        var buildSeconds: Double
    }

    /// Assembles a submission in the slot and builds it. Never throws: whatever
    /// goes wrong is that submission's grade, not the run's.
    private func build(_ submission: Submission, number: Int, in slot: GraderSlot, package: GraderPackage,
                       timeLimit: Double) -> BuiltSubmission {
        let started = Date()
        var files = SubmissionFiles.locate(package.exerciseFiles, in: submission.folder)
        if !FileManager.default.fileExists(atPath: submission.folder.path) {
            files.notes.append("the submission folder \(submission.folder.path) does not exist")
        }
        var assembled = package.files
        var bodyLines: [String: [String: Int]] = [:]
        for file in package.exerciseFiles {
            if let url = files.found[file], let contents = try? Data(contentsOf: url),
               let pristine = package.files[file] {
                // Only the region bodies are taken; everything around them is the instructor's.
                do {
                    let spliced = try SubmissionRegions.splice(pristine: String(decoding: pristine, as: UTF8.self),
                                                               submitted: String(decoding: contents, as: UTF8.self), file: file)
                    assembled[file] = Data(spliced.text.utf8)
                    bodyLines[file] = spliced.bodyLines
                    files.notes += spliced.problems.map(\.description)
                } catch {
                    assembled[file] = package.learnerFiles[file]
                    files.notes.append("\(file): \(error)")
                }
            } else {
                if files.found.removeValue(forKey: file) != nil {
                    files.missing.append(file)
                    files.notes.append("\(file): could not be read")
                }
                assembled[file] = package.learnerFiles[file]
            }
        }
        var built = BuiltSubmission(submission: submission, files: files, chapters: nil, failure: nil, buildSeconds: 0)
        do {
            let result = try SubmissionBuild(slot: slot, exerciseFiles: package.exerciseFiles, regionCount: package.regionCount,
                                             timeLimit: timeLimit).build(assembled, bodyLines: bodyLines)
            let failures = result.failures
            files.notes += result.problems.map(\.description)
            built.files = files
            built.chapters = try slot.takeBuiltChapters(into: slot.runs.appendingPathComponent("\(number)"), buildFailures: failures)
        } catch {
            built.failure = "the grader could not build the submission: \(error)"
        }
        built.buildSeconds = Date().timeIntervalSince(started)
        return built
    }

    private func run(_ built: BuiltSubmission, reference: ReferenceChecks, sandbox: GraderSandbox,
                     user: UInt32?, data: URL) -> GradedSubmission {
        let started = Date()
        let runs = built.chapters?.run(timeout: settings.timeout, sandbox: sandbox, user: user, data: data,
                                       hiddenSeed: settings.hiddenCheckSeed, expected: reference.checks) ?? Catalog.chapters.map {
            ChapterRun(info: $0, status: .didNotBuild(errors: built.failure ?? "not built"), record: nil, output: "", seconds: 0)
        }
        let chapters = ScoringRule.applied(to: runs.map { ChapterGrading.grade($0, against: reference.checks[$0.info.number] ?? []) })
        return GradedSubmission(submission: built.submission, chapters: chapters, files: built.files,
                                seconds: built.buildSeconds + Date().timeIntervalSince(started))
    }

    /// Writes `results.json` and `feedback.md`; returns a problem to report, if any.
    private func writeReports(for graded: GradedSubmission) -> String? {
        let folder = settings.output.appendingPathComponent(graded.submission.reportFolder)
        do {
            let results = GradescopeResults(graded, hiddenVisibility: settings.hiddenVisibility)
            try AtomicFile.write(try results.json(), to: folder.appendingPathComponent("results.json"))
            try AtomicFile.write(GraderFeedback.markdown(graded), to: folder.appendingPathComponent("feedback.md"))
            return nil
        } catch {
            return "could not write the reports of \(graded.submission.displayName): \(error)"
        }
    }

    private func progressLine(_ graded: GradedSubmission, done: Int, of total: Int) -> String {
        let stopped = graded.chapters.filter(\.stoppedEarly)
        var line = "[\(done)/\(total)] \(graded.submission.displayName): \(graded.points)/\(graded.maxPoints) points"
            + " (\(String(format: "%.0f", graded.seconds)) s)"
        if !stopped.isEmpty && stopped.allSatisfy({ $0.status.buildErrors != nil })
            && stopped.count == graded.chapters.filter(\.isGraded).count {
            line += ", did not build"
        } else if !stopped.isEmpty {
            line += ", " + stopped.map { "chapter \($0.info.number) \($0.status.label)" }.joined(separator: ", ")
        }
        return line
    }
}

/// The instructor's package as the grader uses it, read once.
struct GraderPackage: Sendable {
    /// Where the grader's builds hold a copy of the instructor's `Sources/NeuralNetwork`.
    static let referenceFolder = "Sources/ReferenceNetwork/"

    /// Package-relative path → contents of everything a build needs.
    let files: [String: Data]
    /// The files a submission provides: `Sources/NeuralNetwork/*.swift` with solutions.
    let exerciseFiles: [String]
    /// The learner edition of each exercise file, graded when a submission lacks it.
    let learnerFiles: [String: Data]
    /// How many exercise regions the exercise files hold.
    let regionCount: Int

    init(root: URL) throws {
        var files: [String: Data] = [:]
        var exerciseFiles: [String] = []
        var learnerFiles: [String: Data] = [:]
        var regionCount = 0
        for path in PackageFiles.list(in: root, entries: PackageFiles.buildEntries) {
            let contents = try Data(contentsOf: root.appendingPathComponent(path))
            files[path] = contents
            guard path.hasPrefix("Sources/NeuralNetwork/") else { continue }
            // The reference under a module name of its own, for the hidden checks
            // (Package.swift declares it, and them, when this folder exists).
            files[GraderPackage.referenceFolder + path.dropFirst("Sources/NeuralNetwork/".count)] = contents
            guard path.hasSuffix(".swift") else { continue }
            let text = String(decoding: contents, as: UTF8.self)
            if ExerciseMarkers.holdsSolutions(text) {
                exerciseFiles.append(path)
                let learner = try ExerciseMarkers.learnerVersion(of: text, file: path)
                learnerFiles[path] = Data(learner.text.utf8)
                regionCount += learner.exercises.count
            }
        }
        guard !exerciseFiles.isEmpty else {
            throw CheckFailure("\(root.path) has no exercises (no // BEGIN SOLUTION under Sources/NeuralNetwork): is it the instructor's copy?")
        }
        self.files = files
        self.exerciseFiles = exerciseFiles
        self.learnerFiles = learnerFiles
        self.regionCount = regionCount
    }
}

/// Hands each running submission a user of its own (see `GraderSandbox`), so
/// one submission's processes never count against, or are swept with, another's.
private final class JobUsers: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [UInt32?]

    init(sandbox: GraderSandbox, jobs: Int) {
        free = (0..<max(1, jobs)).map { sandbox.user(forJob: $0) }
    }

    func take() -> UInt32? {
        lock.lock()
        defer { lock.unlock() }
        return free.isEmpty ? nil : free.removeFirst()
    }

    func give(back user: UInt32?) {
        lock.lock()
        defer { lock.unlock() }
        free.append(user)
    }
}

/// Collects the grades as the runs finish.
private final class GradedCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var results: [GradedSubmission?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    /// Stores a grade and returns how many are done.
    func store(_ graded: GradedSubmission, at index: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        results[index] = graded
        done += 1
        return done
    }

    var all: [GradedSubmission] {
        lock.lock()
        defer { lock.unlock() }
        return results.compactMap { $0 }
    }
}
