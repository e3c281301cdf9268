import Foundation
import Workbook

/// The zip an instructor uploads as a Gradescope programming assignment's
/// autograder (`workbook autograder`).
///
/// Gradescope unpacks it into `/autograder/source`, runs `setup.sh` there once
/// as root while it builds the image, then `run_autograder` once per submission
/// (https://gradescope-autograders.readthedocs.io/en/latest/specs/). At the zip's
/// root: the instructor's package as the grader builds it (hidden checks and
/// solutions included), `setup.sh` and `run_autograder` (from the package's
/// `Autograder/` folder), `AUTOGRADER.md` for the instructor, and
/// `autograder.conf`, the settings both scripts read.
public struct AutograderBundle: Sendable {
    /// Settings written to `autograder.conf`; each may be overridden by the
    /// environment variable of the same name when the scripts run.
    public struct Settings: Sendable {
        /// The Swift release setup.sh installs, e.g. "6.3.1".
        public var swiftVersion: String
        /// The SHA-256 (64 lowercase hex digits) of that release's Ubuntu 22.04
        /// tarball; without it setup.sh refuses to install the toolchain.
        public var swiftSHA256: String?
        public var hiddenVisibility: HiddenVisibility
        /// Seconds each chapter may run.
        public var chapterTimeout: Int
        /// Seconds the whole grading of one submission may take, inside Gradescope's limit.
        public var gradingTimeLimit: Int
        /// Compiler jobs at once: 1 keeps one compiler's memory under the container's limit.
        public var buildJobs: Int
        /// Seconds one build of a submission may take (`workbook grade --build-time-limit`).
        /// A submission's rebuild takes a few seconds at half a CPU; all its builds take
        /// at most 4 × this, so with 10 chapters the worst case is 4 × 30 + 10 × 40 =
        /// 520 s, and the reference run's 13 s keep it under `gradingTimeLimit`.
        public var buildTimeLimit: Int

        public init(swiftVersion: String, swiftSHA256: String? = nil, hiddenVisibility: HiddenVisibility = .hidden,
                    chapterTimeout: Int = 40, gradingTimeLimit: Int = 540, buildJobs: Int = 1, buildTimeLimit: Int = 30) {
            self.swiftVersion = swiftVersion
            self.swiftSHA256 = swiftSHA256
            self.hiddenVisibility = hiddenVisibility
            self.chapterTimeout = chapterTimeout
            self.gradingTimeLimit = gradingTimeLimit
            self.buildJobs = buildJobs
            self.buildTimeLimit = buildTimeLimit
        }

        /// The most seconds grading one submission can take, its reference run aside:
        /// every build to its bounds, then every chapter to its time limit.
        public var worstCaseSeconds: Int { 4 * buildTimeLimit + 10 * chapterTimeout }

        /// `autograder.conf`: shell assignments in which the environment wins.
        var conf: String {
            """
            # Written by `workbook autograder`; setup.sh and run_autograder read it.
            # A variable set in the environment wins over the value here.
            SWIFT_VERSION="${SWIFT_VERSION:-\(swiftVersion)}"
            SWIFT_SHA256="${SWIFT_SHA256:-\(swiftSHA256 ?? "")}"
            HIDDEN_VISIBILITY="${HIDDEN_VISIBILITY:-\(hiddenVisibility.rawValue)}"
            CHAPTER_TIMEOUT="${CHAPTER_TIMEOUT:-\(chapterTimeout)}"
            GRADING_TIME_LIMIT="${GRADING_TIME_LIMIT:-\(gradingTimeLimit)}"
            BUILD_JOBS="${BUILD_JOBS:-\(buildJobs)}"
            BUILD_TIME_LIMIT="${BUILD_TIME_LIMIT:-\(buildTimeLimit)}"

            """
        }
    }

    /// The instructor's package.
    public var packageRoot: URL
    public var settings: Settings

    /// The package-relative files of `Autograder/` and where each goes in the zip.
    static let scripts = ["setup.sh": "setup.sh", "run_autograder": "run_autograder", "README.md": "AUTOGRADER.md"]

    public init(packageRoot: URL, settings: Settings) {
        self.packageRoot = packageRoot
        self.settings = settings
    }

    /// Writes the zip to `destination` (replacing it whole), using `/usr/bin/zip`.
    /// Throws when the package lacks `Autograder/` or zip fails.
    public func write(to destination: URL) throws {
        let manager = FileManager.default
        let staging = manager.temporaryDirectory.appendingPathComponent("workbook-autograder-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: staging) }
        for path in PackageFiles.list(in: packageRoot, entries: PackageFiles.buildEntries + ["README.md"]) {
            let target = staging.appendingPathComponent(path)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: packageRoot.appendingPathComponent(path), to: target)
        }
        for (name, zipped) in Self.scripts {
            let source = packageRoot.appendingPathComponent("Autograder").appendingPathComponent(name)
            guard manager.fileExists(atPath: source.path) else {
                throw CheckFailure("\(source.path) is missing: the autograder's scripts live in the package's Autograder/ folder")
            }
            let target = staging.appendingPathComponent(zipped)
            try manager.copyItem(at: source, to: target)
            try manager.setAttributes([.posixPermissions: name == "README.md" ? 0o644 : 0o755], ofItemAtPath: target.path)
        }
        try Data(settings.conf.utf8).write(to: staging.appendingPathComponent("autograder.conf"))

        let partial = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).zip")
        let zip = ProcessRunner.run(executable: URL(fileURLWithPath: "/usr/bin/zip"),
                                    arguments: ["-q", "-r", "-X", partial.path, "."],
                                    currentDirectory: staging, timeout: 300, echo: false)
        guard zip.termination == .exit(0) else {
            try? manager.removeItem(at: partial)
            throw CheckFailure("zip failed (is /usr/bin/zip installed?):\n\(zip.output)")
        }
        _ = try? manager.removeItem(at: destination)
        try manager.moveItem(at: partial, to: destination)
    }
}
