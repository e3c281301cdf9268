import RunLogs

/// Reading a model file by hand rather than with `JSONDecoder`, so that every
/// error names its place: `JSONDecoder` reports only "not valid JSON" or a
/// coding path without line numbers, and takes `1e400` as infinity.
extension ModelFile {
    /// Parses the model file's bytes; `file` names it in errors.
    init(json: [UInt8], file: String) throws {
        let document: JSONValue
        do {
            document = try JSONValue.parse(json)
        } catch let error as JSONSyntaxError {
            throw ModelFileError(file: file, problem: "line \(error.line), column \(error.column): \(error.problem)")
        }
        let reader = Reader(file: file)
        let root = try reader.object(document, at: "", known: ["layers", "standardize", "columns"],
                                     expected: "a model file, {\"layers\": [...]}")
        let layerValues = try reader.array(reader.member("layers", of: root, at: ""), at: "layers")
        layers = try layerValues.enumerated().map { index, value in
            let path = "layers[\(index)]"
            let layer = try reader.object(value, at: path, known: ["activation", "weights", "biases"])
            let activation = try reader.string(reader.member("activation", of: layer, at: path), at: path + ".activation")
            let rows = try reader.array(reader.member("weights", of: layer, at: path), at: path + ".weights")
            let weights = try rows.enumerated().map { row, value in
                try reader.numbers(value, at: "\(path).weights[\(row)]")
            }
            let biases = try reader.numbers(reader.member("biases", of: layer, at: path), at: path + ".biases")
            return LayerEntry(activation: activation, weights: weights, biases: biases)
        }
        if let value = root.first(where: { $0.key == "standardize" })?.value {
            let object = try reader.object(value, at: "standardize", known: ["mean", "std"])
            standardize = Standardization(
                mean: try reader.numbers(reader.member("mean", of: object, at: "standardize"), at: "standardize.mean"),
                std: try reader.numbers(reader.member("std", of: object, at: "standardize"), at: "standardize.std"))
        } else {
            standardize = nil
        }
        if let value = root.first(where: { $0.key == "columns" })?.value {
            let object = try reader.object(value, at: "columns", known: ["features", "label", "positive", "negative", "ignored"])
            func optional(_ key: String) throws -> String? {
                try object.first { $0.key == key }.map { try reader.string($0.value, at: "columns.\(key)") }
            }
            columns = DataColumns(
                features: try reader.strings(reader.member("features", of: object, at: "columns"), at: "columns.features"),
                label: try reader.string(reader.member("label", of: object, at: "columns"), at: "columns.label"),
                positive: try optional("positive"), negative: try optional("negative"),
                ignored: try object.first { $0.key == "ignored" }.map { try reader.strings($0.value, at: "columns.ignored") } ?? [])
            if (columns?.positive == nil) != (columns?.negative == nil) {
                throw ModelFileError(file: file, problem: "columns: \"positive\" and \"negative\" go together; one is missing")
            }
        } else {
            columns = nil
        }
    }

    /// Typed access to JSON values, each failure a `ModelFileError` naming the path.
    private struct Reader {
        let file: String

        func fail(_ path: String, _ problem: String) -> ModelFileError {
            ModelFileError(file: file, problem: path.isEmpty ? problem : "\(path): \(problem)")
        }

        func object(_ value: JSONValue, at path: String, known: [String],
                    expected: String = "an object") throws -> [(key: String, value: JSONValue)] {
            guard case let .object(members) = value else {
                throw fail(path, path.isEmpty ? "is not \(expected); found \(value.kind)" : "expected an object, found \(value.kind)")
            }
            if let unknown = members.first(where: { !known.contains($0.key) }) {
                let place = path.isEmpty ? unknown.key : "\(path).\(unknown.key)"
                throw fail(place, "unknown key; expected " + known.map { "\"\($0)\"" }.joined(separator: ", "))
            }
            return members
        }

        func member(_ key: String, of members: [(key: String, value: JSONValue)], at path: String) throws -> JSONValue {
            guard let member = members.first(where: { $0.key == key }) else {
                throw fail(path.isEmpty ? key : "\(path).\(key)", "missing")
            }
            return member.value
        }

        func array(_ value: JSONValue, at path: String) throws -> [JSONValue] {
            guard case let .array(elements) = value else { throw fail(path, "expected an array, found \(value.kind)") }
            return elements
        }

        func string(_ value: JSONValue, at path: String) throws -> String {
            guard case let .string(text) = value else { throw fail(path, "expected a string, found \(value.kind)") }
            return text
        }

        func number(_ value: JSONValue, at path: String) throws -> Double {
            guard case let .number(number, text) = value else { throw fail(path, "expected a number, found \(value.kind)") }
            guard number.isFinite else { throw fail(path, "\(text) is too large for a double; expected a finite number") }
            return number
        }

        func strings(_ value: JSONValue, at path: String) throws -> [String] {
            try array(value, at: path).enumerated().map { try string($1, at: "\(path)[\($0)]") }
        }

        func numbers(_ value: JSONValue, at path: String) throws -> [Double] {
            try array(value, at: path).enumerated().map { try number($1, at: "\(path)[\($0)]") }
        }
    }
}
