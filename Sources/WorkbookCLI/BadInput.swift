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
let commandsReportingBadInputInOneLine: Set<String> = ["train", "predict", "bench"]

extension WorkbookCommand {
    /// `ParsableCommand.main()` with one change: for the commands above, an
    /// error in the command line itself is reported as one line with status 2.
    /// (Should the root command become an `AsyncParsableCommand`, this becomes
    /// `static func main() async` and calls `run() async`.)
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
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
