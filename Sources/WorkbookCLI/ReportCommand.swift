import ArgumentParser
import Foundation
import Report
import Workbook

/// `workbook report`: every chapter, then the Markdown report of how they went.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run every chapter and write a Markdown report with its figures.",
        discussion: """
            Prints one line per chapter, then where you stand and what to do next; \
            `workbook run N` shows a chapter check by check. Writes index.md (each chapter's checks, points, time and figures) and one page per \
            chapter (its text and code, every check's result, its figures) into the output \
            folder; the chapters draw their figures into its figures/ folder. Other files in \
            the folder are left alone. Exits with status 1 when a chapter failed, crashed, timed \
            out or did not build (after writing the report that shows it); exercises not yet \
            written are not failures.
            """
    )

    @Option(help: "The folder to write the report into; created when missing. (default: Output/ in the package)")
    var output: String?

    @OptionGroup var options: RunOptions

    func validate() throws {
        guard let output else { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), !isFolder.boolValue {
            throw ValidationError("""
                --output \(output) is a file, but the report is a folder of pages and figures. \
                Name a folder instead (it is created if missing), e.g. --output Report/
                """)
        }
    }

    func run() throws {
        let workspace = try Workspace()
        let folder = output.map { URL(fileURLWithPath: $0) } ?? workspace.outputFolder
        // A short screen: where you stand and what to do next. Every check's
        // result is in the report, and `workbook run N` shows one chapter's.
        let runs = try runAllChapters(in: workspace, timeout: options.timeout, outputFolder: folder, echo: false)
        printSummary(runs, in: workspace, checksShown: false)

        let written = try ReportWriter(outputFolder: folder, packageRoot: workspace.root).write(runs)
        for link in written.unresolvedLinks {
            Console.line(Console.yellow("! a link in the report leads nowhere: \(link)"))
        }
        Console.line("Report: \(written.index.path) (every check, the chapters' text and their figures)")
        if runs.contains(where: \.isFailure) { throw ExitCode.failure }
    }
}
