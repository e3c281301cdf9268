/// A reader for RFC 4180 CSV, written from the RFC for the tests: quoted fields
/// may hold commas, doubled quotes and line breaks. Throws on a quote left open
/// or text after a closing quote, so a malformed file cannot pass as read.
enum CSVReader {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func rows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters = characters.dropFirst()
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true
            case ",":
                row.append(field)
                field = ""
                afterQuote = false
            case "\n", "\r\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                afterQuote = false
            default:
                if afterQuote { throw Malformed(description: "text after a closing quote in row \(rows.count + 1)") }
                field.append(character)
            }
        }
        if quoted { throw Malformed(description: "a quoted field is never closed") }
        if !field.isEmpty || !row.isEmpty || afterQuote {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
