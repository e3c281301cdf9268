import Foundation
import Testing

/// Every shell command README shows in a `sh` block runs as written:
///
/// - `swift run [flags] workbook ARGS`: the flags must be ones `swift run --help`
///   lists, and the built `workbook` runs ARGS for real, in a scratch folder
///   holding a copy of `Data/` (so what a command writes lands there);
/// - `make TARGET`: make's own dry run, `make -n TARGET`, must succeed, and every
///   `swift` and `workbook` command it would run must use only flags that
///   command's `--help` lists (a release build and the benchmarks take minutes,
///   `make run` and `make test` are this very test run).
struct ReadmeCommandTests {
    struct Command: CustomTestStringConvertible, Sendable {
        /// README's line where the command starts.
        let line: Int
        let words: [String]
        var testDescription: String { "README.md:\(line): \(words.joined(separator: " "))" }
    }

    static let readme = Workbook.packageRoot.appendingPathComponent("README.md")

    /// The commands of README's `sh` blocks: comments cut, `\` continuations joined.
    static let commands: [Command] = {
        guard let text = try? String(contentsOf: readme, encoding: .utf8) else { return [] }
        var commands: [Command] = []
        var inShellBlock = false
        var pending: (line: Int, text: String)?
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            if raw.hasPrefix("```") {
                inShellBlock = !inShellBlock && raw == "```sh"
                continue
            }
            guard inShellBlock else { continue }
            let code = raw.components(separatedBy: " #").first!.trimmingCharacters(in: .whitespaces)
            guard !code.isEmpty, !code.hasPrefix("#") else { continue }
            let joined = (pending?.text ?? "") + " " + code
            if joined.hasSuffix("\\") {
                pending = (pending?.line ?? index + 1, String(joined.dropLast()))
            } else {
                commands.append(Command(line: pending?.line ?? index + 1,
                                        words: joined.split(separator: " ").map(String.init)))
                pending = nil
            }
        }
        return commands
    }()

    @Test func readmeShowsCommandsToRun() {
        #expect(Self.commands.count >= 5, "found \(Self.commands.map(\.testDescription))")
        #expect(Self.commands.contains { $0.words.first == "make" })
        #expect(Self.commands.contains { $0.words.first == "swift" })
    }

    /// Commands named in the prose (`workbook train --data FILE.csv`, `swift run
    /// workbook hint 1.1`) hold placeholders, so they are not run; each must name
    /// a subcommand that exists and only options its `--help` lists.
    @Test func commandsInTheProseNameRealSubcommandsAndOptions() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let spans = text.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let mentions = Set(spans.compactMap { span -> [String]? in
            let words = span.split(separator: " ").map(String.init)
            guard let start = words.firstIndex(of: "workbook"), words.prefix(start).allSatisfy({ ["swift", "run"].contains($0) }),
                  start + 1 < words.count, !words[start + 1].hasPrefix("-") else { return nil }
            return Array(words[(start + 1)...].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) })
        })
        #expect(mentions.count >= 10, "found \(mentions)")
        for words in mentions.sorted(by: { $0.joined() < $1.joined() }) {
            let help = try Workbook.run([words[0], "--help"])
            #expect(help.status == 0, "README names `workbook \(words[0])`, which is no subcommand: \(help.standardError)")
            for flag in words.dropFirst() where flag.hasPrefix("--") && flag != "--help" {
                #expect(help.standardOutput.contains(flag + " ") || help.standardOutput.contains(flag + "\n"),
                        "README names `workbook \(words.joined(separator: " "))`; its help lists no \(flag)")
            }
        }
    }

    @Test(arguments: commands)
    func runsAsWritten(_ command: Command) throws {
        switch command.words.first {
        case "swift":
            try runSwiftRun(command)
        case "make":
            try dryRunMake(command)
        default:
            Issue.record("\(command.testDescription): the test knows how to run `swift run` and `make` commands only")
        }
    }

    /// `swift run [flags] workbook ARGS`.
    private func runSwiftRun(_ command: Command) throws {
        let words = command.words
        try #require(words.count > 2 && words[1] == "run", "\(command.testDescription): only `swift run` is known")
        let product = try #require(words.firstIndex(of: "workbook"), "\(command.testDescription) runs no workbook")
        try expectFlags(Array(words[2..<product]), areListedBy: ["swift", "run", "--help"], in: command)

        let scratch = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.copyItem(at: Workbook.packageRoot.appendingPathComponent("Data"),
                                         to: scratch.appendingPathComponent("Data"))
        // Commands that build on an earlier one's files (predict reads train's model) run after it.
        for earlier in Self.commands.prefix(while: { $0.line < command.line }) where earlier.words.contains("--save") {
            let earlierWords = earlier.words
            let start = try #require(earlierWords.firstIndex(of: "workbook"))
            _ = try Workbook.run(Array(earlierWords[(start + 1)...]), in: scratch)
        }
        let arguments = Array(words[(product + 1)...])
        let result = try Workbook.run(arguments, in: scratch)
        #expect(result.status == 0, "\(command.testDescription) exited \(result.status): \(result.standardError.suffix(800))")
        if let output = arguments.firstIndex(of: "--output").map({ arguments[$0 + 1] }), arguments.first == "data" {
            // The shipped data set is what README's command makes.
            let made = try Data(contentsOf: scratch.appendingPathComponent(output))
            let name = URL(fileURLWithPath: output).lastPathComponent
            let shipped = try Data(contentsOf: Workbook.packageRoot.appendingPathComponent("Data/\(name)"))
            #expect(made == shipped, "\(command.testDescription) does not make the shipped \(output)")
        }
    }

    /// `make TARGET`: make's dry run, and the flags of what it would run.
    private func dryRunMake(_ command: Command) throws {
        let make = try run(["make", "-n"] + command.words.dropFirst(), in: Workbook.packageRoot)
        #expect(make.status == 0, "\(command.testDescription): `make -n` failed: \(make.output.suffix(800))")
        for line in make.output.split(separator: "\n").map(String.init) {
            let words = line.split(separator: " ").map(String.init)
            if words.first == "swift", words.count > 1, ["build", "run", "test"].contains(words[1]) {
                let flags = words.dropFirst(2).prefix { !$0.hasPrefix("$") }
                try expectFlags(Array(flags), areListedBy: ["swift", words[1], "--help"], in: command)
            } else if let tool = words.first, tool.hasSuffix("/workbook\""), words.count > 1 {
                try expectFlags(Array(words.dropFirst(2)), areListedBy: [words[1], "--help"], workbook: true, in: command)
            }
        }
    }

    /// Every `-x`/`--xyz` of `flags` appears in the help that `help` prints.
    private func expectFlags(_ flags: [String], areListedBy help: [String], workbook: Bool = false,
                             in command: Command) throws {
        let printed = workbook ? try Workbook.run(help).standardOutput
                               : try run(help, in: Workbook.packageRoot).output
        for flag in flags where flag.hasPrefix("-") {
            let name = flag.split(separator: "=").first.map(String.init) ?? flag
            // "  --epochs <epochs>", "  --show-bin-path   Print…", "  --static-swift-stdlib/--no-…", "-c, --configuration"
            let listed = [" ", ",", "/", "\n"].contains { printed.contains(name + $0) }
            #expect(listed,
                    "\(command.testDescription): `\(help.dropLast().joined(separator: " "))` has no option \(name)")
        }
    }

    private func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
