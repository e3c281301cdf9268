import CGD
import Foundation

/// Where DejaVu Sans is found, and the one-time FreeType set-up libgd needs.
enum Fonts {
    static let folders = [
        "/usr/share/fonts/truetype/dejavu",  // Debian, Ubuntu (fonts-dejavu-core)
        "/usr/share/fonts/TTF",  // Arch
        "/usr/share/fonts/dejavu",  // Fedora
        "/usr/share/fonts/dejavu-sans-fonts",
        "/opt/homebrew/share/fonts",
        "/usr/local/share/fonts",
        "/Library/Fonts",
    ]

    /// Resolved once; a lazily initialised global is thread-safe in Swift.
    static let regular: Result<String, PlotError> = locate("DejaVuSans.ttf")
    /// Falls back to the regular face when the bold one is missing.
    static let bold: Result<String, PlotError> = {
        if case .success(let path) = locate("DejaVuSans-Bold.ttf") { return .success(path) }
        return regular
    }()

    /// `gdFontCacheSetup` must run before the first `gdImageStringFT`, and only once,
    /// or two threads drawing text (parallel tests, parallel chapters) can race on the cache.
    static let cacheReady: Bool = gdFontCacheSetup() == 0

    static func path(bold isBold: Bool) throws -> String {
        guard cacheReady else { throw PlotError.textRenderingFailed("FreeType could not be initialised") }
        return try (isBold ? bold : regular).get()
    }

    private static func locate(_ file: String) -> Result<String, PlotError> {
        let candidates = folders.map { "\($0)/\(file)" }
        if let found = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }) {
            return .success(found)
        }
        return .failure(.fontNotFound(searched: candidates))
    }
}
