import Foundation

/// `swift build` for a package folder: building the chapters and finding them.
public struct SwiftBuild: Sendable {
    public var packageRoot: URL
    /// A build folder of its own (`--scratch-path`), or the package's `.build`.
    public var scratchPath: URL?
    public var configuration: String
    /// Compiler jobs at once (`-j`); nil lets SwiftPM use every core it sees. A
    /// container with a CPU quota still sees the host's cores, and each job holds
    /// a compiler's memory, so graders under a memory limit set it.
    public var jobs: Int?
    /// The most memory each process of the build (SwiftPM, the driver, every
    /// compiler) may take for its data, in bytes: `RLIMIT_DATA`, set with
    /// prlimit(1), which the children inherit. A compiler over it fails its
    /// allocation and stops ("out of memory"). Nil, or no prlimit (macOS), for no
    /// bound. Not `RLIMIT_AS`: it counts address space only reserved, which
    /// SwiftPM and the compiler reserve by the gigabyte and never touch.
    public var memoryLimit: Int?
    /// Variables set for the build on top of ours, e.g. `SWIFT_EXEC`: the Swift
    /// compiler SwiftPM runs.
    public var environment: [String: String] = [:]

    public init(packageRoot: URL, scratchPath: URL? = nil, configuration: String = "debug") {
        self.packageRoot = packageRoot
        self.scratchPath = scratchPath
        self.configuration = configuration
    }

    public struct Outcome: Sendable {
        public var succeeded: Bool
        public var output: String
        /// The package built, against which paths are shown.
        public var packageRoot: URL
        /// How `swift build` ended: an exit status, a signal, or its time used up.
        public var termination: ProcessRunner.Termination = .exit(0)
        /// Wall-clock seconds the build took.
        public var seconds: Double = 0

        public init(succeeded: Bool, output: String, packageRoot: URL, termination: ProcessRunner.Termination = .exit(0),
                    seconds: Double = 0) {
            self.succeeded = succeeded
            self.output = output
            self.packageRoot = packageRoot
            self.termination = termination
            self.seconds = seconds
        }

        /// The compiler's first few errors, for a short report (`CompilerError.summary`).
        public var firstErrors: String {
            CompilerError.summary(of: output, relativeTo: packageRoot)
        }

        /// Every distinct `file:line:column: error: message` the compiler printed, in order.
        public var errors: [CompilerError] {
            CompilerError.all(in: output)
        }
    }

    /// Seconds a build may take unless told otherwise.
    public static let defaultTimeout: Double = 1800

    /// Builds `products` (every product when empty).
    public func build(products: [String] = [], timeout: Double = defaultTimeout, echo: Bool = false) -> Outcome {
        var arguments = ["build"] + commonArguments
        // `swift build` honours only the last of several `--product` options, so
        // more than one product means building everything.
        if products.count == 1 { arguments += ["--product", products[0]] }
        SourceStamps(packageRoot: packageRoot, buildFolder: buildFolder).prepareBuild()
        let result = swift(arguments, timeout: timeout, echo: echo)
        return Outcome(succeeded: result.termination == .exit(0), output: result.output, packageRoot: packageRoot,
                       termination: result.termination, seconds: result.seconds)
    }

    /// The folder holding the built executables. Asking SwiftPM costs a process
    /// and a manifest load (about 0.5 s), paid on every `run` and every `watch`
    /// re-run; so the answer is kept in the build folder, for as long as
    /// Package.swift, the configuration and the build folder stay what they were.
    public func binFolder() throws -> URL {
        let cache = buildFolder.appendingPathComponent("workbook-bin-path")
        let key = binFolderKey
        if let cached = try? String(contentsOf: cache, encoding: .utf8) {
            let lines = cached.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var isFolder: ObjCBool = false
            if lines.count >= 2, lines[0] == key,
               FileManager.default.fileExists(atPath: lines[1], isDirectory: &isFolder), isFolder.boolValue {
                return URL(fileURLWithPath: lines[1])
            }
        }
        let result = swift(["build", "--show-bin-path"] + commonArguments, timeout: 120, echo: false)
        let path = result.output.split(separator: "\n").last.map(String.init) ?? ""
        guard result.termination == .exit(0), path.hasPrefix("/") else {
            throw CheckFailure("swift build --show-bin-path failed:\n\(result.output)")
        }
        // Only a cache: a build folder we cannot write to costs the next run 0.5 s, nothing more.
        try? AtomicFile.write(Data((key + "\n" + path + "\n").utf8), to: cache)
        return URL(fileURLWithPath: path)
    }

    /// The build folder: `--scratch-path`, or the package's `.build`.
    private var buildFolder: URL { scratchPath ?? packageRoot.appendingPathComponent(".build") }

    /// What the bin path depends on: the manifest's content, the configuration
    /// and where the build goes (the path is the build folder, the target's
    /// triple and the configuration; a folder since removed is asked for again).
    private var binFolderKey: String {
        let manifest = (try? String(contentsOf: packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)) ?? ""
        return StableHash.hex([manifest, configuration, packageRoot.path, buildFolder.path].joined(separator: "\u{0}"))
    }

    private var commonArguments: [String] {
        var arguments = ["--package-path", packageRoot.path, "-c", configuration]
        if let scratchPath { arguments += ["--scratch-path", scratchPath.path] }
        if let jobs { arguments += ["--jobs", String(jobs)] }
        return arguments
    }

    private func swift(_ arguments: [String], timeout: Double, echo: Bool) -> ProcessRunner.Result {
        var command = ["/usr/bin/env", "swift"] + arguments
        if let memoryLimit, FileManager.default.isExecutableFile(atPath: Self.prlimit) {
            command = [Self.prlimit, "--data=\(memoryLimit)", "--"] + command
        }
        let variables = environment.isEmpty ? nil : ProcessInfo.processInfo.environment.merging(environment) { $1 }
        return ProcessRunner.run(executable: URL(fileURLWithPath: command[0]), arguments: Array(command.dropFirst()),
                                 environment: variables, currentDirectory: packageRoot, timeout: timeout, echo: echo)
    }

    /// util-linux's prlimit(1), on Linux.
    static let prlimit = "/usr/bin/prlimit"
}

/// Finds the workbook package: the nearest folder, from `start` (the current
/// directory when nil) upwards, that holds both `Package.swift` and `Chapters/`.
public func locatePackageRoot(from start: URL? = nil) -> URL? {
    // Plain path strings and access(2): every command asks this at start-up, where
    // FileManager's first use and URL's path arithmetic cost more than the checks.
    var folder = start?.standardizedFileURL.path ?? workingDirectory
    while true {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        if access(prefix + "Package.swift", F_OK) == 0, access(prefix + "Chapters", F_OK) == 0 {
            return URL(fileURLWithPath: folder, isDirectory: true)
        }
        guard let slash = folder.lastIndex(of: "/"), folder != "/" else { return nil }
        folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
    }
}

/// The current directory, from getcwd(3) (which glibc and Darwin allocate).
private var workingDirectory: String {
    guard let path = getcwd(nil, 0) else { return FileManager.default.currentDirectoryPath }
    defer { free(path) }
    return String(cString: path)
}
