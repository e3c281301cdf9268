/// Reads protocol buffer messages field by field, by hand: the few fields of TensorBoard's
/// events that `workbook plot` needs, without a protobuf library (whose build would cost every
/// fresh clone minutes). Wire format as the protobuf encoding guide gives it: each field a
/// varint key (field number << 3 | wire type), then a varint (0), 8 bytes (1), a varint
/// length and that many bytes (2), or 4 bytes (5); numbers little-endian.
struct ProtobufReader {
    enum WireType: Int {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, fixed32 = 5
    }

    /// A malformed message: what was wrong, for the caller to place in its file.
    struct Malformed: Error {
        let problem: String
    }

    private let bytes: ArraySlice<UInt8>
    private var index: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    var isAtEnd: Bool { index >= bytes.endIndex }

    /// The next field's number and wire type, nil at the end of the message.
    mutating func nextField() throws -> (number: Int, wire: WireType)? {
        guard !isAtEnd else { return nil }
        let key = try varint()
        guard let wire = WireType(rawValue: Int(key & 7)) else {
            throw Malformed(problem: "wire type \(key & 7) of field \(key >> 3) is not one protobuf writes today")
        }
        return (Int(key >> 3), wire)
    }

    mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard index < bytes.endIndex, shift < 64 else { throw Malformed(problem: "a varint runs past its message") }
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    mutating func fixed32() throws -> UInt32 {
        guard bytes.endIndex - index >= 4 else { throw Malformed(problem: "a 4-byte field runs past its message") }
        defer { index += 4 }
        return (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[index + $1]) << (8 * UInt32($1)) }
    }

    mutating func fixed64() throws -> UInt64 {
        guard bytes.endIndex - index >= 8 else { throw Malformed(problem: "an 8-byte field runs past its message") }
        defer { index += 8 }
        return (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[index + $1]) << (8 * UInt64($1)) }
    }

    mutating func lengthDelimited() throws -> ArraySlice<UInt8> {
        let length = try varint()
        guard length <= UInt64(bytes.endIndex - index) else { throw Malformed(problem: "a field's length runs past its message") }
        defer { index += Int(length) }
        return bytes[index..<(index + Int(length))]
    }

    mutating func skip(_ wire: WireType) throws {
        switch wire {
        case .varint: _ = try varint()
        case .fixed64: _ = try fixed64()
        case .lengthDelimited: _ = try lengthDelimited()
        case .fixed32: _ = try fixed32()
        }
    }
}

/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), masked as TFRecord framing stores it:
/// `((crc >> 15) | (crc << 17)) + 0xa282ead8`, so a checksum of checksummed data is not trivial.
enum MaskedCRC32C {
    static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        return crc
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }

    static func masked(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        let crc = checksum(bytes)
        return ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
    }
}
