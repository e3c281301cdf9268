import ArgumentParser
import Foundation
import Grading
import Workbook

/// `workbook autograder --output autograder.zip`: the zip for a Gradescope
/// programming assignment.
struct AutograderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "autograder",
        abstract: "Write the autograder zip for a Gradescope programming assignment.",
        discussion: """
            The zip holds this copy of the workbook (hidden checks included), setup.sh (installs \
            the pinned Swift toolchain, libgd, the fonts and bubblewrap, then builds the grader once) \
            and run_autograder (grades one submission with the grader of `workbook grade` and \
            writes results.json). AUTOGRADER.md inside and docs/instructors.md say how to set up \
            the assignment.

            Example: swift run workbook autograder --output autograder.zip --swift-sha256 HEX
            """,
        shouldDisplay: Workspace.isInstructorCopy
    )

    @Option(help: "The zip to write.")
    var output: String

    @Option(help: "The Swift release setup.sh installs from swift.org's Ubuntu 22.04 tarball.")
    var swiftVersion = "6.3.1"

    @Option(help: "The SHA-256 of that tarball. Without it setup.sh refuses to install the toolchain.")
    var swiftSha256: String?

    @Option(help: "When learners see hidden checks: hidden (never) or after_published.")
    var hiddenVisibility: String = HiddenVisibility.hidden.rawValue

    @Option(help: "Seconds each chapter may run on Gradescope (half a CPU by default).")
    var timeout = 40

    @Option(help: "Seconds the grading of one submission may take; keep it under the assignment's autograder timeout.")
    var timeLimit = 540

    @Option(help: "Seconds one build of a submission may take; all its builds take at most 4 × this.")
    var buildTimeLimit = 30

    func validate() throws {
        guard HiddenVisibility(rawValue: hiddenVisibility) != nil else {
            throw ValidationError("--hidden-visibility must be one of \(HiddenVisibility.allCases.map(\.rawValue).joined(separator: ", ")), got \(hiddenVisibility)")
        }
        if let swiftSha256, swiftSha256.count != 64 || !swiftSha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) {
            throw ValidationError("--swift-sha256 must be 64 lowercase hexadecimal digits, got \(swiftSha256)")
        }
        guard timeout > 0, timeLimit > timeout else {
            throw ValidationError("--timeout must be positive and below --time-limit, got \(timeout) and \(timeLimit)")
        }
        guard buildTimeLimit > 0 else {
            throw ValidationError("--build-time-limit must be a positive number of seconds, got \(buildTimeLimit)")
        }
        let worst = AutograderBundle.Settings(swiftVersion: swiftVersion, chapterTimeout: timeout, gradingTimeLimit: timeLimit,
                                              buildTimeLimit: buildTimeLimit).worstCaseSeconds
        guard worst < timeLimit else {
            throw ValidationError("a submission may take 4 × --build-time-limit + 10 × --timeout = \(worst) s, not under "
                + "--time-limit \(timeLimit): raise --time-limit (and the assignment's autograder timeout) or lower the others")
        }
    }

    func run() throws {
        let workspace = try Workspace()
        let destination = URL(fileURLWithPath: output).standardizedFileURL
        let settings = AutograderBundle.Settings(
            swiftVersion: swiftVersion, swiftSHA256: swiftSha256,
            hiddenVisibility: HiddenVisibility(rawValue: hiddenVisibility)!,
            chapterTimeout: timeout, gradingTimeLimit: timeLimit, buildTimeLimit: buildTimeLimit)
        do {
            try AutograderBundle(packageRoot: workspace.root, settings: settings).write(to: destination)
        } catch {
            Console.error("workbook autograder: \(error)")
            throw ExitCode.failure
        }
        Console.line("Wrote \(destination.path): upload it as the autograder of a Gradescope programming assignment.")
        if swiftSha256 == nil {
            Console.line(Console.yellow("WARNING: no --swift-sha256: setup.sh will refuse to install Swift \(swiftVersion) "
                + "until SWIFT_SHA256 is set in autograder.conf (see AUTOGRADER.md)."))
        }
    }
}
