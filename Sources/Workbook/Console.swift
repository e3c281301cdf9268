import Foundation

/// Terminal output: colours only when standard output is a terminal (or the
/// runner showing it is) and `NO_COLOR` is unset, so logs and pipes stay plain.
public enum Console {
    public static let usesColor: Bool = {
        let environment = ProcessInfo.processInfo.environment
        if environment["NO_COLOR"] != nil { return false }
        // A runner that shows our output on its terminal asks for colour this way.
        return isatty(STDOUT_FILENO) != 0 || environment["WORKBOOK_COLOR"] == "1"
    }()

    public static func line(_ text: String) {
        // Unbuffered, so lines from chapters and the runner interleave in order.
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    public static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    public static func bold(_ text: String) -> String { styled(text, "1") }
    public static func dim(_ text: String) -> String { styled(text, "2") }
    public static func red(_ text: String) -> String { styled(text, "31") }
    public static func green(_ text: String) -> String { styled(text, "32") }
    public static func yellow(_ text: String) -> String { styled(text, "33") }

    private static func styled(_ text: String, _ code: String) -> String {
        usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
