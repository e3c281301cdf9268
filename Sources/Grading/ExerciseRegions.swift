import Foundation
import Workbook

/// One exercise in a learner-facing source file:
///
///     // Exercise 7.1: Layer.backward
///     // BEGIN SOLUTION
///     …the reference solution…
///     // END SOLUTION
public struct ExerciseRegion: Equatable, Sendable {
    /// "7.1"
    public var number: String
    /// "Layer.backward"
    public var name: String
    /// The chapter that teaches it: the number before the dot.
    public var chapter: Int
    /// Line indices (0-based) of the `// BEGIN SOLUTION` and `// END SOLUTION` markers.
    public var beginLine: Int
    public var endLine: Int
    /// The whitespace before `// BEGIN SOLUTION`, reused for the stub.
    public var indentation: String
}

/// A marker that is missing, doubled or out of place, with the line to look at.
public struct MarkerError: Error, CustomStringConvertible, Equatable {
    public var file: String
    /// 1-based, as editors count.
    public var line: Int
    public var problem: String
    public var description: String { "\(file):\(line): \(problem)" }
}

/// Reading and rewriting the markers that delimit solutions and hidden checks.
///
/// Markers are whole comment lines (surrounding whitespace ignored), as nbgrader
/// uses them in notebooks: `// BEGIN SOLUTION`, `// END SOLUTION`,
/// `// BEGIN HIDDEN TESTS`, `// END HIDDEN TESTS`.
public enum ExerciseMarkers {
    public static let beginSolution = "// BEGIN SOLUTION"
    public static let endSolution = "// END SOLUTION"
    public static let beginHidden = "// BEGIN HIDDEN TESTS"
    public static let endHidden = "// END HIDDEN TESTS"

    /// True when `text` holds at least one solution region.
    public static func holdsSolutions(_ text: String) -> Bool {
        lines(of: text).contains { trimmed($0) == beginSolution }
    }

    /// The exercise regions of a file, in order. Every region must follow a
    /// `// Exercise N.M: Name` line, because the stub names the exercise and the
    /// grader reports by it.
    public static func exercises(in text: String, file: String) throws -> [ExerciseRegion] {
        let lines = lines(of: text)
        var regions: [ExerciseRegion] = []
        var open: (line: Int, header: (number: String, name: String, chapter: Int))?
        var hiddenOpen: Int?
        for (index, line) in lines.enumerated() {
            switch trimmed(line) {
            case beginSolution:
                if let open { throw MarkerError(file: file, line: index + 1, problem: "\(beginSolution) inside the region begun on line \(open.line + 1)") }
                if let hiddenOpen { throw MarkerError(file: file, line: index + 1, problem: "\(beginSolution) inside hidden tests begun on line \(hiddenOpen + 1)") }
                guard let header = exerciseHeader(before: index, in: lines) else {
                    throw MarkerError(file: file, line: index + 1,
                                      problem: "\(beginSolution) needs a line `// Exercise N.M: Name` just above it")
                }
                open = (index, header)
            case endSolution:
                guard let region = open else {
                    throw MarkerError(file: file, line: index + 1, problem: "\(endSolution) without a \(beginSolution) before it")
                }
                let begin = lines[region.line]
                regions.append(ExerciseRegion(
                    number: region.header.number, name: region.header.name, chapter: region.header.chapter,
                    beginLine: region.line, endLine: index,
                    indentation: String(begin.prefix { $0 == " " || $0 == "\t" })))
                open = nil
            case beginHidden:
                if let hiddenOpen { throw MarkerError(file: file, line: index + 1, problem: "\(beginHidden) inside the block begun on line \(hiddenOpen + 1)") }
                if let open { throw MarkerError(file: file, line: index + 1, problem: "\(beginHidden) inside the solution begun on line \(open.line + 1)") }
                hiddenOpen = index
            case endHidden:
                guard hiddenOpen != nil else {
                    throw MarkerError(file: file, line: index + 1, problem: "\(endHidden) without a \(beginHidden) before it")
                }
                hiddenOpen = nil
            default:
                break
            }
        }
        if let open { throw MarkerError(file: file, line: open.line + 1, problem: "\(beginSolution) is never closed by \(endSolution)") }
        if let hiddenOpen { throw MarkerError(file: file, line: hiddenOpen + 1, problem: "\(beginHidden) is never closed by \(endHidden)") }
        return regions
    }

    /// The learner's version of a file: every solution replaced by a call to
    /// `exerciseNotDone` (the `// Exercise` line and both markers stay, so the
    /// learner sees where to write and the grader can find the region again),
    /// and every hidden-test block removed with its markers.
    public static func learnerVersion(of text: String, file: String) throws -> (text: String, exercises: [ExerciseRegion], hiddenBlocks: Int) {
        let regions = try exercises(in: text, file: file)
        let lines = lines(of: text)
        var output: [String] = []
        var hiddenBlocks = 0
        var index = 0
        var pending = regions[...]
        while index < lines.count {
            if let current = pending.first, index == current.beginLine {
                output.append(lines[current.beginLine])
                // The stub is the region's only statement and returns Never, so
                // it type-checks in functions, properties and initialisers alike.
                output.append(current.indentation + stubCall(for: current))
                output.append(lines[current.endLine])
                index = current.endLine + 1
                pending = pending.dropFirst()
            } else if trimmed(lines[index]) == beginHidden {
                hiddenBlocks += 1
                while index < lines.count && trimmed(lines[index]) != endHidden { index += 1 }
                index += 1
            } else {
                output.append(lines[index])
                index += 1
            }
        }
        return (output.joined(separator: "\n"), regions, hiddenBlocks)
    }

    /// `exerciseNotDone("7.1", "Layer.backward", chapter: 7)`
    public static func stubCall(for region: ExerciseRegion) -> String {
        "exerciseNotDone(\(swiftLiteral(region.number)), \(swiftLiteral(region.name)), chapter: \(region.chapter))"
    }

    // MARK: - Parts

    /// The exercise named by the nearest non-blank line above `index`, if it is
    /// an `// Exercise N.M: Name` line.
    static func exerciseHeader(before index: Int, in lines: [String]) -> (number: String, name: String, chapter: Int)? {
        var above = index - 1
        while above >= 0 && trimmed(lines[above]).isEmpty { above -= 1 }
        guard above >= 0 else { return nil }
        let line = trimmed(lines[above])
        let prefix = "// Exercise "
        guard line.hasPrefix(prefix), let colon = line.firstIndex(of: ":") else { return nil }
        let number = line[line.index(line.startIndex, offsetBy: prefix.count)..<colon]
            .trimmingCharacters(in: .whitespaces)
        let name = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard let chapterText = number.split(separator: ".").first, let chapter = Int(chapterText), !name.isEmpty else {
            return nil
        }
        return (number, name, chapter)
    }

    static func lines(of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func trimmed(_ line: String) -> String {
        line.trimmingCharacters(in: .whitespaces)
    }

    private static func swiftLiteral(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
