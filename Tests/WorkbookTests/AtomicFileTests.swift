import Foundation
import Testing
import Workbook

/// Reports, records and progress are written whole or not at all.
struct AtomicFileTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A reader that opens the file while it is being replaced gets the old
    /// contents or the new, never a part of either.
    @Test func aReaderSeesTheOldFileOrTheNewNeverPartOfOne() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("report.md")
        let versions = [Data(repeating: UInt8(ascii: "a"), count: 4 << 20), Data(repeating: UInt8(ascii: "b"), count: 4 << 20)]
        try AtomicFile.write(versions[0], to: url)
        async let writes: Void = Task.detached {
            for round in 1...30 { try AtomicFile.write(versions[round % 2], to: url) }
        }.value
        let torn = await Task.detached {
            (0..<200).filter { _ in ((try? Data(contentsOf: url)).map(versions.contains) ?? false) == false }.count
        }.value
        try await writes
        #expect(torn == 0, "\(torn) of 200 reads saw a file that was neither version")
    }

    /// A write that fails (here the destination is a folder) leaves what was
    /// there and no temporary file beside it.
    @Test func aFailedWriteLeavesNothingBehind() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("report.md")
        try AtomicFile.write("inside", to: url.appendingPathComponent("kept.txt"))
        #expect(throws: (any Error).self) { try AtomicFile.write("new", to: url) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.md"])
        #expect(try String(contentsOf: url.appendingPathComponent("kept.txt"), encoding: .utf8) == "inside")
    }

    @Test func missingFoldersAreCreated() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("figures/deep/summary.md")
        try AtomicFile.write("# Summary\n", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "# Summary\n")
    }
}
