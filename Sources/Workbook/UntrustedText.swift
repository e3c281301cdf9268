/// Text a submission chose (a folder name, a trap's message, a compiler's
/// quote of a region), made safe to print: every character a terminal or a
/// viewer would act on rather than show is written out as `\u{1B}`, so the
/// instructor sees that something was tried and nothing is done by it.
public enum UntrustedText {
    /// `text` with C0 controls (but newline and tab, when `keepingLineBreaks`),
    /// DEL, C1 controls, the line and paragraph separators and the bidi
    /// controls (U+202A–202E, U+2066–2069) escaped. A CSV cell or a progress
    /// line passes `keepingLineBreaks: false`: one line each.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks: keepingLineBreaks) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingLineBreaks: keepingLineBreaks) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func needsEscape(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
