import ArgumentParser
import Foundation
import Workbook

/// `workbook run N`: one chapter, rebuilt first so it runs the code as it is now.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Build and run one chapter.",
        discussion: "Example: `./workbook run 7` checks your Layer.backward."
    )

    @Argument(help: "The chapter's number, 1 to \(Catalog.chapters.count).")
    var chapter: Int

    @OptionGroup var options: RunOptions

    @Flag(help: ArgumentHelp("Run this chapter only, even when an exercise of an earlier chapter that it calls changed "
        + "since that chapter last ran (by default that chapter's checks run first, quietly, so this one knows "
        + "whether what it calls is right)."))
    var alone = false

    func validate() throws {
        guard Catalog.chapter(chapter) != nil else {
            throw ValidationError("there is no chapter \(chapter): the chapters are numbered 1 to \(Catalog.chapters.count)")
        }
    }

    func run() throws {
        let info = Catalog.chapter(chapter)!
        let workspace = try Workspace()
        let first = alone ? [] : workspace.chaptersToRunFirst(for: info)
        let build = workspace.buildChapters(first + [info])
        guard build.succeeded else { throw ExitCode.failure }
        let runner = try workspace.runner(timeout: options.timeout, build: build)
        workspace.runFirst(first, with: runner)
        let result = workspace.run(info, with: runner)
        if result.record?.finished != true {
            // The chapter stopped outside a check: say how far it got and why.
            let record = result.record
            let counts = record.flatMap { $0.checks.isEmpty ? nil : $0 }
                .map { " after \($0.passedCount) of \($0.checks.count) checks passed · "
                    + ChapterPoints(chapter: info.number, record: $0, manifest: workspace.manifest).text } ?? ""
            Console.line(Console.red("Chapter \(info.number) \(result.status.label)\(counts)"))
            if case .timedOut = result.status, let name = record?.currentCheckName {
                let exercise = record?.currentExercise.map { " (exercise \($0))" } ?? ""
                Console.line("  It was running the check \"\(name)\"\(exercise): a loop that never ends? "
                    + "`--timeout` sets the limit.")
            }
            if case .crashed = result.status {
                Console.line("  " + ChapterStop(output: result.output, packageRoot: workspace.root).message)
            }
        }
        workspace.warnAboutCodeOutsideRegions()
        Console.line(NextStep(workspace: workspace).after(result))
        if result.status != .passed { throw ExitCode.failure }
    }
}
