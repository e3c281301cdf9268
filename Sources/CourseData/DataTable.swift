/// A CSV file of numbers, as read: the header's names when the file has one,
/// and every row, each with the line it started on.
///
/// The format is RFC 4180 (commas, optional double quotes, `""` inside quotes);
/// a quoted number is a number. Numbers are plain decimals (`-1.5`, `2e-3`);
/// hexadecimal, `nan` and `inf` are refused, and so is a number too large for a double.
/// A first row with no number in it is the header.
public struct DataTable: Equatable, Sendable {
    /// The header's names, one per column, or nil when the file has no header.
    public var header: [String]?
    /// One row of numbers per data line, all of the same length.
    public var rows: [[Double]]
    /// The line each row starts on, from 1.
    public var lines: [Int]

    public var columnCount: Int { header?.count ?? rows.first?.count ?? 0 }

    /// Parses CSV text; `file` names it in errors.
    public init(csv text: String, file: String = "<text>") throws {
        var header: [String]?
        var rows: [[Double]] = []
        var lines: [Int] = []
        try CSVRecords.forEach(in: text, file: file) { record in
            if rows.isEmpty && header == nil {
                let fields = record.fields
                try Self.refuseSemicolons(fields, line: record.line, file: file)
                if fields.allSatisfy({ DecimalNumber.parse($0.text) == nil }) {
                    header = fields.map(\.text)
                    return
                }
            }
            let expected = header?.count ?? rows.first?.count
            if let expected, record.count != expected {
                let hint = record.fields.contains { !$0.quoted && $0.text.contains(";") }
                    ? " (it holds semicolons: the file may be semicolon-separated; write it with commas)" : ""
                throw DataFileError(file: file, line: record.line,
                                    problem: "has \(record.count) columns, expected \(expected) like the first row" + hint)
            }
            var row: [Double] = []
            row.reserveCapacity(record.count)
            for index in 0..<record.count {
                let number = record.number(at: index)
                guard let number, number.isFinite else {
                    throw DataFileError(file: file, line: record.line, column: index + 1,
                                        problem: Self.whyNotANumber(record.fields[index].text, parsed: number))
                }
                row.append(number)
            }
            rows.append(row)
            lines.append(record.line)
        }
        guard !rows.isEmpty else {
            throw DataFileError(file: file, problem: text.isEmpty ? "is empty" : "has no data rows")
        }
        self.header = header
        self.rows = rows
        self.lines = lines
    }

    /// A first record split only at semicolons is an export from a spreadsheet
    /// set to a locale with decimal commas: say so rather than miscount columns.
    private static func refuseSemicolons(_ fields: [CSVRecords.Field], line: Int, file: String) throws {
        guard fields.contains(where: { !$0.quoted && $0.text.contains(";") }) else { return }
        throw DataFileError(file: file, line: line,
                            problem: "looks semicolon-separated (\";\" between the values); the data format "
                                + "separates columns with commas and writes decimals with a point: export it as "
                                + "comma-separated CSV")
    }

    /// Why a field is not a number a data file may hold: `"abc" is not a finite number`,
    /// `"0x1p3" is not a decimal number (…)`.
    public static func whyNotANumber(_ text: String) -> String {
        whyNotANumber(text, parsed: DecimalNumber.parse(text))
    }

    private static func whyNotANumber(_ text: String, parsed: Double?) -> String {
        if text.isEmpty { return "an empty field is not a finite number" }
        if parsed != nil { return "\"\(text)\" is too large for a double (not a finite number)" }
        if let other = Double(text), other.isFinite {
            return "\"\(text)\" is not a decimal number (write plain decimals such as 8 or 2.5e-3)"
        }
        return "\"\(text)\" is not a finite number"
    }
}
