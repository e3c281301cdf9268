import Foundation
@testable import Grading
import Workbook

/// A learner edition in a folder that outlives the test (so that a second run
/// builds only what changed), with the `workbook` command built for it, and
/// ways to write exercises into it as a learner would.
struct EditionPackage {
    /// The package the learner works in.
    let package: URL
    /// A fresh copy of the edition, as handed out, to compare with.
    let fresh: URL
    let workbookBinary: URL

    static let instructor = GradingFixture.packageRoot

    static func make(named name: String) throws -> EditionPackage {
        let manager = FileManager.default
        let base = manager.temporaryDirectory.appendingPathComponent("neuralworkbook-\(name)")
        let fresh = base.appendingPathComponent("handed-out-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: fresh)
        try LearnerEdition(source: instructor).write(to: fresh)
        let package = base.appendingPathComponent("package")
        // Everything but the build folder starts over: sources, progress, report.
        for entry in (try? manager.contentsOfDirectory(atPath: package.path)) ?? [] where entry != ".build" {
            try manager.removeItem(at: package.appendingPathComponent(entry))
        }
        try manager.createDirectory(at: package, withIntermediateDirectories: true)
        for entry in try manager.contentsOfDirectory(atPath: fresh.path) {
            try manager.copyItem(at: fresh.appendingPathComponent(entry), to: package.appendingPathComponent(entry))
        }
        let resolved = instructor.appendingPathComponent("Package.resolved")
        if manager.fileExists(atPath: resolved.path) {
            try manager.copyItem(at: resolved, to: package.appendingPathComponent("Package.resolved"))
        }
        let tool = base.appendingPathComponent("tool")
        let build = ProcessRunner.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            arguments: ["swift", "build", "--product", "workbook", "--package-path", package.path,
                        "--scratch-path", tool.path],
            timeout: 1200)
        guard build.termination == .exit(0) else { throw CheckFailure("the edition's workbook did not build:\n\(build.output.suffix(3000))") }
        return EditionPackage(package: package, fresh: fresh, workbookBinary: tool.appendingPathComponent("debug/workbook"))
    }

    /// `workbook ARGUMENTS…` in the package, as the learner types it.
    func workbook(_ arguments: String...) -> ProcessRunner.Result {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        return ProcessRunner.run(executable: workbookBinary, arguments: arguments, environment: environment,
                                 currentDirectory: package, timeout: 1200)
    }

    /// Every exercise written from the reference, every chapter run: their records.
    func referenceRecords() throws -> [ChapterRecord] {
        for exercise in ExerciseCatalog.exercises { try writeReference(exercise.number) }
        let all = workbook("all")
        guard all.termination == .exit(0) else { throw CheckFailure("the reference did not pass:\n\(all.output.suffix(3000))") }
        let progress = Progress.read(in: package)
        return try Catalog.chapters.map { info in
            guard let entry = progress.current(info, in: package) else { throw CheckFailure("no record of chapter \(info.number)") }
            return entry.record
        }
    }

    /// The checks between the instructor's `// BEGIN HIDDEN TESTS` markers, which
    /// the edition leaves out, as the manifest lists them: counted, not named.
    static func instructorHiddenChecks() throws -> [CheckManifest.Entry] {
        let call = try Regex(#"chapter\.check\("[^"]*"(?:, points: (\d+))?"#)
        return try Catalog.chapters.flatMap { info -> [CheckManifest.Entry] in
            let text = try String(contentsOf: instructor.appendingPathComponent(info.sourcePath), encoding: .utf8)
            let reading = ExerciseMarkers.read(text)
            var entries: [CheckManifest.Entry] = []
            for line in reading.hiddenBlocks.flatMap({ reading.lines[$0] }) {
                guard let match = line.firstMatch(of: call) else { continue }
                let points = match.output[1].substring.flatMap { Int($0) } ?? 1
                entries.append(.init(chapter: info.number, name: "hidden check", points: points, exercise: nil, hidden: true))
            }
            return entries
        }
    }

    /// The lines of an exercise's region as the package holds them now.
    func region(_ number: String) throws -> [String] {
        let (lines, region) = try locate(number, in: package)
        return Array(lines[(region.beginLine + 1)..<region.endLine])
    }

    /// Puts the instructor's solution of `number` in its region.
    func writeReference(_ number: String) throws {
        let (lines, region) = try locate(number, in: Self.instructor)
        try replaceRegion(number, with: Array(lines[(region.beginLine + 1)..<region.endLine]))
    }

    /// Puts `code` (one statement a line, indented as the region) in the region of `number`.
    func write(_ number: String, _ code: [String]) throws {
        let (_, region) = try locate(number, in: package)
        try replaceRegion(number, with: code.map { region.indentation + $0 })
    }

    func touchEveryExerciseFile() throws {
        for file in Set(ExerciseCatalog.exercises.map(\.file)) {
            try FileManager.default.setAttributes([.modificationDate: Date()],
                                                  ofItemAtPath: package.appendingPathComponent(file).path)
        }
    }

    /// The line `workbook list` prints for an exercise.
    func exerciseLine(_ number: String, in output: String) -> String? {
        output.split(separator: "\n").map(String.init).first { $0.hasPrefix("        \(number) ") }
    }

    private func replaceRegion(_ number: String, with body: [String]) throws {
        let file = try fileURL(of: number, in: package)
        var (lines, region) = try locate(number, in: package)
        lines.replaceSubrange((region.beginLine + 1)..<region.endLine, with: body)
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    }

    private func fileURL(of number: String, in root: URL) throws -> URL {
        guard let info = ExerciseCatalog.exercise(number) else { throw CheckFailure("no exercise \(number)") }
        return root.appendingPathComponent(info.file)
    }

    private func locate(_ number: String, in root: URL) throws -> ([String], ExerciseRegion) {
        let url = try fileURL(of: number, in: root)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let region = try ExerciseMarkers.exercises(in: text, file: url.lastPathComponent)
            .first(where: { $0.number == number }) else { throw CheckFailure("no region \(number) in \(url.path)") }
        return (ExerciseMarkers.lines(of: text), region)
    }
}
