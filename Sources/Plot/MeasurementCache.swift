import Foundation

/// Remembers text widths and font metrics: libgd hints every glyph again on each call, and a
/// chart measures the same labels several times while laying itself out.
final class MeasurementCache: @unchecked Sendable {
    static let shared = MeasurementCache()

    struct Key: Hashable {
        var text: String
        var size: Double
        var isBold: Bool
    }

    // Guarded by `lock`; charts may be drawn on several threads at once.
    private var entries: [Key: Double] = [:]
    private let lock = NSLock()
    private let capacity = 4096

    func value(for key: Key, compute: () throws -> Double) rethrows -> Double {
        lock.lock()
        let cached = entries[key]
        lock.unlock()
        if let cached { return cached }
        let value = try compute()
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = value
        lock.unlock()
        return value
    }
}
