import Foundation
import Testing

/// README's prose names commands too (`workbook train --data FILE.csv`, `swift
/// run workbook hint 1.1`); `ReadmeCommandsTests` runs its shell blocks.
struct ReadmeProseCommandsTests {
    static let readme = Workbook.packageRoot.appendingPathComponent("README.md")

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
}
