import Foundation

/// Writing files whole or not at all.
public enum AtomicFile {
    /// Writes `data` with Foundation's atomic write (a temporary file beside
    /// `url`, flushed to disk, then renamed into place), so a reader never sees
    /// half a file and an old file survives a failure. Creates the folder if needed.
    public static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
