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
            (they test the solutions). DIR must be new or empty.

            Example: swift run workbook student --output ../neural-workbook-student
            """
    )

    @Option(help: "The folder to write the learner edition into; it must be new or empty.")
    var output: String

    func run() throws {
        let workspace = try Workspace()
        let destination = URL(fileURLWithPath: output).standardizedFileURL
        let summary: LearnerEdition.Summary
        do {
            summary = try LearnerEdition(source: workspace.root).write(to: destination)
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
        Console.line("Try it: cd \(destination.path) && swift run workbook")
    }
}
