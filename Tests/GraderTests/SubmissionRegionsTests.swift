import Foundation
import Testing
@testable import Grading
import Workbook

/// Only region bodies reach the build, and no region body leaves the plain language.
struct SubmissionRegionsTests {
    static let pristine = """
        import CourseData

        public struct Neuron {
            public var bias = 0.5

            /// Docs.
            public func weightedSum(_ x: [Double]) -> Double {
                // Exercise 1.1: Neuron.weightedSum
                // BEGIN SOLUTION
                return x.reduce(bias, +)
                // END SOLUTION
            }

            public func twice(_ z: Double) -> Double {
                // Exercise 1.2: Neuron.twice
                // BEGIN SOLUTION
                return 2 * z
                // END SOLUTION
            }
        }
        """

    /// The pristine file with exercise 1.1's body replaced by `body`.
    static func submission(_ body: String, around: (String) -> String = { $0 }) -> String {
        around(pristine.replacingOccurrences(of: "        return x.reduce(bias, +)", with: body))
    }

    @Test func everyExerciseFileOfTheReferenceSplicesIntoItselfUnchanged() throws {
        let sources = GradingFixture.packageRoot.appendingPathComponent("Sources/NeuralNetwork")
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: sources.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
            guard ExerciseMarkers.holdsSolutions(text) else { continue }
            let spliced = try SubmissionRegions.splice(pristine: text, submitted: text, file: name)
            #expect(spliced.problems.isEmpty, "\(name): \(spliced.problems)")
            #expect(spliced.text == text)
            checked += 1
        }
        #expect(checked >= 6)
    }

    @Test func exerciseFilesImportNothingThatReachesFilesProcessesOrTheNetwork() throws {
        let sources = GradingFixture.packageRoot.appendingPathComponent("Sources/NeuralNetwork")
        for name in try FileManager.default.contentsOfDirectory(atPath: sources.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
            guard ExerciseMarkers.holdsSolutions(text) else { continue }
            let imports = text.split(separator: "\n").filter { $0.hasPrefix("import ") || $0.contains(" import ") }
            #expect(imports == ["import CourseData"], "\(name): \(imports)")
        }
        let manifest = try String(contentsOf: GradingFixture.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains(#"name: "NeuralNetwork""#) && manifest.contains(#".enableUpcomingFeature("MemberImportVisibility")"#))
    }

    @Test func fileScopeCodeImportsAndSignaturesNeverReachTheBuild() throws {
        let submitted = Self.submission("        return 1") {
            "import Glibc\n@_cdecl(\"evil\") public func evil() { }\n"
                + $0.replacingOccurrences(of: "public func twice(_ z: Double) -> Double {", with: "public func twice(_ z: Double) -> Double { evil();")
                    .replacingOccurrences(of: "/// Docs.", with: "/// Changed docs.")
        }
        let spliced = try SubmissionRegions.splice(pristine: Self.pristine, submitted: submitted, file: "Neuron.swift")
        #expect(spliced.problems.isEmpty)
        #expect(spliced.text == Self.pristine.replacingOccurrences(of: "return x.reduce(bias, +)", with: "return 1"))
    }

    @Test(arguments: [
        ("        return 0 }\n    @_silgen_name(\"atexit\") func hook()\n    func again() -> Double {\n        return 0", 10, "closes more than"),
        ("        let r = /\"/\n        return 0 } func f() { let s = \"", 10, "regex"),
        ("        @_silgen_name(\"exit\") func leave(_ code: Int32) -> Never\n        leave(0)", 10, "`@_silgen_name`"),
        ("        #if canImport(Glibc)\n        return 1\n        #endif", 10, "`#if`"),
        ("        return _getRetainCount(self) > 0 ? 1 : 0", 10, "`_getRetainCount`"),
        ("        var z = 0.0\n        unsafe withUnsafeMutablePointer(to: &z) { unsafe $0.pointee = 1 }\n        return z", 11, "`unsafe`"),
        ("        return Foundation.sqrt(bias)", 10, "`Foundation`"),
        ("        import Glibc\n        return 0", 10, "`import`"),
        ("        return \"\\(bias)\" == \"\" ? 0 : 1 }\n    func f() -> Double {\n        return 1", 10, "closes more than"),
    ])
    func constructsOutsideTheAllowListAreRejectedWithTheirLine(body: String, line: Int, construct: String) throws {
        let spliced = try SubmissionRegions.splice(pristine: Self.pristine, submitted: Self.submission(body), file: "Neuron.swift")
        let problem = try #require(spliced.problems.first, "accepted: \(body)")
        #expect(problem.exercise == "1.1")
        #expect(problem.line == line, "\(problem)")
        #expect(problem.problem.contains(construct), "\(problem)")
        #expect(!spliced.text.contains(body), "the rejected body reached the build")
        #expect(spliced.text.contains(#"exerciseNotDone("1.1", "Neuron.weightedSum", chapter: 1)"#))
        #expect(spliced.text.contains("return 2 * z"), "the other exercise is still taken")
    }

    @Test func stringsCommentsAndInterpolationsHoldWhatTheyLike() throws {
        let body = """
                    // a } in a comment, /* and a nested /* one */ */
                    let label = "} \\(x.map { "\\($0)" }.joined()) {"
                    let raw = #"a "} quote"#
                    let many = \"""
                        }}}
                        \"""
                    return Double(label.count + raw.count + many.count) / 2
            """
        let spliced = try SubmissionRegions.splice(pristine: Self.pristine, submitted: Self.submission(body), file: "Neuron.swift")
        #expect(spliced.problems.isEmpty, "\(spliced.problems)")
        #expect(spliced.text.contains(body))
    }

    @Test func missingDoubledAndUnbalancedRegionsAreNamedWithTheirLine() throws {
        let lines = Self.pristine.components(separatedBy: "\n")
        // Exercise 1.1's END removed: its region never closes before 1.2's BEGIN.
        let unclosed = lines.enumerated().filter { $0.offset != 10 }.map(\.element).joined(separator: "\n")
        let first = try SubmissionRegions.splice(pristine: Self.pristine, submitted: unclosed, file: "Neuron.swift")
        #expect(first.problems.contains { $0.exercise == "1.1" && $0.line == 15 && $0.problem.contains("begun on line 9") },
                "\(first.problems)")
        // Exercise 1.2 given twice.
        let doubled = Self.pristine + "\n// Exercise 1.2: Neuron.twice\n// BEGIN SOLUTION\nreturn 3 * z\n// END SOLUTION\n"
        let second = try SubmissionRegions.splice(pristine: Self.pristine, submitted: doubled, file: "Neuron.swift")
        #expect(second.problems.map(\.exercise) == ["1.2"], "\(second.problems)")
        #expect(second.problems.first?.line == 22)
        #expect(!second.text.contains("return 2 * z") && !second.text.contains("return 3 * z"))
        // Exercise 1.2 missing altogether.
        let missing = lines.prefix(13).joined(separator: "\n")
        let third = try SubmissionRegions.splice(pristine: Self.pristine, submitted: missing, file: "Neuron.swift")
        #expect(third.problems.map(\.exercise) == ["1.2"], "\(third.problems)")
        #expect(third.text.contains("return x.reduce(bias, +)"))
    }
}
