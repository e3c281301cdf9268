import Foundation
import Testing

/// Every test the instructors' threat model names exists: a claim there is held by a test here.
struct ThreatModelDocTests {
    static let root = GradingFixture.packageRoot

    /// The threat model's text: from its heading to the next one of its level.
    static func threatModel() throws -> String {
        let guide = try String(contentsOf: root.appendingPathComponent("docs/instructors.md"), encoding: .utf8)
        let start = try #require(guide.range(of: "## Threat model"))
        let rest = guide[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }

    /// All the test sources, concatenated.
    static func testSources() throws -> String {
        let tests = root.appendingPathComponent("Tests")
        let files = FileManager.default.enumerator(atPath: tests.path)?.compactMap { $0 as? String } ?? []
        return try files.filter { $0.hasSuffix(".swift") }.map {
            try String(contentsOf: tests.appendingPathComponent($0), encoding: .utf8)
        }.joined(separator: "\n")
    }

    @Test func everyTestTheThreatModelNamesExists() throws {
        let text = try Self.threatModel()
        let sources = try Self.testSources()
        let suites = text.matches(of: /`([A-Z][A-Za-z]*Tests)`/).map { String($0.1) }
        let planted = text.matches(of: /`(hostile-[a-z-]+)`/).map { String($0.1) }
        #expect(suites.count >= 8 && planted.count >= 8, "\(suites) \(planted)")
        for suite in Set(suites) {
            #expect(sources.contains("struct \(suite)"), "the threat model names \(suite), which no test declares")
        }
        for name in Set(planted) {
            #expect(sources.contains("\"\(name)\""), "the threat model names \(name), which no planted submission is")
        }
    }
}
