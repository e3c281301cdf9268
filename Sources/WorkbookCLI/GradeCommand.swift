import ArgumentParser
import Foundation
import Grading
import Workbook

/// `workbook grade SUBMISSION...`: grade learners' work against this copy's checks.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade submissions: build and run every chapter with each learner's exercise files.",
        discussion: """
            A submission is a folder holding a learner's copy of the workbook or just the files \
            they edited (Activation.swift, Layer.swift, …, at any depth). Only those files are \
            taken from it; chapters and checks, hidden ones included, come from this copy.

            Writes OUTPUT/NAME/results.json (Gradescope's format) and OUTPUT/NAME/feedback.md per \
            submission, and OUTPUT/grades.csv, OUTPUT/summary.md, OUTPUT/class-overview.csv and \
            OUTPUT/class-pass-rates.png for the run. Builds are kept \
            in a work folder under the system's temporary directory, so later submissions and \
            later runs only recompile the network and the chapters.

            Bounds: a region may hold 60 lines and 4 KB (a bigger one is graded as open); the \
            learner's module type-checks an expression in at most 1 s (Package.swift); one build of \
            a submission may take 3 × the reference's build in the same run, at least 30 s and at \
            most --build-time-limit (180 s), and each compiler 512 MB of data. A build the compiler \
            crashes on, or that runs out of time or memory, is rebuilt with halves of the regions \
            stubbed (at most 5 extra builds) to name the region behind it, which is graded as open. \
            All builds of one submission take at most 4 × --build-time-limit, so the worst a \
            submission can take, after the reference run, is 4 × --build-time-limit + 10 × \
            --timeout: 22 min with the defaults (4 × 180 + 10 × 60 s); on Gradescope (30 s and 40 s) 520 s, under its \
            10 minutes.

            Example: swift run workbook grade submissions/* --output Output/grades --jobs 2
            """,
        shouldDisplay: Workspace.isInstructorCopy
    )

    @Argument(help: "Submission folders, one per learner.")
    var submissions: [String]

    @Option(help: "The folder for the reports (default: Output/grades in this package).")
    var output: String?

    @Option(help: "Seconds each chapter may run before it is stopped and graded as timed out: three quarters for its own checks, the rest (at least) for its hidden checks, which run alone.")
    var timeout: Double = 60

    @Option(help: "Submissions whose chapters run at once. Builds take turns in one build folder and overlap with the runs.")
    var jobs = 1

    @Option(help: "When learners see hidden checks on Gradescope: hidden (never) or after_published.")
    var hiddenVisibility: String = HiddenVisibility.hidden.rawValue

    @Option(help: "The work folder for builds (default: one in the system's temporary directory).")
    var workFolder: String?

    @Option(help: """
        How chapters run: auto (bubblewrap when it works here, otherwise an unprivileged user and resource \
        limits, with a warning), required (bubblewrap or no grading), off (resource limits only).
        """)
    var sandbox: String = SandboxMode.auto.rawValue

    @Option(help: "Compiler jobs at once (default: one per core). Under a memory limit, 1.")
    var buildJobs: Int?

    @Option(help: """
        The most seconds one build of a submission may take; within it, 3 × the reference's build, at least 30 s. \
        All of a submission's builds take at most 4 × this.
        """)
    var buildTimeLimit: Double = 180

    @Option(help: """
        The seed of the hidden checks' inputs (default: drawn for each run, and written in summary.md). \
        Give a run's seed to replay its hidden checks exactly.
        """)
    var hiddenSeed: UInt32?

    @Option(help: ArgumentHelp("With one submission: also write its results.json to this path, and one there even when grading fails (run_autograder on Gradescope).",
                               visibility: .hidden))
    var gradescopeResults: String?

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard buildTimeLimit > 0 else { throw ValidationError("--build-time-limit must be a positive number of seconds, got \(buildTimeLimit)") }
        if let buildJobs, buildJobs < 1 { throw ValidationError("--build-jobs must be at least 1, got \(buildJobs)") }
        if gradescopeResults != nil && submissions.count != 1 {
            throw ValidationError("--gradescope-results takes exactly one submission, got \(submissions.count)")
        }
        guard HiddenVisibility(rawValue: hiddenVisibility) != nil else {
            throw ValidationError("--hidden-visibility must be one of \(HiddenVisibility.allCases.map(\.rawValue).joined(separator: ", ")), got \(hiddenVisibility)")
        }
        guard SandboxMode(rawValue: sandbox) != nil else {
            throw ValidationError("--sandbox must be one of \(SandboxMode.allCases.map(\.rawValue).joined(separator: ", ")), got \(sandbox)")
        }
        var isFolder: ObjCBool = false
        for submission in submissions
        where !FileManager.default.fileExists(atPath: submission, isDirectory: &isFolder) || !isFolder.boolValue {
            throw ValidationError("\(submission) is not a folder: a submission is a folder with the learner's files")
        }
    }

    func run() throws {
        let workspace = try Workspace()
        let outputFolder = output.map { URL(fileURLWithPath: $0) } ?? workspace.outputFolder.appendingPathComponent("grades")
        var settings = GraderSettings(
            packageRoot: workspace.root, output: outputFolder.standardizedFileURL,
            timeout: timeout, jobs: jobs, hiddenVisibility: HiddenVisibility(rawValue: hiddenVisibility)!)
        settings.sandbox = SandboxMode(rawValue: sandbox)!
        if let workFolder { settings.workFolder = URL(fileURLWithPath: workFolder).standardizedFileURL }
        settings.buildJobs = buildJobs
        settings.buildTimeLimit = buildTimeLimit
        if let hiddenSeed { settings.hiddenCheckSeed = hiddenSeed }

        let started = Date()
        let run: GradingRun
        do {
            run = try Grader(settings: settings).grade(submissions.map { URL(fileURLWithPath: $0).standardizedFileURL }) {
                Console.line($0)
            }
        } catch {
            Console.error("workbook grade: \(error)")
            if let gradescopeResults {
                // Gradescope shows nothing useful without results.json, so the failure goes there too.
                try? AtomicFile.write(GradescopeResults(failure: "\(error)", seconds: Date().timeIntervalSince(started)).json(),
                                      to: URL(fileURLWithPath: gradescopeResults))
            }
            throw ExitCode.failure
        }
        if let gradescopeResults, let graded = run.submissions.first {
            let written = outputFolder.appendingPathComponent(graded.submission.reportFolder).appendingPathComponent("results.json")
            let destination = URL(fileURLWithPath: gradescopeResults)
            do {
                try AtomicFile.write(try Data(contentsOf: written), to: destination)
            } catch {
                Console.error("workbook grade: cannot write \(destination.path): \(error)")
                throw ExitCode.failure
            }
        }
        let average = run.submissions.isEmpty ? 0
            : Double(run.submissions.map(\.points).reduce(0, +)) / Double(run.submissions.count)
        Console.line(Console.bold("Graded \(run.submissions.count) submissions in \(String(format: "%.0f", run.seconds)) s, "
            + "average \(String(format: "%.1f", average)) points."))
        if let warning = run.sandboxWarning { Console.line(Console.yellow("WARNING: \(warning)")) }
        Console.line("Reports: \(outputFolder.path)/summary.md, grades.csv, class-overview.csv, and NAME/results.json, NAME/feedback.md.")
    }
}
