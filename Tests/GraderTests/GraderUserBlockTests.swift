import Foundation
import Testing
@testable import Grading
import Workbook

/// Two grading runs never share a uid: each holds a block of its own under a
/// lock, whichever process they run in.
struct GraderUserBlockTests {
    /// A lock folder of the test's own, as a fresh machine has.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grader-uid-locks-\(UUID().uuidString)")

    /// Two graders in one process (the end-to-end tests and the sandbox tests,
    /// say) once took the same block, which followed from the process id.
    @Test(.enabled(if: getuid() == 0, "chapters run as users of their own only when the grader is root"))
    func twoSandboxesAtOnceNeverShareAUser() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try GraderSandbox.make(.auto, jobs: 2, userLocks: folder)
        let second = try GraderSandbox.make(.auto, jobs: 2, userLocks: folder)
        #expect(first.users.count == 2 && second.users.count == 2)
        #expect(Set(first.users).isDisjoint(with: second.users), "\(first.users) and \(second.users)")
    }

    @Test func blocksHeldAtOnceAreDisjointAndOneReleasedIsTakenAgain() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var first: GraderUserBlock? = try GraderUserBlock.acquire(in: folder)
        let second = try GraderUserBlock.acquire(in: folder)
        let firstUsers = first?.users ?? []
        #expect(firstUsers.first == GraderUserBlock.firstUser)
        #expect(second.first == GraderUserBlock.firstUser + GraderUserBlock.size)
        #expect(Set(firstUsers).isDisjoint(with: second.users))
        first = nil
        #expect(try GraderUserBlock.acquire(in: folder).first == GraderUserBlock.firstUser)
    }

    /// The lock, not our own bookkeeping, keeps the block: another process holding it is respected.
    @Test func aBlockAnotherProcessHoldsIsSkipped() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try GraderUserBlock.acquire(in: folder) // creates the folder as the grader would
        let ready = folder.appendingPathComponent("ready")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["--no-fork", folder.appendingPathComponent("block-0.lock").path, "/bin/sh", "-c", "touch '\(ready.path)'; exec sleep 60"]
        try holder.run()
        defer {
            holder.terminate()
            holder.waitUntilExit()
        }
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: ready.path) {
            Thread.sleep(forTimeInterval: 0.05)
        }
        try #require(FileManager.default.fileExists(atPath: ready.path), "flock never took the lock")
        #expect(try GraderUserBlock.acquire(in: folder).first == GraderUserBlock.firstUser + GraderUserBlock.size)
    }

    /// Anyone who may write the lock folder could plant a link in it and have the
    /// grader create files where the link points.
    @Test func aLockFolderOthersMayWriteIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        chmod(folder.path, 0o777)
        let open = #expect(throws: CheckFailure.self) { try GraderUserBlock.acquire(in: folder) }
        #expect(open.map { "\($0)" }?.contains("\(folder.path) must be a folder of the grader's user") == true, "\(String(describing: open))")
        chmod(folder.path, 0o700)
        let link = folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder)
        let linked = #expect(throws: CheckFailure.self) { try GraderUserBlock.acquire(in: link) }
        #expect(linked.map { "\($0)" }?.contains("\(link.path) must be a folder of the grader's user") == true, "\(String(describing: linked))")
    }
}
