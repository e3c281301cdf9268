/// The records of CSV text as RFC 4180 defines them: fields separated by
/// commas, records by CR, LF or CRLF; a field in double quotes may hold commas,
/// line breaks and doubled quotes (`""` for `"`). Unquoted fields lose the
/// spaces and tabs around them.
struct CSVRecords {
    struct Field: Equatable {
        var text: String
        /// It was written in double quotes.
        var quoted: Bool
    }

    struct Record {
        /// The line (from 1) where the record starts.
        var line: Int
        var fields: [Field]
    }

    /// Splits `text`; throws a `DataFileError` for a quote that never closes or
    /// text between a closing quote and the next separator.
    static func parse(_ text: String, file: String) throws -> [Record] {
        let bytes = Array(text.utf8)
        let (comma, quote, cr, lf) = (UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n"))
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var records: [Record] = []
        var fields: [Field] = []
        var line = 1, recordLine = 1
        var index = 0

        func endOfLine(at position: Int) -> Int? {
            guard position < bytes.count else { return nil }
            if bytes[position] == lf { return 1 }
            if bytes[position] == cr { return position + 1 < bytes.count && bytes[position + 1] == lf ? 2 : 1 }
            return nil
        }

        while true {
            // One field starts at `index`.
            var start = index
            while start < bytes.count && isBlank(bytes[start]) { start += 1 }
            var field: Field
            if start < bytes.count && bytes[start] == quote {
                let openedOn = line
                var value: [UInt8] = []
                var position = start + 1
                while true {
                    guard position < bytes.count else {
                        throw DataFileError(file: file, line: openedOn, column: fields.count + 1,
                                            problem: "a quoted field is never closed (a \" without its partner)")
                    }
                    let byte = bytes[position]
                    if byte == quote {
                        if position + 1 < bytes.count && bytes[position + 1] == quote {
                            value.append(quote)
                            position += 2
                            continue
                        }
                        position += 1
                        break
                    }
                    if let length = endOfLine(at: position) {
                        value += bytes[position..<(position + length)]
                        position += length
                        line += 1
                        continue
                    }
                    value.append(byte)
                    position += 1
                }
                while position < bytes.count && isBlank(bytes[position]) { position += 1 }
                if position < bytes.count && bytes[position] != comma && endOfLine(at: position) == nil {
                    throw DataFileError(file: file, line: line, column: fields.count + 1,
                                        problem: "text after the closing quote of a quoted field")
                }
                field = Field(text: String(decoding: value, as: UTF8.self), quoted: true)
                index = position
            } else {
                var end = start
                while end < bytes.count && bytes[end] != comma && endOfLine(at: end) == nil { end += 1 }
                var last = end
                while last > start && isBlank(bytes[last - 1]) { last -= 1 }
                field = Field(text: String(decoding: bytes[start..<last], as: UTF8.self), quoted: false)
                index = end
            }
            fields.append(field)
            // What ends the field: a comma, a line break or the end of the text.
            if index < bytes.count && bytes[index] == comma {
                index += 1
                continue
            }
            let isEmptyLine = fields.count == 1 && fields[0] == Field(text: "", quoted: false)
            if !isEmptyLine { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            guard let length = endOfLine(at: index) else { break }
            index += length
            line += 1
            recordLine = line
            if index >= bytes.count { break }
        }
        return records
    }
}
