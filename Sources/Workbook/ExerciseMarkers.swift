import Foundation

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
public struct MarkerError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    /// 1-based, as editors count.
    public var line: Int
    public var problem: String
    public var description: String { "\(file):\(line): \(problem)" }
}

/// Reading and rewriting the markers that delimit solutions and hidden checks.
///
/// Every reader of a file (the learner edition, the grader, the report's weaver,
/// the learner's progress) goes through `marker(in:)` and `read(_:)`, so a line
/// is a marker for all of them or for none.
///
/// A marker is a line comment of its own, as nbgrader uses them in notebooks:
/// `// BEGIN SOLUTION`, `// END SOLUTION`, `// BEGIN HIDDEN TESTS`,
/// `// END HIDDEN TESTS`. Whitespace around it and between `//` and the words is
/// ignored, and a remark may follow the words after a space
/// (`// BEGIN HIDDEN TESTS (grading)`). Lines end in LF, CRLF or CR, as the
/// compiler counts them.
public enum ExerciseMarkers {
    public static let beginSolution = "// BEGIN SOLUTION"
    public static let endSolution = "// END SOLUTION"
    public static let beginHidden = "// BEGIN HIDDEN TESTS"
    public static let endHidden = "// END HIDDEN TESTS"

    /// The four marker lines.
    public enum Marker: CaseIterable, Sendable {
        case beginSolution, endSolution, beginHidden, endHidden

        /// "BEGIN SOLUTION": the words after `//`.
        var words: String {
            switch self {
            case .beginSolution: "BEGIN SOLUTION"
            case .endSolution: "END SOLUTION"
            case .beginHidden: "BEGIN HIDDEN TESTS"
            case .endHidden: "END HIDDEN TESTS"
            }
        }
    }

    /// The marker `line` is, or nil for any other line.
    public static func marker(in line: some StringProtocol) -> Marker? {
        let text = line.drop(while: isBlank)
        guard text.hasPrefix("//") else { return nil }
        let words = text.dropFirst(2).drop(while: isBlank)
        return Marker.allCases.first { marker in
            guard words.hasPrefix(marker.words) else { return false }
            // "BEGIN SOLUTIONS" is not a marker; "BEGIN SOLUTION (remark)" is.
            return words.dropFirst(marker.words.count).first.map(isBlank) ?? true
        }
    }

    /// True when `text` holds at least one solution region.
    public static func holdsSolutions(_ text: String) -> Bool {
        lines(of: text).contains { marker(in: $0) == .beginSolution }
    }

    /// The exercise regions of a file, in order. Every region must follow a
    /// `// Exercise N.M: Name` line, because the stub names the exercise and the
    /// grader reports by it. Throws the first misplaced marker (see `read(_:)`).
    public static func exercises(in text: String, file: String) throws -> [ExerciseRegion] {
        try read(text).strict(file: file).regions
    }

    /// The learner's version of a file: every solution replaced by a call to
    /// `exerciseNotDone` (the `// Exercise` line and both markers stay, so the
    /// learner sees where to write and the grader can find the region again),
    /// and every hidden-test block removed with its markers.
    public static func learnerVersion(of text: String, file: String) throws -> (text: String, exercises: [ExerciseRegion], hiddenBlocks: Int) {
        let reading = try read(text).strict(file: file)
        let lines = reading.lines
        var output: [String] = []
        var index = 0
        var pending = reading.regions[...]
        while index < lines.count {
            if let current = pending.first, index == current.beginLine {
                output.append(lines[current.beginLine])
                // The stub is the region's only statement and returns Never, so
                // it type-checks in functions, properties and initialisers alike.
                output.append(current.indentation + stubCall(for: current))
                output.append(lines[current.endLine])
                index = current.endLine + 1
                pending = pending.dropFirst()
            } else if let block = reading.hiddenBlocks.first(where: { $0.lowerBound == index }) {
                index = block.upperBound + 1
            } else {
                output.append(lines[index])
                index += 1
            }
        }
        return (output.joined(separator: "\n"), reading.regions, reading.hiddenBlocks.count)
    }

    /// `exerciseNotDone("7.1", "Layer.backward", chapter: 7)`
    public static func stubCall(for region: ExerciseRegion) -> String {
        "exerciseNotDone(\(swiftLiteral(region.number)), \(swiftLiteral(region.name)), chapter: \(region.chapter))"
    }

    // MARK: - Reading

    /// A solution region as the markers make it, whether or not an exercise line names it.
    package struct MarkedRegion: Sendable {
        /// 0-based lines of its BEGIN and END markers.
        package var beginLine: Int
        package var endLine: Int
        package var header: (number: String, name: String, chapter: Int)?

        /// Its lines between the markers.
        package func body(in lines: [String]) -> ArraySlice<String> {
            lines[(beginLine + 1)..<endLine]
        }
    }

