import Foundation
import Workbook

/// A block of uids that one grading run holds for the users its chapters run
/// as (see `GraderSandbox`), for as long as the block lives.
///
/// A sweep kills every process of a uid, so two graders running at once (two
/// terminals, two test runs, two packages) must never share one. Each block has
/// a lock file in one folder for the whole machine, as uids are the machine's;
/// a grader takes the first block whose lock is free (`flock`), and the kernel
/// frees it when the grader ends, however it ends. In a fresh container the
/// first block is free: its first uid is the one Autograder/setup.sh creates.
final class GraderUserBlock: Sendable {
    /// Far from the ids Debian hands out to people (1000…) and to system users.
    static let firstUser: UInt32 = 2_000_000
    /// Uids in a block: at most one per concurrent job.
    static let size: UInt32 = 64
    static let count: UInt32 = 1024
    /// The folder of the lock files, one for the machine, so not under `TMPDIR`.
    static let lockFolder = URL(fileURLWithPath: "/tmp/neuralworkbook-grader-uids")

    /// The block's uids, `size` of them from `first`.
    let first: UInt32
    private let descriptor: Int32

    private init(first: UInt32, descriptor: Int32) {
        self.first = first
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    var users: [UInt32] { (0..<Self.size).map { first + $0 } }

    /// Takes the first free block, its lock in `folder`. Throws when `folder` is
    /// not a folder of our own that only we may write (anyone who could put a
    /// link there could make us create files elsewhere), or when every block is held.
    static func acquire(in folder: URL = lockFolder) throws -> GraderUserBlock {
        let path = folder.path
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw CheckFailure("cannot create \(path) for the locks of the chapters' uids: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid(),
              info.st_mode & 0o022 == 0 else {
            throw CheckFailure("\(path) must be a folder of the grader's user that no one else may write (it holds the locks "
                + "of the chapters' uids): remove it and grade again")
        }
        for block in 0..<count {
            let descriptor = open("\(path)/block-\(block).lock", O_CREAT | O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { continue }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                return GraderUserBlock(first: firstUser + block * size, descriptor: descriptor)
            }
            close(descriptor)
        }
        throw CheckFailure("every block of uids for the chapters is held by other grading runs (locks in \(path))")
    }
}
