import Foundation
import Testing
import Workbook
@testable import Grading

/// The mutants' causes ship in every edition, sealed: the edition can name a
/// slip to the code that makes it, and no one can read them all.
struct SealedCausesTests {
    static let packageRoot = MutantTableTests.packageRoot
    static let tableURL = MutantTableTests.tableURL

    @Test(.enabled(if: FileManager.default.fileExists(atPath: tableURL.path)))
    func theCommittedCausesAreSealedFromTheCommittedTable() throws {
        let table = try MutantTable.read(from: Self.tableURL)
        let committed = try String(contentsOf: Self.packageRoot.appendingPathComponent(MutantTable.causesPath), encoding: .utf8)
        #expect(committed == table.causesSource, "\(MutantTable.causesPath) is stale: run ./workbook mutants")
        #expect(table.causes.count > 100, "most slips that change a result should be filed under their outputs")
        for (fingerprint, cause) in table.causes {
            #expect(SlipCauses.cause(for: fingerprint) == cause)
        }
    }

    /// Every description, and every cause as filed, searched for in every file
    /// of a fresh edition, as text and as the hex of its text (`grep -F`, which
    /// looks for all of them in one pass).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: tableURL.path)))
    func noDescriptionIsReadableInAnEdition() throws {
        let table = try MutantTable.read(from: Self.tableURL)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sealed-causes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let edition = folder.appendingPathComponent("edition")
        try LearnerEdition(source: Self.packageRoot).write(to: edition)
        let sealed = try String(contentsOf: edition.appendingPathComponent(MutantTable.causesPath), encoding: .utf8)
        #expect(sealed == table.causesSource, "the edition carries the causes, sealed")

        let texts = Set(table.mutants.map(\.description) + table.causes.values)
        #expect(texts.count > 300)
        let patterns = folder.appendingPathComponent("patterns")
        try Data(texts.flatMap { [$0, HMAC.hex(Array($0.utf8))] }.joined(separator: "\n").utf8).write(to: patterns)
        // Bytes, not characters: grep matches thousands of fixed strings fast only so.
        let grep = ProcessRunner.run(executable: URL(fileURLWithPath: "/usr/bin/env"),
                                     arguments: ["LC_ALL=C", "grep", "-r", "-F", "-o", "-f", patterns.path, edition.path], timeout: 120)
        #expect(grep.termination == .exit(1), "the edition holds causes in plain text:\n\(grep.output.prefix(2000))")
        // The search itself finds a cause where one is.
        try Data(table.mutants[0].description.utf8).write(to: edition.appendingPathComponent("planted.txt"))
        let planted = ProcessRunner.run(executable: URL(fileURLWithPath: "/usr/bin/env"),
                                        arguments: ["LC_ALL=C", "grep", "-r", "-F", "-l", "-f", patterns.path, edition.path], timeout: 120)
        #expect(planted.termination == .exit(0) && planted.output.contains("planted.txt"))
    }
}
