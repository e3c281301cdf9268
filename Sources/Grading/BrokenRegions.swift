import Foundation
import Workbook

/// Regions that keep the learner's module from compiling.
///
/// A compile error costs its own exercise, nothing else: rather than fail every
/// chapter, a region the compiler refused (a type error, an unsafe construct
/// under strict memory safety, brackets that do not balance) gets the learner
/// edition's stub in a copy of the file, and everything else is built and run.
/// The grader does this to the spliced submission, `workbook run` to a copy of
/// the learner's package under `.build/`; the learner's own files never change.
public enum BrokenRegions {
    /// The tag the compiler puts on every strict-memory-safety diagnostic.
    static let memorySafetyGroup = "[#StrictMemorySafety]"

    /// One compiler error, where the compiler found it.
    public struct Refusal: Equatable, Sendable {
        /// Package-relative, e.g. `Sources/NeuralNetwork/Neuron.swift`.
        public var file: String
        /// 1-based line and column in the file the compiler read.
        public var line: Int
        public var column: Int
        /// The compiler's message, without its diagnostic group.
        public var message: String
        /// An unsafe construct, refused by strict memory safety.
        public var isUnsafe: Bool

        public init(file: String, line: Int, column: Int = 1, message: String, isUnsafe: Bool = false) {
            self.file = file
            self.line = line
            self.column = column
            self.message = message
            self.isUnsafe = isUnsafe
        }

        init(_ error: CompilerError, file: String) {
            let unsafe = error.message.contains(memorySafetyGroup)
            self.init(file: file, line: error.line, column: error.column,
                      message: error.message.replacingOccurrences(of: " " + memorySafetyGroup, with: ""), isUnsafe: unsafe)
        }
    }

    /// The errors of a build log, `path:line:column: error: message` lines, with
    /// paths relative to `root` (a path outside it stays as the compiler wrote it).
    public static func refusals(in log: String, relativeTo root: URL? = nil) -> [Refusal] {
        CompilerError.all(in: log).map { error in
            Refusal(error, file: root.map { CompilerError.relativePath(error.file, to: $0) } ?? error.file)
        }
    }

    /// The errors that lie in a region of `text` (`file`), by the region's
    /// exercise number. An error up to two lines below a region's END marker
    /// (the closing brace of its function: "missing return") is the region's.
    public static func refusalsByExercise(_ refusals: [Refusal], in text: String, file: String) -> [String: [Refusal]] {
        guard let regions = try? ExerciseMarkers.exercises(in: text, file: file) else { return [:] }
        var found: [String: [Refusal]] = [:]
        for refusal in refusals where refusal.file == file {
            // Markers are 0-based lines; the compiler's are 1-based.
            if let region = regions.first(where: { refusal.line > $0.beginLine + 1 && refusal.line <= $0.endLine + 3 }) {
                found[region.number, default: []].append(refusal)
            }
        }
        return found.mapValues { $0.sorted { ($0.line, $0.column) < ($1.line, $1.column) } }
    }

    /// The regions of `text` whose brackets do not balance (or that the scan
    /// cannot read with certainty), with the scan's problem and its 1-based line.
    /// The compiler reports an unclosed `{` at a later region or at the end of
    /// the file, so these are found by reading, not from its errors.
    public static func unbalancedRegions(in text: String, file: String) -> [String: Refusal] {
        guard let regions = try? ExerciseMarkers.exercises(in: text, file: file) else { return [:] }
        let lines = ExerciseMarkers.lines(of: text)
        var found: [String: Refusal] = [:]
        for region in regions {
            let body = Array(lines[(region.beginLine + 1)..<region.endLine])
            do {
                _ = try SwiftCodeScan(body.joined(separator: "\n"))
            } catch let refusal as SwiftCodeScan.Refusal {
                found[region.number] = Refusal(file: file, line: region.beginLine + 2 + refusal.line, message: refusal.problem)
            } catch {
                found[region.number] = Refusal(file: file, line: region.beginLine + 2, message: "\(error)")
            }
        }
        return found
    }

    /// Replaces the body of every region of `text` named in `broken` (exercise
    /// number → its first error) with the stub, unless it holds the stub already, followed by blank lines so that
    /// every line below keeps its number: errors of a later build still point at
    /// the learner's lines. Returns the new text and, per region it stubbed, the note for
    /// the feedback; `bodyLines` maps a spliced file's line back to the
    /// submitted file's (empty for a learner's own file).
    /// `problem`, when given, is what every note says instead of the compiler's words.
    static func stubbing(_ broken: [String: Refusal], in text: String, file: String, bodyLines: [String: Int] = [:],
                         problem given: String? = nil) throws -> (text: String, problems: [SubmissionRegions.Problem]) {
        let regions = try ExerciseMarkers.exercises(in: text, file: file)
        var lines = ExerciseMarkers.lines(of: text)
        var problems: [SubmissionRegions.Problem] = []
        for region in regions {
            let stub = region.indentation + ExerciseMarkers.stubCall(for: region)
            let body = lines[(region.beginLine + 1)..<region.endLine]
            guard let first = broken[region.number], body.first != stub || body.dropFirst().contains(where: { !$0.isEmpty })
            else { continue }
            let submittedLine = bodyLines[region.number].map { $0 + first.line - (region.beginLine + 2) } ?? first.line
            let problem = given ?? (first.isUnsafe
                ? "unsafe code is not allowed in a solution (the compiler says: \(first.message))"
                : "does not compile (the compiler says: \(first.message))")
            problems.append(SubmissionRegions.Problem(file: file, line: submittedLine, exercise: region.number, problem: problem))
            let bodyCount = region.endLine - region.beginLine - 1
            lines.replaceSubrange((region.beginLine + 1)..<region.endLine,
                                  with: [stub] + Array(repeating: "", count: max(0, bodyCount - 1)))
        }
        return (lines.joined(separator: "\n"), problems)
    }
}
