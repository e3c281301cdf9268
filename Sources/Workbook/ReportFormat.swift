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

    /// The last `count` non-empty lines of a run's output.
    static func tail(_ output: String, lines count: Int = 25) -> String {
        let lines = plainText(output).split(separator: "\n", omittingEmptySubsequences: true)
        return lines.suffix(count).joined(separator: "\n")
    }

    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
