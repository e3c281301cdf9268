import ArgumentParser
import Foundation
import Grading
import Workbook

/// `workbook student --output DIR`: the learner edition, to hand out.
struct StudentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "student",
        abstract: "Write the learner edition: solutions replaced by stubs, hidden checks removed.",
        discussion: """
            Every region between // BEGIN SOLUTION and // END SOLUTION becomes a call that \
            stops with the exercise's number and name and the chapter to read; everything \
            between // BEGIN HIDDEN TESTS and // END HIDDEN TESTS is removed. Build folders, \
            Output/ and version control are never copied, nor the workbook's own unit tests \
            (they test the solutions), the benchmarks or the instructors' guide; the edition \
            gets the learner's README and Makefile from docs/learner/. DIR must be new or empty.

            First it runs your chapters once, to list every check with its points in the \
            edition's Chapters/checks.json (hidden checks counted, not named): the learner's \
            summaries then count points out of the real total.

            Example: swift run workbook student --output ../neural-workbook-student
            """,
        shouldDisplay: Workspace.isInstructorCopy
    )

    @Option(help: "The folder to write the learner edition into; it must be new or empty.")
    var output: String

    func run() throws {
        let workspace = try Workspace()
        let destination = URL(fileURLWithPath: output).standardizedFileURL
        let checks = try referenceChecks(in: workspace)
        let summary: LearnerEdition.Summary
        do {
            summary = try LearnerEdition(source: workspace.root).write(to: destination, checks: checks)
        } catch let failure as LearnerEdition.Failure {
            Console.error("workbook student: \(failure)")
            throw ExitCode(2)
        } catch let error as MarkerError {
            Console.error("workbook student: a marker is out of place, nothing was written.\n  \(error)")
            throw ExitCode(2)
        }
        let files = Set(summary.exercises.map(\.file)).count
        Console.line("Wrote the learner edition to \(destination.path):")
        Console.line("  \(summary.exercises.count) exercises stubbed in \(files) files, "
            + "\(summary.hiddenBlocksRemoved) hidden-check blocks removed, "
            + "\(summary.testFilesLeftOut) unit-test files left out.")
        for (file, region) in summary.exercises {
            Console.line(Console.dim("    \(region.number.padding(toLength: 5, withPad: " ", startingAt: 0)) \(region.name)  (\(file))"))
        }
        let hidden = checks.checks.filter(\.hidden).count
        Console.line("  \(checks.checks.count) checks worth \(checks.maxPoints) points listed in \(CheckManifest.relativePath), "
            + "\(checks.hiddenPoints) of the points in \(hidden) hidden check\(hidden == 1 ? "" : "s").")
        Console.line("Try it: cd \(destination.path) && make run")
    }

    /// Every check of the reference solution with its points, from one quiet run of every chapter.
    private func referenceChecks(in workspace: Workspace) throws -> CheckManifest {
        Console.line(Console.dim("Running your chapters once to list every check and its points…"))
        // The reference must compile whole: a region left out would list too few checks.
        let build = workspace.buildChapters()
        guard build.succeeded, build.broken.isEmpty else { throw ExitCode.failure }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("workbook-student-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let runner = ChapterRunner(binFolder: try SwiftBuild(packageRoot: workspace.root).binFolder(),
                                   outputFolder: scratch, recordFolder: scratch, timeout: 600, echo: false)
        let runs = Catalog.chapters.map(runner.run)
        for run in runs where run.status != .passed {
            Console.line(Console.yellow("! chapter \(run.info.number) of your copy \(run.status.label): "
                + "its checks are listed as far as it ran"))
        }
        return CheckManifest(records: runs.compactMap(\.record))
    }
}
