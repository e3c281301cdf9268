import ArgumentParser
import Foundation
import Workbook

/// `workbook hint 7.1`: one more hint each time it is asked, up to three.
struct HintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hint",
        abstract: "Show the next hint for an exercise (three each, from a nudge to nearly the answer).",
        discussion: """
            The first call gives the first hint; each call after it adds the next, until the \
            third. The hints you have seen are kept in .workbook/hints.json, so they stay \
            shown after you close the terminal.

            Example: ./workbook hint 7.1
            """
    )

    @OptionGroup var exercise: ExerciseArgument

    func run() throws {
        let workspace = try Workspace()
        let info = try exercise.info
        let file = workspace.root.appendingPathComponent(".workbook/hints.json")
        var shown = (try? JSONDecoder().decode([String: Int].self, from: Data(contentsOf: file))) ?? [:]
        let count = min((shown[info.number] ?? 0) + 1, info.hints.count)
        shown[info.number] = count
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try? AtomicFile.write(try encoder.encode(shown), to: file)

        Console.line(Console.bold("\(info.title)") + Console.dim("  \(ExerciseSource(packageRoot: workspace.root).location(of: info))"))
        for (index, hint) in info.hints.prefix(count).enumerated() {
            let label = "Hint \(index + 1) of \(info.hints.count):"
            let text = "  \(label) \(hint)"
            Console.line(index == count - 1 ? text : Console.dim(text))
        }
        Console.line(Console.dim(count < info.hints.count
            ? "Ask again for the next: ./workbook hint \(info.number)"
            : "That was the last hint. Chapter \(info.chapter)'s prose (\(Catalog.chapter(info.chapter)?.sourcePath ?? "")) works it through too."))
    }
}

/// The exercise `hint` and `reset` act on, read from the command line, with
/// suggestions when it names none.
struct ExerciseArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The exercise, e.g. 7.1 (see `workbook list`).", valueName: "exercise"))
    var number: String

    func validate() throws {
        _ = try info
    }

    /// The exercise named, or a `ValidationError` that says which exist.
    var info: ExerciseInfo {
        get throws { try Self.resolve(number) }
    }

    private static func resolve(_ text: String) throws -> ExerciseInfo {
        if let info = ExerciseCatalog.exercise(text) { return info }
        let numbers = ExerciseCatalog.exercises.map(\.number)
        var message = "there is no exercise \(text)"
        if let chapter = Int(text), let info = Catalog.chapter(chapter) {
            let own = info.exercises.map(\.number)
            message += own.isEmpty ? ": chapter \(chapter) has no exercise of its own"
                : ": did you mean \(own.map { "'\($0)'" }.joined(separator: " or "))?"
        } else {
            message += "; the exercises are \(numbers.joined(separator: ", "))"
        }
        throw ValidationError(message)
    }
}
