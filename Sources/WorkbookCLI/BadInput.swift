import ArgumentParser
import Foundation
import Workbook

/// Input a command cannot work with: a bad option value, a data or model file
/// that does not fit. The message names what is wrong and where, in one line.
struct BadInput: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    /// The exit status for bad input, as grep, diff and Python's argparse use.
    static let exitStatus: Int32 = 2

    /// Prints `Error: <message>` as one line on standard error and gives the
    /// error that ends the command with status 2.
    static func report(_ message: String) -> ExitCode {
        Console.error("Error: " + message.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: " "))
        return ExitCode(exitStatus)
    }
}

/// Commands whose command-line mistakes (an unknown option, a value that is not
/// a number, a missing `--data`) should read like their other bad input: one
/// line, exit status 2. The other commands keep ArgumentParser's usage screen
/// and its status 64.
let commandsReportingBadInputInOneLine: Set<String> = ["train", "predict", "plot", "bench"]

extension WorkbookCommand {
    /// The names `workbook` answers to.
    static var commandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName }
    }

    /// The names `--help` shows here (a learner edition hides the instructor's).
    static var shownCommandNames: [String] {
        configuration.subcommands.filter { $0.configuration.shouldDisplay }.compactMap { $0.configuration.commandName }
    }

    /// For a first argument that is neither an option nor a command: "did you
    /// mean" and the list of commands. Without this, ArgumentParser hands the word
    /// to the default command, `all`, which blames itself.
    static func unknownCommand(_ word: String) -> String? {
        guard !word.hasPrefix("-"), !commandNames.contains(word), word != "help" else { return nil }
        let closest = shownCommandNames.map { ($0, editDistance($0, word)) }.min { $0.1 < $1.1 }
        var lines = ["Error: '\(word)' is not a workbook command."]
        if let (name, distance) = closest, distance <= max(2, word.count / 3) {
            lines.append("Did you mean 'workbook \(name)'?")
        }
        lines.append("The commands: " + shownCommandNames.joined(separator: ", ") + ". See 'workbook --help'.")
        return lines.joined(separator: "\n")
    }

    /// Levenshtein distance, counting a swap of two neighbours as one edit ("lsit" → "list").
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    /// `ParsableCommand.main()` with one change: for the commands above, an
    /// error in the command line itself is reported as one line with status 2.
    /// (Should the root command become an `AsyncParsableCommand`, this becomes
    /// `static func main() async` and calls `run() async`.)
    static func main() {
        RunningChildren.stopThemOnInterrupt()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let unknown = unknownCommand(first) {
            Console.error(unknown)
            Foundation.exit(64)
        }
        do {
            var command = try parseAsRoot(arguments)
            // The dry mode README's test runs long commands in: the command line is parsed
            // and validated exactly as for a real run (commands, options, values), then
            // nothing runs.
            if ProcessInfo.processInfo.environment["WORKBOOK_PARSE_ONLY"] == "1" {
                print("parsed: \(type(of: command).configuration.commandName ?? "workbook")")
                Foundation.exit(0)
            }
            try command.run()
        } catch {
            if let name = arguments.first, commandsReportingBadInputInOneLine.contains(name),
               exitCode(for: error) == .validationFailure {
                var text = message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.hasSuffix(".") && !text.hasSuffix("?") { text += "." }
                let code = BadInput.report("\(text) See 'workbook \(name) --help'.")
                Foundation.exit(code.rawValue)
            }
            exit(withError: error)
        }
    }
}
