/// The records of CSV text as RFC 4180 defines them: fields separated by
/// commas, records by CR, LF or CRLF (or CR CR LF, as a CRLF file written again in
/// text mode on Windows ends its lines); a field in double quotes may hold commas,
/// line breaks and doubled quotes (`""` for `"`). Unquoted fields lose the
/// spaces and tabs around them. With a tab as the separator (tab-separated logs),
/// only spaces are trimmed.
///
/// Records are handed out one at a time as views into the text, so a file of
/// numbers is read without making a string per field.
public enum CSVRecords {
    public struct Field: Equatable {
        public var text: String
        /// It was written in double quotes.
        public var quoted: Bool
    }

    /// Where one field's bytes are: in the text, or (quoted, with `""` made `"`)
    /// in the record's copy of its quoted fields.
    fileprivate struct Span {
        var start: Int
        var end: Int
        var quoted: Bool
    }

    /// One record, valid only inside the closure it is passed to.
    public struct Record {
        /// The line (from 1) where the record starts.
        public let line: Int
        fileprivate let spans: [Span]
        fileprivate let text: UnsafeBufferPointer<UInt8>
        fileprivate let unquoted: UnsafeBufferPointer<UInt8>

        public var count: Int { spans.count }

        func bytes(at index: Int) -> UnsafeBufferPointer<UInt8> {
            let span = spans[index]
            return UnsafeBufferPointer(rebasing: (span.quoted ? unquoted : text)[span.start..<span.end])
        }

        /// The field's number when it is a plain decimal (see `DecimalNumber`).
        public func number(at index: Int) -> Double? { DecimalNumber.parse(bytes(at: index)) }

        /// Whether the field is empty (after its spaces are trimmed), written in quotes or not.
        public func isEmpty(at index: Int) -> Bool { spans[index].start == spans[index].end }

        /// One field as text.
        public func text(at index: Int) -> String { String(decoding: bytes(at: index), as: UTF8.self) }

        /// Every field as text, for the header and for error messages.
        public var fields: [Field] {
            spans.indices.map { Field(text: String(decoding: bytes(at: $0), as: UTF8.self), quoted: spans[$0].quoted) }
        }
    }

    /// Calls `body` with each record in turn, skipping empty lines; throws a
    /// `DataFileError` for a quote that never closes or text between a closing
    /// quote and the next separator.
    public static func forEach(in text: String, file: String, separator: UInt8 = UInt8(ascii: ","),
                        _ body: (Record) throws -> Void) throws {
        var text = text
        try text.withUTF8 { try forEach(in: $0, file: file, separator: separator, body) }
    }

    private static func forEach(in bytes: UnsafeBufferPointer<UInt8>, file: String, separator comma: UInt8,
                                _ body: (Record) throws -> Void) throws {
        let (quote, cr, lf) = (UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n"))
        let isBlank = { (byte: UInt8) in byte != comma && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) }
        var spans: [Span] = []
        var unquoted: [UInt8] = []
        var line = 1, recordLine = 1
        var index = 0

        func endOfLine(at position: Int) -> Int? {
            guard position < bytes.count else { return nil }
            if bytes[position] == lf { return 1 }
            guard bytes[position] == cr else { return nil }
            if position + 1 < bytes.count && bytes[position + 1] == lf { return 2 }
            if position + 2 < bytes.count && bytes[position + 1] == cr && bytes[position + 2] == lf { return 3 }
            return 1
        }

        while true {
            // One field starts at `index`.
            var start = index
            while start < bytes.count && isBlank(bytes[start]) { start += 1 }
            if start < bytes.count && bytes[start] == quote {
                let openedOn = line
                let valueStart = unquoted.count
                var position = start + 1
                while true {
                    guard position < bytes.count else {
                        throw DataFileError(file: file, line: openedOn, column: spans.count + 1,
                                            problem: "a quoted field is never closed (a \" without its partner)")
                    }
                    let byte = bytes[position]
                    if byte == quote {
                        if position + 1 < bytes.count && bytes[position + 1] == quote {
                            unquoted.append(quote)
                            position += 2
                            continue
                        }
                        position += 1
                        break
                    }
                    if let length = endOfLine(at: position) {
                        unquoted += bytes[position..<(position + length)]
                        position += length
                        line += 1
                        continue
                    }
                    unquoted.append(byte)
                    position += 1
                }
                while position < bytes.count && isBlank(bytes[position]) { position += 1 }
                if position < bytes.count && bytes[position] != comma && endOfLine(at: position) == nil {
                    throw DataFileError(file: file, line: line, column: spans.count + 1,
                                        problem: "text after the closing quote of a quoted field")
                }
                spans.append(Span(start: valueStart, end: unquoted.count, quoted: true))
                index = position
            } else {
                var end = start
                while end < bytes.count && bytes[end] != comma && bytes[end] != lf && bytes[end] != cr { end += 1 }
                var last = end
                while last > start && isBlank(bytes[last - 1]) { last -= 1 }
                spans.append(Span(start: start, end: last, quoted: false))
                index = end
            }
            // What ends the field: a comma, a line break or the end of the text.
            if index < bytes.count && bytes[index] == comma {
                index += 1
                continue
            }
            let isEmptyLine = spans.count == 1 && !spans[0].quoted && spans[0].start == spans[0].end
            if !isEmptyLine {
                try unquoted.withUnsafeBufferPointer { unquoted in
                    try body(Record(line: recordLine, spans: spans, text: bytes, unquoted: unquoted))
                }
            }
            spans.removeAll(keepingCapacity: true)
            unquoted.removeAll(keepingCapacity: true)
            guard let length = endOfLine(at: index) else { break }
            index += length
            line += 1
            recordLine = line
            if index >= bytes.count { break }
        }
    }
}
