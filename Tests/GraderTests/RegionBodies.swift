import Foundation
import Workbook

/// Submissions written region by region over the reference's exercise files.
enum RegionBodies {
    /// `text` (the exercise file `file`) with the body of each region listed in
    /// `bodies` (exercise → lines, unindented) replaced; every other region keeps
    /// the reference's body, or the learner edition's stub when `othersStubbed`.
    static func replacing(_ bodies: [String: String], in text: String, file: String, othersStubbed: Bool) throws -> String {
        let lines = ExerciseMarkers.lines(of: text)
        var output: [String] = []
        var index = 0
        for region in try ExerciseMarkers.exercises(in: text, file: file) {
            output += lines[index...region.beginLine]
            if let body = bodies[region.number] {
                output += body.split(separator: "\n", omittingEmptySubsequences: false).map { region.indentation + $0 }
            } else if othersStubbed {
                output.append(region.indentation + ExerciseMarkers.stubCall(for: region))
            } else {
                output += lines[(region.beginLine + 1)..<region.endLine]
            }
            index = region.endLine
        }
        output += lines[index...]
        return output.joined(separator: "\n")
    }
}
