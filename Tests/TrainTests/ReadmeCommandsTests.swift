import Foundation
import Testing

/// Every shell command in README.md runs as written: the lines of its `sh` blocks are
/// taken out and run. Quick `workbook` commands (train, predict, plot, data) run for
/// real, in order, in a scratch folder holding copies of the files they read. Long ones
/// (chapters, grading, benchmarks) run in `workbook`'s dry mode (`WORKBOOK_PARSE_ONLY=1`),
/// which parses and validates the command line as a real run would and stops there;
/// `make` targets run as `make -n`, and every `swift` command, in README or printed by
/// make, must use only options its own `--help` lists. A wrong option fails either way.
struct ReadmeCommandsTests {
    /// `workbook` commands quick enough to run for real.
    static let runForReal: Set<String> = ["train", "predict", "plot", "data"]

    /// README's shell command lines, continuation lines joined and trailing comments removed.
    static func commands(in readme: String) -> [String] {
        var commands: [String] = []
        var inBlock = false
        var pending = ""
        for rawLine in readme.components(separatedBy: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") {
                inBlock = !inBlock && ["```sh", "```shell", "```bash"].contains(line)
                continue
            }
            guard inBlock, !line.isEmpty, !line.hasPrefix("#") else { continue }
            var text = line
            if let comment = text.range(of: #"\s+#\s.*$"#, options: .regularExpression) { text.removeSubrange(comment) }
            if text.hasSuffix("\\") {
                pending += String(text.dropLast()).trimmingCharacters(in: .whitespaces) + " "
                continue
            }
            commands.append(pending + text)
            pending = ""
        }
        return commands
    }

    /// Splits a command line as the shell would: spaces separate words, quotes group and go.
    static func words(_ command: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var depth = 0
        var inWord = false
        for character in command {
            if let open = quote {
                if character == open && depth == 0 { quote = nil } else {
                    if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
                    current.append(character)
                }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// What `swift <subcommand> --help` lists, asked once per subcommand.
    nonisolated(unsafe) static var helpTexts: [String: String] = [:]
    static let helpLock = NSLock()

    static func help(of subcommand: String) throws -> String {
        helpLock.lock()
        defer { helpLock.unlock() }
        if let text = helpTexts[subcommand] { return text }
        let text = try shell(["swift", subcommand, "--help"], in: Workbook.packageRoot).output
        helpTexts[subcommand] = text
        return text
    }

    /// Fails for an option of `swift build|run|test` that its help does not list.
    static func checkSwift(_ words: [String], in command: String) throws {
        guard words.count >= 2, words[0] == "swift", ["build", "run", "test"].contains(words[1]) else {
            Issue.record("not a swift build/run/test command: \(command)")
            return
        }
        let help = try help(of: words[1])
        // For `swift run`, the options come before the executable's name; the rest are its own.
        var options: [String] = []
        var index = 2
        while index < words.count {
            let word = words[index]
            if word.hasPrefix("-") {
                options.append(String(word.split(separator: "=")[0]))
                if ["-c", "--configuration", "--product", "--filter", "--skip", "--scratch-path"].contains(word) { index += 1 }
            } else if words[1] == "run" {
                break
            }
            index += 1
        }
        for option in options {
            let listed = help.range(of: "(^|[\\s,/])" + NSRegularExpression.escapedPattern(for: option) + "([\\s,/=<]|$)",
                                    options: .regularExpression) != nil
            #expect(listed, "`swift \(words[1])` has no option \(option) (README: \(command))")
        }
    }

    /// Runs `workbook` with `arguments`: for real in `folder` when quick, else in dry mode.
    static func runWorkbook(_ arguments: [String], in folder: URL, command: String) throws {
        let real = arguments.first.map(runForReal.contains) ?? false
        let result = try Workbook.run(arguments, in: real ? folder : Workbook.packageRoot,
                                      environment: real ? [:] : ["WORKBOOK_PARSE_ONLY": "1"])
        #expect(result.status == 0, "README: \(command)\n\(result.standardError)")
        if !real { #expect(result.standardOutput.hasPrefix("parsed: "), "README: \(command) did not parse: \(result.standardOutput)") }
    }

    /// One README command, run or checked.
    static func check(_ command: String, in folder: URL) throws {
        let words = words(command)
        if words.first == "make" {
            let dry = try shell(["make", "-n"] + words.dropFirst(), in: Workbook.packageRoot)
            #expect(dry.status == 0, "README: \(command): make -n says \(dry.output)")
            for line in dry.output.components(separatedBy: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("swift ") || trimmed.hasPrefix("\"$(swift ") {
                    try check(trimmed, in: folder)
                }
            }
        } else if words.count >= 2, words[0] == "swift", words[1] == "run" {
            try checkSwift(words, in: command)
            guard let executable = words.firstIndex(of: "workbook") else {
                Issue.record("README runs something other than workbook: \(command)")
                return
            }
            try runWorkbook(Array(words[(executable + 1)...]), in: folder, command: command)
        } else if words.first == "swift" {
            try checkSwift(words, in: command)
        } else if let first = words.first,
                  let match = first.range(of: #"^\$\((swift [^)]*)\)/workbook$"#, options: .regularExpression) {
            let inner = String(first[match].dropFirst(2).dropLast("/workbook".count + 1))
            #expect(inner.contains("--show-bin-path"), "README: \(command) runs workbook from a folder not asked of swift build")
            try checkSwift(Self.words(inner), in: command)
            try runWorkbook(Array(words.dropFirst()), in: folder, command: command)
        } else if words.first == "./workbook" {
            // The script that starts the built tool: README's way to run a chapter after an edit.
            let script = Workbook.packageRoot.appendingPathComponent("workbook")
            #expect(FileManager.default.isExecutableFile(atPath: script.path), "README: \(command): ./workbook is missing")
            try runWorkbook(Array(words.dropFirst()), in: folder, command: command)
        } else {
            Issue.record("README has a command this test cannot check; teach it how: \(command)")
        }
    }

    @Test func everyShellCommandInReadmeRunsAsWritten() throws {
        let readme = try String(contentsOf: Workbook.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let commands = Self.commands(in: readme)
        #expect(commands.count >= 10, "README's sh blocks hold \(commands.count) commands")
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The files the commands read, copied so that what they write stays in the scratch folder.
        for path in ["Data", "Tests/TrainTests/Fixtures"] {
            let target = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Workbook.packageRoot.appendingPathComponent(path), to: target)
        }
        for command in commands { try Self.check(command, in: folder) }
    }

    @Test func theCheckCatchesAWrongOption() throws {
        // The command README once had: `swift run` has no --static-swift-stdlib.
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wrong = ["swift run -c release --static-swift-stdlib workbook bench", "swift run workbook train --dta x.csv",
                     "swift run workbook bench --epoch 3"]
        for command in wrong {
            // Each must record an issue: a known issue that is not recorded fails this test.
            withKnownIssue("README: \(command)") { try Self.check(command, in: folder) }
        }
        #expect(Self.commands(in: "```sh\nmake bench   # both\nswift run workbook \\\n  list\n```\n") == ["make bench", "swift run workbook list"])
        #expect(Self.words(#""$(swift build -c release --show-bin-path)/workbook" bench"#)
                == ["$(swift build -c release --show-bin-path)/workbook", "bench"])
    }

    /// Runs a program and collects its standard output and error together.
    static func shell(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let scratch = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputURL = scratch.appendingPathComponent("output")
        try Data().write(to: outputURL)
        let output = try FileHandle(forWritingTo: outputURL)
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try output.close()
        return (process.terminationStatus, try String(contentsOf: outputURL, encoding: .utf8))
    }
}
