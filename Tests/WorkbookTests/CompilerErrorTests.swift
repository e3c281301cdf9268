import Foundation
import Testing
@testable import Workbook

/// Errors are taken from a build log by one rule, for the command's account,
/// the report and the grader alike.
struct CompilerErrorTests {
    static let root = URL(fileURLWithPath: "/home/ada/my course")

    /// As `swift build` prints it, in a folder whose name holds a space.
    static let log = """
        Building for debugging...
        error: emit-module command failed with exit code 1 (use -v to see invocation)
        [3/7] Emitting module NeuralNetwork
        /home/ada/my course/Sources/NeuralNetwork/Loss.swift:16:14: error: cannot find 'exp' in scope
        14 |     // BEGIN SOLUTION
        15 |     let s = "a:1:2: error: not an error"
        16 |     return exp(yHat)
           |              `- error: cannot find 'exp' in scope
        17 |     // END SOLUTION

        [4/7] Compiling NeuralNetwork Loss.swift
        /home/ada/my course/Sources/NeuralNetwork/Loss.swift:16:14: error: cannot find 'exp' in scope
        16 |     return exp(yHat)
           |              `- error: cannot find 'exp' in scope
        """

    /// The short account used to list the build's own line and the excerpts'
    /// repeats, and the command's full account found no error in a path with a space.
    @Test func theErrorLinesAloneEachOnceWithThePackagesPathLeftOut() {
        let outcome = SwiftBuild.Outcome(succeeded: false, output: Self.log, packageRoot: Self.root)
        #expect(outcome.errors == [CompilerError(line: "/home/ada/my course/Sources/NeuralNetwork/Loss.swift:16:14: error: cannot find 'exp' in scope")])
        #expect(outcome.errors.first?.file == "/home/ada/my course/Sources/NeuralNetwork/Loss.swift")
        #expect(outcome.firstErrors == "Sources/NeuralNetwork/Loss.swift:16:14: error: cannot find 'exp' in scope")
    }

    @Test func aLogWithoutAnErrorLineIsSummedUpByItsEnd() {
        let log = (1...30).map { "line \($0)" }.joined(separator: "\n")
            + "\nerror: link command failed with exit code 1 in /home/ada/my course/.build\n"
        let summary = CompilerError.summary(of: log, relativeTo: Self.root)
        #expect(summary.hasPrefix("line 12\n") && summary.hasSuffix("error: link command failed with exit code 1 in .build"))
        #expect(summary.split(separator: "\n").count == 20)
    }
}
