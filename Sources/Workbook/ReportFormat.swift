import Foundation

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

    static func checks(_ record: ChapterRecord?) -> String {
        guard let record else { return "—" }
        return "\(record.passedCount)/\(record.checks.count)"
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

    /// The last `count` lines a run printed.
    static func tail(_ run: ChapterRun, lines count: Int = 25) -> String {
        printedLines(run).suffix(count).joined(separator: "\n")
    }

    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
