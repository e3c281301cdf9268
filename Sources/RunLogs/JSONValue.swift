/// A JSON document (RFC 8259) as read, for files whose errors must name their
/// place: a syntax error by line and column, a wrong value by its JSON path.
///
/// Numbers keep their text, so a number too large for a double (`1e400`) can be
/// shown as written. `NaN` and `Infinity` are not JSON and fail as syntax.
package indirect enum JSONValue {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case number(Double, text: String)
    case string(String)
    case bool(Bool)
    case null

    /// "an object", "a number", … for messages.
    package var kind: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .number: "a number"
        case .string: "a string"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// A JSON syntax error: where (line and column from 1, columns counted in characters) and what.
package struct JSONSyntaxError: Error, Equatable {
    package let line: Int
    package let column: Int
    package let problem: String
}

extension JSONValue {
    /// Parses one JSON document from UTF-8 bytes.
    package static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipSpace()
        guard parser.index < bytes.count else { throw parser.error("the file is empty, expected a JSON object") }
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.index == bytes.count else { throw parser.error("unexpected text after the end of the JSON document") }
        return value
    }
}

private struct JSONParser {
    let bytes: [UInt8]
    var index = 0

    /// Deep enough for any model file, shallow enough that no file can exhaust the stack.
    static let maximumDepth = 64

    init(bytes: [UInt8]) { self.bytes = bytes }

    func error(_ problem: String) -> JSONSyntaxError {
        var line = 1, lineStart = 0
        for position in 0..<min(index, bytes.count) where bytes[position] == UInt8(ascii: "\n") {
            line += 1
            lineStart = position + 1
        }
        // Count characters, not bytes: continuation bytes 10xxxxxx start none.
        let column = bytes[lineStart..<min(index, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count + 1
        return JSONSyntaxError(line: line, column: column, problem: problem)
    }

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func value(depth: Int) throws -> JSONValue {
        guard depth < Self.maximumDepth else { throw error("nested more than \(Self.maximumDepth) levels deep") }
        guard index < bytes.count else { throw error("the file ends where a value should be (is it cut short?)") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default:
            for (word, value) in [("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null)]
            where bytes[index...].starts(with: word.utf8) {
                index += word.utf8.count
                return value
            }
            for word in ["NaN", "Infinity", "+Infinity"] where bytes[index...].starts(with: word.utf8) {
                throw error("\(word) is not a JSON number; a model file holds finite numbers only")
            }
            throw error("expected a value (an object, array, number, string, true, false or null)")
        }
    }

    mutating func object(depth: Int) throws -> JSONValue {
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard index < bytes.count else { throw error("the file ends inside an object (is it cut short?)") }
            guard bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error(index < bytes.count ? "expected \":\" after the key \"\(key)\"" : "the file ends inside an object (is it cut short?)")
            }
            index += 1
            skipSpace()
            members.append((key, try value(depth: depth + 1)))
            skipSpace()
            guard index < bytes.count else { throw error("the file ends inside an object (is it cut short?)") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw error("expected \",\" or \"}\" in an object")
        }
    }

    mutating func array(depth: Int) throws -> JSONValue {
        index += 1
        var elements: [JSONValue] = []
        skipSpace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipSpace()
            elements.append(try value(depth: depth + 1))
            skipSpace()
            guard index < bytes.count else { throw error("the file ends inside an array (is it cut short?)") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
            throw error("expected \",\" or \"]\" in an array")
        }
    }

    /// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, read by `Double(_:)`, which rounds correctly.
    mutating func number() throws -> JSONValue {
        let start = index
        func digits() -> Int {
            let first = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - first
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        if index < bytes.count && bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw error("a number needs digits")
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw error("a number needs digits after its decimal point") }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            guard digits() > 0 else { throw error("a number needs digits in its exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text) else { throw error("\(text) is not a number") }
        return .number(value, text: text)
    }

    mutating func string() throws -> String {
        index += 1
        var value: [UInt8] = []
        while true {
            guard index < bytes.count else { throw error("the file ends inside a string (is it cut short?)") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { index += 1; return String(decoding: value, as: UTF8.self) }
            if byte < 0x20 { throw error("a control character inside a string (a line break must be written \\n)") }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { throw error("the file ends inside a string (is it cut short?)") }
                let escaped = bytes[index]
                let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C,
                                              0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
                if let replacement = simple[escaped] {
                    value.append(replacement)
                    index += 1
                } else if escaped == UInt8(ascii: "u"), index + 4 < bytes.count,
                          let code = UInt32(String(decoding: bytes[(index + 1)...(index + 4)], as: UTF8.self), radix: 16) {
                    // Surrogate pairs are rare in model files; a lone one reads as U+FFFD.
                    value += Array(String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8)
                    index += 5
                } else {
                    throw error("an unknown escape in a string")
                }
                continue
            }
            value.append(byte)
            index += 1
        }
    }
}
