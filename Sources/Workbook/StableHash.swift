/// 64-bit FNV-1a over a text's UTF-8: the same number on every run and machine,
/// unlike Swift's seeded `Hasher`. For noticing a change and for making names,
/// not a security measure.
public enum StableHash {
    public static func fnv1a(_ text: String) -> UInt64 {
        fnv1a(bytes: text.utf8)
    }

    /// The same over any bytes (a file's contents, read without decoding).
    public static func fnv1a<Bytes: Sequence<UInt8>>(bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The hash as 16 lower-case hex digits, leading zeros kept.
    public static func hex(_ text: String) -> String {
        hex(fnv1a(text))
    }

    public static func hex(_ hash: UInt64) -> String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
