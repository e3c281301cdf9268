import Foundation
@testable import Grading
import Testing
import Workbook

/// What a region may hand the grader: the stub only alone, and a trap's
/// message only up to a bound.
struct HandOffTests {
    @Test func theStubIsAllowedAloneAndRefusedBesideCode() {
        let stub = [#"        exerciseNotDone("1.1", "Neuron.weightedSum", chapter: 1)"#]
        #expect(RegionRules.problem(in: stub, startingAt: 10) == nil, "the learner edition's own stub grades as open")
        #expect(RegionRules.problem(in: stub + [""], startingAt: 10) == nil)
        let beside = ["        let z = 1.0", #"        if z > 0 { exerciseNotDone("1.1", "x", chapter: 1) }"#, "        return z"]
        let problem = RegionRules.problem(in: beside, startingAt: 10)
        #expect(problem?.line == 11 && problem?.problem.contains("only alone, as the stub") == true, "\(String(describing: problem))")
    }

    @Test func bidiControlsAreRefusedWithTheirLine() {
        let body = ["        let z = 1.0", "        return z /* \u{202E} } \u{2066} */"]
        let problem = RegionRules.problem(in: body, startingAt: 20)
        #expect(problem?.line == 21 && problem?.problem.contains("bidirectional") == true, "\(String(describing: problem))")
    }

    @Test func aLongTrapMessageIsCutToItsFirstAndLastTwoKilobytes() {
        #expect(ChapterStop.capped("short") == "short")
        let long = String(repeating: "a", count: 100_000) + "THE END"
        let capped = ChapterStop.capped(long)
        #expect(capped.utf8.count < ChapterStop.handOffLimit + 100)
        #expect(capped.hasSuffix("THE END") && capped.contains("bytes left out"))
        // A character cut in two at the edge is repaired, never left as broken UTF-8.
        let accents = String(repeating: "é", count: 5000)
        #expect(ChapterStop.capped(accents).unicodeScalars.allSatisfy { $0 == "é" || $0.isASCII || $0 == "\u{FFFD}" || $0 == "…" })
    }
}

/// The grader stops before grading when the chapters' user could not reach
/// its folders, naming the folder that bars the way.
struct FolderReachTests {
    @Test func aFolderOnlyItsOwnerMayEnterIsNamed() throws {
        let manager = FileManager.default
        let top = manager.temporaryDirectory.appendingPathComponent("reach-\(UUID().uuidString)")
        let closed = top.appendingPathComponent("home")
        defer { try? manager.removeItem(at: top) }
        try manager.createDirectory(at: closed.appendingPathComponent("grading"), withIntermediateDirectories: true)
        try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: closed.path)
        #expect(GraderSandbox.firstUntraversable(onTheWayTo: closed.appendingPathComponent("grading/work"))?.path == closed.path)
        try manager.setAttributes([.posixPermissions: 0o711], ofItemAtPath: closed.path)
        #expect(GraderSandbox.firstUntraversable(onTheWayTo: closed.appendingPathComponent("grading/work")) == nil,
                "a folder not made yet is no obstacle")
    }
}
