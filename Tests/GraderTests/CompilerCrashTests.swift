import Foundation
import Testing
@testable import Grading
import Workbook

/// A compiler that crashes, runs out of memory or never finishes on one region
/// costs that exercise only: the grader finds the region by building with
/// halves stubbed, stubs it, builds the rest, and shows the learner one line
/// of its own, never the compiler's dump.
///
/// No real compiler bug is needed: a stand-in `swiftc` (through `SWIFT_EXEC`,
/// which SwiftPM runs for every module) runs the real one unless a source it is
/// given holds a marker: on `COMPILER_CRASH_MARKER` it prints a fake stack dump
/// with registers and kills itself with SIGSEGV, on `COMPILER_MEMORY_MARKER` it
/// prints what LLVM prints when an allocation fails and aborts, on
/// `COMPILER_SLOW_MARKER` it sleeps. The package is a tiny one of four regions
/// in two files, so each build takes a few seconds.
@Suite(.serialized)
struct CompilerCrashTests {
    static let exerciseFiles = ["Sources/NeuralNetwork/Alpha.swift", "Sources/NeuralNetwork/Beta.swift"]

    static func region(_ number: String, _ body: String) -> String {
        """
            public func f\(number.replacingOccurrences(of: ".", with: "_"))() -> Int {
                // Exercise \(number): Tiny.f\(number)
                // BEGIN SOLUTION
        \(body)
                // END SOLUTION
            }

        """
    }

    static let files: [String: String] = [
        "Package.swift": """
            // swift-tools-version:6.2
            import PackageDescription
            let package = Package(name: "Tiny", targets: [.target(name: "NeuralNetwork", path: "Sources/NeuralNetwork")])

            """,
        "Sources/NeuralNetwork/Stub.swift": """
            func exerciseNotDone(_ number: String, _ name: String, chapter: Int) -> Never { fatalError(number) }

            """,
        "Sources/NeuralNetwork/Alpha.swift": "public enum Alpha {\n" + region("1.1", "        return 11")
            + region("1.2", "        return 12") + "}\n",
        "Sources/NeuralNetwork/Beta.swift": "public enum Beta {\n"
            + region("2.1", "        // MARKER: the stand-in compiler breaks down on this file\n        return 21")
            + region("2.2", "        return 22") + "}\n",
    ]

    /// The stand-in compiler, in `folder`.
    static func standInCompiler(in folder: URL) throws -> URL {
        let found = ProcessRunner.run(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "command -v swiftc"],
                                      timeout: 10)
        let real = found.output.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(real.hasPrefix("/"), "no swiftc on PATH: \(found.output)")
        let script = """
            #!/bin/sh
            # A real swiftc, except on a source holding the marker (named outright or in an @response file).
            for argument in "$@"; do
                case "$argument" in
                    @*) sources=$(cat "${argument#@}" 2>/dev/null) ;;
                    *.swift) sources="$argument" ;;
                    *) continue ;;
                esac
                for source in $sources; do
                    [ -f "$source" ] || continue
                    if grep -q COMPILER_SLOW_MARKER "$source"; then
                        sleep 600
                    fi
                    if grep -q COMPILER_MEMORY_MARKER "$source"; then
                        echo "LLVM ERROR: out of memory"
                        echo "Allocation failed"
                    fi
                    if grep -q -e COMPILER_CRASH_MARKER -e COMPILER_MEMORY_MARKER "$source"; then
                        echo "Stack dump:"
                        echo "0.	Program arguments: swift-frontend -frontend -c $source"
                        echo "rax 0x00000000deadbeef  rbx 0x0000000000000000  rcx 0x00007f794df1f829"
                        echo " #0 0x000055f7fab6b225 llvm::sys::PrintStackTrace(llvm::raw_ostream&, int)"
                        if grep -q COMPILER_MEMORY_MARKER "$source"; then kill -ABRT $$; else kill -SEGV $$; fi
                    fi
                done
            done
            exec "\(real)" "$@"

            """
        let url = folder.appendingPathComponent("swiftc")
        try Data(script.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }

    static let dumpSigns = ["Stack dump", "rax 0x", "PrintStackTrace", "deadbeef", "Program arguments"]

    /// The crash and the memory failure; the time-out, which waits out its time
    /// limit twice (the first build and the trial that keeps region 2.1), costs
    /// about 45 s and runs under the same rules.
    @Test(arguments: [
        ("COMPILER_CRASH_MARKER", 300.0, BuildBreakdown.crashed, "the compiler crashed on this region"),
        ("COMPILER_MEMORY_MARKER", 300.0, .outOfMemory(limit: nil), "needed more memory than the grader allows"),
        ("COMPILER_SLOW_MARKER", 20.0, .timedOut(limit: 20), "took longer than 20 s to build"),
    ])
    func theBreakdownIsBlamedOnItsRegionAndTheOtherRegionsStillBuild(marker: String, timeLimit: Double,
                                                                      breakdown: BuildBreakdown, words: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let slot = try GraderSlot.acquire(1, in: folder, configuration: "debug")[0]
        slot.buildEnvironment = ["SWIFT_EXEC": try Self.standInCompiler(in: folder).path]
        let files = Self.files.mapValues { Data($0.replacingOccurrences(of: "MARKER", with: marker).utf8) }

        // Built as submitted, it breaks down, and every chapter's reason is one line of ours
        // (not waited out for the time-out, which `SubmissionBuild` meets first below).
        var failures: [Int: String] = [:]
        if case .timedOut = breakdown {} else {
            try slot.assemble(files)
            failures = slot.build(timeout: timeLimit)
            #expect(slot.lastBreakdown == breakdown)
            #expect(!failures.isEmpty && failures.values.allSatisfy { $0 == breakdown.summary })
        }

        // Body lines as a splice gives them: region 2.1's body begins on line 40 of the submitted Beta.swift.
        let result = try SubmissionBuild(slot: slot, exerciseFiles: Self.exerciseFiles, regionCount: 4, timeLimit: timeLimit)
            .build(files, bodyLines: ["Sources/NeuralNetwork/Beta.swift": ["2.1": 40, "2.2": 47]])
        #expect(result.failures.isEmpty, "the build without region 2.1 failed: \(result.failures)")
        #expect(result.bisectionBuilds == 2, "stub 1.1 and 1.2 (still breaks down), then 2.1 (builds)")
        #expect(result.problems.map(\.description)
            == ["Sources/NeuralNetwork/Beta.swift:40: Exercise 2.1: \(words); graded as open"])

        // The slot built every other region as written.
        let beta = try String(contentsOf: slot.package.appendingPathComponent("Sources/NeuralNetwork/Beta.swift"), encoding: .utf8)
        let alpha = try String(contentsOf: slot.package.appendingPathComponent("Sources/NeuralNetwork/Alpha.swift"), encoding: .utf8)
        #expect(beta.contains(#"exerciseNotDone("2.1", "Tiny.f2.1", chapter: 2)"#) && !beta.contains(marker))
        #expect(beta.contains("return 22") && alpha.contains("return 11") && alpha.contains("return 12"))

        // What the learner reads.
        let graded = GradedSubmission(submission: Submission(name: "learner", folder: folder), chapters: [],
                                      files: SubmissionFiles(found: [:], missing: [], notes: result.problems.map(\.description)),
                                      seconds: 0)
        let feedback = GraderFeedback.markdown(graded)
        #expect(feedback.contains("Exercise 2.1: \(words)"))
        for sign in Self.dumpSigns {
            #expect(!feedback.contains(sign) && !failures.values.joined().contains(sign), "\(sign)")
        }
    }
}
