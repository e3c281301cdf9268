/// The causes of the reference's mutants, filed under their fingerprints and
/// sealed: each one is encrypted under a key derived from its fingerprint, and
/// found by a second value derived from it. Only code that gives the outputs a
/// mutant gives can read what that mutant's slip was; the causes together
/// would spell the reference out, so no edition holds them readable.
///
/// Both values come from HMAC-SHA-256 keyed with the fingerprint's SHA-256:
/// the lookup is the first 16 hex digits of HMAC("lookup"), the keystream the
/// HMACs of "cause 0", "cause 1", … in turn (a counter-mode stream cipher).
/// `workbook mutants` seals them; `SlipCauseTable.swift` holds them.
public enum SlipCauses {
    /// The cause filed under `fingerprint`, if a mutant gave those outputs.
    public static func cause(for fingerprint: String) -> String? {
        table[lookup(fingerprint)].flatMap { open($0, fingerprint: fingerprint) }
    }

    /// Where a cause is filed: 16 hex digits.
    public static func lookup(_ fingerprint: String) -> String {
        String(HMAC.hex(HMAC.sha256(key: key(fingerprint), message: Array("lookup".utf8))).prefix(16))
    }

    /// `cause` encrypted under `fingerprint`'s key, in hex.
    public static func seal(_ cause: String, fingerprint: String) -> String {
        HMAC.hex(crypt(Array(cause.utf8), fingerprint: fingerprint))
    }

    /// The cause `sealed` holds, or nil when it is not hex or not UTF-8 under this key.
    public static func open(_ sealed: String, fingerprint: String) -> String? {
        let digits = Array(sealed.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return String(validating: crypt(bytes, fingerprint: fingerprint), as: UTF8.self)
    }

    private static func key(_ fingerprint: String) -> [UInt8] {
        SHA256.hash(Array(fingerprint.utf8))
    }

    /// XOR with the keystream: encrypts and decrypts alike.
    private static func crypt(_ bytes: [UInt8], fingerprint: String) -> [UInt8] {
        let key = key(fingerprint)
        var stream: [UInt8] = []
        var block = 0
        while stream.count < bytes.count {
            stream += HMAC.sha256(key: key, message: Array("cause \(block)".utf8))
            block += 1
        }
        return zip(bytes, stream).map { $0 ^ $1 }
    }

    /// Lookup → sealed cause, from `SlipCauseTable.swift`.
    static let table: [String: String] = {
        var entries: [String: String] = [:]
        for line in sealedSlipCauses.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 2 { entries[String(fields[0])] = String(fields[1]) }
        }
        return entries
    }()
}