    /// A misplaced marker: its 0-based line, the exercise it breaks (nil when
    /// it belongs to none), and what is wrong.
    package struct Problem: Sendable {
        package var line: Int
        package var exercise: String?
        package var problem: String
    }

    /// Everything the markers of a file say, read leniently: a marker out of
    /// place is noted and the reading goes on, so the grader can still take the
    /// exercises it does not touch.
    package struct Reading: Sendable {
        package var lines: [String]
        /// The closed solution regions, in order.
        package var regions: [MarkedRegion]
        /// Lines of each hidden-test block, its markers included; one never
        /// closed runs to the end of the file, so nothing after it shows.
        package var hiddenBlocks: [ClosedRange<Int>]
        package var problems: [Problem]

        /// The regions as exercises, or the first problem as an error: for the
        /// instructor's files, where every marker must be in place.
        func strict(file: String) throws -> (lines: [String], regions: [ExerciseRegion], hiddenBlocks: [ClosedRange<Int>]) {
            if let first = problems.first { throw MarkerError(file: file, line: first.line + 1, problem: first.problem) }
            let exercises = regions.compactMap { region in
                region.header.map { header in
                    ExerciseRegion(number: header.number, name: header.name, chapter: header.chapter,
                                   beginLine: region.beginLine, endLine: region.endLine,
                                   indentation: String(lines[region.beginLine].prefix(while: ExerciseMarkers.isBlank)))
                }
            }
            return (lines, exercises, hiddenBlocks)
        }

        /// The lines outside every hidden-test block, without stray hidden markers.
        package var visibleLines: [String] {
            lines.indices.filter { index in
                !hiddenBlocks.contains { $0.contains(index) } && ExerciseMarkers.marker(in: lines[index]) != .endHidden
            }.map { lines[$0] }
        }
    }

    /// Reads every marker of `text` by the one rule of `marker(in:)`.
    package static func read(_ text: String) -> Reading {
        let lines = lines(of: text)
        var reading = Reading(lines: lines, regions: [], hiddenBlocks: [], problems: [])
        var open: MarkedRegion?
        var hiddenOpen: Int?

        func note(_ line: Int, _ exercise: String?, _ problem: String) {
            reading.problems.append(Problem(line: line, exercise: exercise, problem: problem))
        }

        for (index, line) in lines.enumerated() {
            switch marker(in: line) {
            case .beginSolution:
                let header = exerciseHeader(before: index, in: lines)
                if let open {
                    note(index, open.header?.number, "\(beginSolution) inside the region begun on line \(open.beginLine + 1)")
                }
                if let hiddenOpen {
                    note(index, header?.number, "\(beginSolution) inside hidden tests begun on line \(hiddenOpen + 1)")
                }
                if header == nil {
                    note(index, nil, "\(beginSolution) needs a line `// Exercise N.M: Name` just above it")
                }
                open = MarkedRegion(beginLine: index, endLine: index, header: header)
            case .endSolution:
                guard var region = open else {
                    note(index, nil, "\(endSolution) without a \(beginSolution) before it")
                    continue
                }
                region.endLine = index
                reading.regions.append(region)
                open = nil
            case .beginHidden:
                if let hiddenOpen {
                    note(index, nil, "\(beginHidden) inside the block begun on line \(hiddenOpen + 1)")
                    continue
                }
                if let open {
                    note(index, open.header?.number, "\(beginHidden) inside the solution begun on line \(open.beginLine + 1)")
                }
                hiddenOpen = index
            case .endHidden:
                guard let begin = hiddenOpen else {
                    note(index, nil, "\(endHidden) without a \(beginHidden) before it")
                    continue
                }
                reading.hiddenBlocks.append(begin...index)
                hiddenOpen = nil
            case nil:
                continue
            }
        }
        if let open {
            note(open.beginLine, open.header?.number, "\(beginSolution) is never closed by \(endSolution)")
        }
        if let hiddenOpen {
            note(hiddenOpen, nil, "\(beginHidden) is never closed by \(endHidden)")
            reading.hiddenBlocks.append(hiddenOpen...(lines.count - 1))
        }
        return reading
    }

    // MARK: - Parts

    /// The exercise named by the nearest non-blank line above `index`, if it is
    /// an `// Exercise N.M: Name` line.
    package static func exerciseHeader(before index: Int, in lines: [String]) -> (number: String, name: String, chapter: Int)? {
        var above = index - 1
        while above >= 0 && lines[above].allSatisfy(isBlank) { above -= 1 }
        guard above >= 0 else { return nil }
        let line = lines[above].trimmingCharacters(in: .whitespaces)
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

    /// The lines of `text`, split where the compiler counts a new line: at LF,
    /// CRLF or CR. (A Swift `Character` holds CRLF whole, so splitting at "\n"
    /// alone would leave a file saved on Windows as one line.)
    package static func lines(of text: String) -> [String] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.map(String.init)
    }

    private static func isBlank(_ character: Character) -> Bool {
        character == " " || character == "\t"
    }

    private static func swiftLiteral(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
