import Foundation
import Workbook

/// Regions the compiler refused as unsafe code.
///
/// The learner's module builds with strict memory safety as an error, so a region
/// that reaches for pointers does not compile. Rather than fail the whole
/// submission, the grader takes such a region as it takes any region it refuses:
/// its exercise gets the learner edition's stub (and grades as open), the note
/// names the submitted file's line, and everything else is built and graded.
enum MemorySafetyRefusals {
    /// The tag the compiler puts on every strict-memory-safety diagnostic.
    static let diagnosticGroup = "[#StrictMemorySafety]"

    /// One unsafe construct: where the compiler found it in the spliced file.
    struct Refusal: Equatable {
        /// Package-relative, e.g. `Sources/NeuralNetwork/Neuron.swift`.
        var file: String
        /// 1-based line in the spliced file.
        var line: Int
        var message: String
    }

    /// The strict-memory-safety errors among `errors`, lines of the form
    /// `path:line:column: error: message [#StrictMemorySafety]`.
    static func refusals(in errors: String) -> [Refusal] {
        errors.split(separator: "\n").compactMap { line in
            guard line.contains(diagnosticGroup), let errorRange = line.range(of: ": error: ") else { return nil }
            let location = line[..<errorRange.lowerBound].split(separator: ":")
            guard location.count >= 3, let lineNumber = Int(location[location.count - 2]) else { return nil }
            let file = location.dropLast(2).joined(separator: ":")
            let message = line[errorRange.upperBound...].replacingOccurrences(of: " " + diagnosticGroup, with: "")
            return Refusal(file: file, line: lineNumber, message: message)
        }
    }

    /// Replaces every region of `spliced` that holds one of `refusals` with its
    /// stub. Returns the new text and, per refused exercise, the note for the
    /// feedback; `bodyLines` maps the spliced line back to the submitted file's.
    static func stubbing(_ refusals: [Refusal], in spliced: String, file: String,
                         bodyLines: [String: Int]) throws -> (text: String, problems: [SubmissionRegions.Problem]) {
        let regions = try ExerciseMarkers.exercises(in: spliced, file: file)
        var lines = ExerciseMarkers.lines(of: spliced)
        var problems: [SubmissionRegions.Problem] = []
        // From the last region up, so that earlier line numbers stay valid.
        for region in regions.reversed() {
            let inside = refusals.filter { $0.file == file && $0.line > region.beginLine + 1 && $0.line <= region.endLine }
            guard let first = inside.min(by: { $0.line < $1.line }) else { continue }
            let submittedLine = bodyLines[region.number].map { $0 + first.line - (region.beginLine + 2) } ?? first.line
            problems.append(SubmissionRegions.Problem(
                file: file, line: submittedLine, exercise: region.number,
                problem: "unsafe code is not allowed in a solution (the compiler says: \(first.message))"))
            lines.replaceSubrange((region.beginLine + 1)..<region.endLine,
                                  with: [region.indentation + ExerciseMarkers.stubCall(for: region)])
        }
        return (lines.joined(separator: "\n"), problems.reversed())
    }
}
