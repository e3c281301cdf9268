#if os(Linux)
import Foundation
import Testing

/// libgd, and the ~55 shared libraries it pulls in, are mapped only by a run
/// that draws: the dynamic loader's own trace (`LD_DEBUG=files`) names every
/// shared object it opens.
struct GraphicsLibraryLoadingTests {
    /// What the loader opened while `workbook` ran with `arguments`, and how the run ended.
    static func trace(_ arguments: [String], in folder: URL = Workbook.fixtures) throws
        -> (status: Int32, opened: [String], standardError: String)
    {
        let result = try Workbook.run(arguments, in: folder, environment: ["LD_DEBUG": "files"])
        let opened = result.standardError.split(separator: "\n").compactMap { line -> String? in
            guard let start = line.range(of: "file=") else { return nil }
            return String(line[start.upperBound...].prefix { $0 != " " && $0 != "[" })
        }
        return (result.status, opened, result.standardError)
    }

    static func mapsLibgd(_ opened: [String]) -> Bool {
        opened.contains { $0.hasPrefix("libgd.") || $0.contains("/libgd.") }
    }

    @Test func helpDoesNotMapLibgd() throws {
        let run = try Self.trace(["--help"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(!run.opened.isEmpty, "the loader's trace is read")
        #expect(!Self.mapsLibgd(run.opened), "opened: \(run.opened)")
    }

    @Test func trainingWithoutAReportDoesNotMapLibgd() throws {
        let data = Workbook.fixtures.appendingPathComponent("two-features.csv").path
        let run = try Self.trace(["train", "--data", data, "--epochs", "2"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(!Self.mapsLibgd(run.opened), "opened: \(run.opened)")
    }

    @Test func trainingWithAReportMapsLibgdToDraw() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = Workbook.fixtures.appendingPathComponent("two-features.csv").path
        let run = try Self.trace(["train", "--data", data, "--epochs", "2", "--report", "report"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(Self.mapsLibgd(run.opened), "opened: \(run.opened)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report/loss.png").path))
    }
}
#endif
