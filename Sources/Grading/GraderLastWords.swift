import Foundation
import Workbook

/// What a learner needs to see of a chapter that stopped early: its last lines,
/// and for a crash, the error and where in their code it happened, instead of the
/// runtime's full backtrace with registers and loaded images.
enum LastWords {
    /// `hiddenNames`: checks whose lines are cut out, so a crash report never
    /// gives a hidden check away.
    static func of(_ output: String, hiding hiddenNames: [String], lines count: Int = 12) -> String {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The trap's own line stays: it names the error.
        let backtraceStart = lines.firstIndex { CrashReport.beginsBacktrace($0) }
        var before = redacted(Array(lines[..<(backtraceStart ?? lines.count)]), hiding: hiddenNames)
        while before.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { before.removeLast() }
        var words = Array(before.suffix(count))
        if let backtraceStart {
            let frames = ownFrames(in: lines[backtraceStart...])
            if !frames.isEmpty {
                words.append("Crashed in:")
                words += frames.map { "  " + $0 }
            }
        }
        return words.joined(separator: "\n")
    }

    /// Frames of the crashed thread that lie in the package's sources, as
    /// "Neuron.weightedSum(_:) at Sources/NeuralNetwork/Neuron.swift:26:50".
    static func ownFrames(in backtrace: ArraySlice<String>, limit: Int = 6) -> [String] {
        BacktraceFrame.ownFrames(in: backtrace).prefix(limit).map { "\($0.function) at \($0.location)" }
    }

    /// The lines without those of hidden checks: a check's line names it, and its
    /// message follows indented by six spaces.
    static func redacted(_ lines: [String], hiding hiddenNames: [String]) -> [String] {
        var kept: [String] = []
        var skippingMessage = false
        for line in lines {
            if skippingMessage && line.hasPrefix("      ") { continue }
            skippingMessage = false
            if hiddenNames.contains(where: { !$0.isEmpty && line.contains($0) }) {
                skippingMessage = true
                continue
            }
            kept.append(line)
        }
        return kept
    }
}
