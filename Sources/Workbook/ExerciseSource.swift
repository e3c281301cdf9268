import Foundation

/// An exercise's region as the learner's file holds it now: the lines between
/// `// BEGIN SOLUTION` and `// END SOLUTION` under `// Exercise N.M: Name`.
///
/// The harness and the command read it to tell an open exercise (its stub
/// still there) from a written one, and to hash what the learner wrote.
public struct ExerciseSource: Sendable {
    public var packageRoot: URL

    public init(packageRoot: URL) {
        self.packageRoot = packageRoot
    }

    /// The region's lines, or nil when the file or the region cannot be found.
    public func region(of exercise: ExerciseInfo) -> [String]? {
        bounds(of: exercise).map { Array($0.lines[($0.begin + 1)..<$0.end]) }
    }

    /// `Sources/NeuralNetwork/Layer.swift:52`: the region's first line, as
    /// terminals and editors make clickable.
    public func location(of exercise: ExerciseInfo) -> String {
        guard let bounds = bounds(of: exercise) else { return exercise.file }
        return "\(exercise.file):\(bounds.begin + 2)"
    }

    /// The file's lines and the indices of the region's BEGIN and END markers:
    /// the first region under the exercise's `// Exercise N.M:` line, found as
    /// the grader finds it.
    private func bounds(of exercise: ExerciseInfo) -> (lines: [String], begin: Int, end: Int)? {
        guard let text = try? String(contentsOf: packageRoot.appendingPathComponent(exercise.file), encoding: .utf8)
        else { return nil }
        let reading = ExerciseMarkers.read(text)
        guard let region = reading.regions.first(where: { $0.header?.number == exercise.number }) else { return nil }
        return (reading.lines, region.beginLine, region.endLine)
    }

    /// True while the region still calls `exerciseNotDone` for this exercise.
    public func isOpen(_ exercise: ExerciseInfo) -> Bool {
        region(of: exercise)?.contains { $0.contains(exercise.stubCall) } ?? false
    }

    /// True when the learner wrote code in the region but left the stub's call in
    /// it: the program still stops there, and only deleting that line helps.
    public func stubLeftUnderCode(_ exercise: ExerciseInfo) -> Bool {
        guard let region = region(of: exercise) else { return false }
        let code = region.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("//") }
        return code.contains { $0.contains(exercise.stubCall) } && code.count > 1
    }

    /// A fingerprint of what the region holds, blind to indentation and blank
    /// lines: progress is kept per content, not per file date.
    public func fingerprint(of exercise: ExerciseInfo) -> String? {
        guard let region = region(of: exercise) else { return nil }
        let normalized = region.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: "\n")
        return Self.fingerprint(normalized)
    }

    /// A fingerprint of a file's text outside its solution regions (the markers
    /// kept, what lies between them left out, blank lines and indentation
    /// ignored): what the grader takes from the instructor's copy, not the learner's.
    public static func fingerprintOutsideRegions(_ text: String) -> String {
        let reading = ExerciseMarkers.read(text)
        let kept = reading.lines.indices
            .filter { index in !reading.regions.contains { $0.beginLine < index && index < $0.endLine } }
            .map { reading.lines[$0].trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return fingerprint(kept.joined(separator: "\n"))
    }

    /// The learner's exercise files whose text outside the regions differs from
    /// what the edition handed out (`handedOut`: file → `fingerprintOutsideRegions`).
    public func filesChangedOutsideRegions(comparedWith handedOut: [String: String]) -> [String] {
        handedOut.keys.sorted().filter { file in
            let text = (try? String(contentsOf: packageRoot.appendingPathComponent(file), encoding: .utf8)) ?? ""
            return Self.fingerprintOutsideRegions(text) != handedOut[file]
        }
    }

    /// A fingerprint of any text, as `fingerprint(of:)` makes them.
    public static func fingerprint(_ text: String) -> String { StableHash.hex(text) }
}
