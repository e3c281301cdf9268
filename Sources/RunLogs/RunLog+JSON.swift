import Foundation

extension RunLog {
    /// A JSON object whose arrays of numbers are curves, one value per epoch from 1:
    /// `{"losses": [...], "held_out_losses": [...]}` as `workbook train --losses` writes
    /// it, or Keras' `history.history` (`{"loss": [...], "val_loss": [...]}`). `null` is a gap;
    /// keys whose value is not an array are left alone.
    static func fromJSON(_ bytes: [UInt8], file: String) throws -> RunLog {
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes)
        } catch let error as JSONSyntaxError {
            throw RunLogError("\(file), line \(error.line), column \(error.column): \(error.problem)")
        }
        guard case .object(let members) = document else {
            throw RunLogError("\(file): expected a JSON object such as {\"losses\": [...]}, found \(document.kind)")
        }
        var curves: [Curve] = []
        for (key, value) in members {
            guard case .array(let elements) = value else { continue }
            let y = try elements.enumerated().map { index, element -> Double in
                switch element {
                case .number(let number, _): return number
                case .null: return .nan
                default: throw RunLogError("\(file): \(key)[\(index)]: expected a number, found \(element.kind)")
                }
            }
            guard !y.isEmpty else { continue }
            curves.append(Curve(name: key, x: y.indices.map { Double($0 + 1) }, y: y))
        }
        guard !curves.isEmpty else {
            let keys = members.map(\.key).joined(separator: ", ")
            throw RunLogError("\(file): nothing to plot: no key holds an array of numbers (keys found: \(keys.isEmpty ? "none" : keys))")
        }
        return RunLog(file: file, axis: .epoch, curves: curves)
    }
}
