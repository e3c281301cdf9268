/// A CSV file as text: the header's names and every row's fields, unconverted,
/// for files whose columns are not all numbers (training logs with blank cells,
/// a label written `M`/`B`). The format is RFC 4180, as `DataTable` reads it.
public struct CSVTable: Equatable, Sendable {
    /// The file as named in errors.
    public var file: String
    /// The header's names; nil when the file has none (see `init(csv:file:headerRequired:)`).
    public var header: [String]?
    /// Every data record, each with as many fields as the first.
    public var rows: [[String]]
    /// The line each row starts on, from 1.
    public var lines: [Int]

    /// Parses CSV text; `file` names it in errors. `separator` is a comma, or a tab for
    /// tab-separated text.
    public init(csv text: String, file: String = "<text>", headerRequired: Bool = true,
                separator: UInt8 = UInt8(ascii: ",")) throws {
        var header: [String]?
        var rows: [[String]] = []
        var lines: [Int] = []
        var sawFirst = false
        try CSVRecords.forEach(in: text, file: file, separator: separator) { record in
            let fields = record.fields.map(\.text)
            if !sawFirst {
                sawFirst = true
                if headerRequired || fields.allSatisfy({ DecimalNumber.parse($0) == nil }) {
                    header = fields
                    return
                }
            }
            let expected = header?.count ?? rows.first?.count ?? fields.count
            guard fields.count == expected else {
                let like = header.map { "like the header (\($0.joined(separator: separator == UInt8(ascii: ",") ? "," : ", ")))" } ?? "like the first row"
                throw DataFileError(file: file, line: record.line,
                                    problem: "has \(fields.count) field\(fields.count == 1 ? "" : "s"), expected \(expected) \(like)")
            }
            rows.append(fields)
            lines.append(record.line)
        }
        guard sawFirst else { throw DataFileError(file: file, problem: "is empty") }
        self.file = file
        self.header = header
        self.rows = rows
        self.lines = lines
    }

    /// The number of columns.
    public var columnCount: Int { header?.count ?? rows.first?.count ?? 0 }

    /// The number in a field when it is a plain decimal (`-1.5`, `2e-3`), as data files write them.
    public static func number(_ field: String) -> Double? { DecimalNumber.parse(field) }
}
