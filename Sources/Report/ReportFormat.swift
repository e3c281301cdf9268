import Foundation
import Workbook

/// The short phrases both kinds of report page use, worded once.
enum ReportFormat {
    static func seconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.2f s", value) : String(format: "%.1f s", value)
    }

    static func points(_ points: Int, of total: Int) -> String {
        "\(points)/\(total) \(total == 1 ? "pt" : "pts")"
    }

    static func status(_ status: ChapterStatus) -> String {
        (status == .passed ? "✓ " : "✗ ") + status.label
    }

    /// "3/5", or a dash when no check ran (as when the chapter stopped at an open exercise).
    static func checks(_ record: ChapterRecord?) -> String {
        guard let record, !record.checks.isEmpty else { return "—" }
        return "\(record.passedCount)/\(record.checks.count)"
    }

    static func points(_ record: ChapterRecord?, out points: ChapterPoints) -> String {
        guard let record, !record.checks.isEmpty else { return "—" }
        return self.points(points.points, of: points.maxPoints)
    }

    /// Why a chapter recorded no checks, to end the sentence "No checks were recorded: …".
    static func reasonForNoChecks(_ status: ChapterStatus) -> String {
        switch status {
        case .passed, .failed: "the chapter has none"
        case .exerciseOpen: "the chapter stopped at an exercise that is still to write"
        case .didNotBuild: "the chapters did not build"
        case .notRun: "the chapter did not run"
        case .couldNotStart: "the chapter could not start"
        case .crashed, .timedOut, .tamperingSuspected: "the chapter \(status.label) before its first check"
        }
    }

    /// What the learner should do about a chapter that did not pass, after its page link.
    static func advice(_ status: ChapterStatus) -> String {
        switch status {
        case .exerciseOpen: "has an exercise still to write; its page says which, and where"
        case .failed: "has failing checks; its page shows which, and what came out"
        case .didNotBuild: "did not build; its page shows the compiler's first errors"
        default: "\(status.label); its page shows the end of what it printed"
        }
    }

    /// What a learner reads in a chapter's text when it went wrong, without the
    /// terminal's colour codes.
    static func plainText(_ text: String) -> String {
        var plain = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value) && scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" { inEscape = true; continue }
            plain.unicodeScalars.append(scalar)
        }
        return plain
    }

    /// A run's output as plain lines, without what it printed about hidden checks:
    /// the line naming one and the indented message lines under it (see `Chapter.check`).
    static func printedLines(_ run: ChapterRun) -> [Substring] {
        let hidden = Set((run.record?.checks ?? []).filter(\.hidden).map(\.name))
        var lines: [Substring] = []
        var skippingMessage = false
        for line in plainText(run.output).split(separator: "\n", omittingEmptySubsequences: true) {
            if skippingMessage && line.hasPrefix("      ") { continue }
            skippingMessage = false
            if let name = checkName(in: line), hidden.contains(name) {
                skippingMessage = true
                continue
            }
            lines.append(line)
        }
        return lines
    }

    /// `  ✓ name  (2 pts)` → `name`, as `Chapter.check` prints a result.
    private static func checkName(in line: Substring) -> String? {
        let trimmed = line.drop { $0 == " " }
        guard let mark = trimmed.first, mark == "✓" || mark == "✗",
              let pointsStart = trimmed.range(of: "  (", options: .backwards) else { return nil }
        return String(trimmed[trimmed.index(after: trimmed.startIndex)..<pointsStart.lowerBound].dropFirst())
    }

    static let tailLength = 25

    /// The last lines a run printed.
    static func tail(_ run: ChapterRun) -> String {
        printedLines(run).suffix(tailLength).joined(separator: "\n")
    }

    /// A chapter that stopped before its end: the end of its output says why.
    static func showsOutputTail(_ status: ChapterStatus) -> Bool {
        switch status {
        case .exerciseOpen, .crashed, .timedOut, .tamperingSuspected, .couldNotStart: true
        case .passed, .failed, .didNotBuild, .notRun: false
        }
    }

    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
