import ArgumentParser
import Foundation
import Grading
import Workbook

/// `workbook reset 7.1`: the stub back in one exercise's region, after the
/// learner's code is saved to a backup file. Nothing the learner wrote is lost.
struct ResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Put an exercise's stub back, after saving your code in it to a backup file.",
        discussion: """
            Only the lines between that exercise's BEGIN SOLUTION and END SOLUTION markers \
            change. What they held is saved first to .workbook/backups/, and the command \
            names the file, so you can copy your code back from it.

            Example: ./workbook reset 7.1
            """
    )

    @OptionGroup var exercise: ExerciseArgument

    func run() throws {
        let workspace = try Workspace()
        let info = try exercise.info
        let url = workspace.root.appendingPathComponent(info.file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ValidationError("cannot read \(info.file), where exercise \(info.number) lives")
        }
        let regions: [ExerciseRegion]
        do {
            regions = try ExerciseMarkers.exercises(in: text, file: info.file)
        } catch let error as MarkerError {
            throw ValidationError("the markers in \(error); put them back as they were before resetting")
        }
        guard let region = regions.first(where: { $0.number == info.number }) else {
            throw ValidationError("\(info.file) has no region for exercise \(info.number) (no `// Exercise \(info.number):` line above a BEGIN SOLUTION marker)")
        }
        // Split as the markers were read, so the region's line numbers fit.
        var lines = ExerciseMarkers.lines(of: text)
        let body = Array(lines[(region.beginLine + 1)..<region.endLine])
        let stub = region.indentation + ExerciseMarkers.stubCall(for: region)
        guard body != [stub] else {
            Console.line("Exercise \(info.number) is already open (only its stub is in the region); nothing to reset.")
            return
        }

        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
        let backup = workspace.root.appendingPathComponent(".workbook/backups/\(info.number)-\(stamp).swift")
        let header = "// Exercise \(info.number) (\(info.name)) as it was in \(info.file), lines \(region.beginLine + 2)–\(region.endLine), before `workbook reset`.\n"
        try AtomicFile.write(header + body.joined(separator: "\n") + "\n", to: backup)
        lines.replaceSubrange((region.beginLine + 1)..<region.endLine, with: [stub])
        try AtomicFile.write(lines.joined(separator: "\n"), to: url)

        Console.line("Exercise \(info.number) (\(info.name)) is open again at \(ExerciseSource(packageRoot: workspace.root).location(of: info)).")
        Console.line("Your code is saved in \(PackageFiles.relativePath(of: backup, under: workspace.root)).")
    }
}
