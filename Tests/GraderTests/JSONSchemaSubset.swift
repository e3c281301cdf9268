import Foundation

/// A validator for the part of JSON Schema (draft 7) that
/// Fixtures/gradescope-results.schema.json uses: `type`, `enum`, `required`,
/// `properties`, `additionalProperties: false`, `items`, `minimum`,
/// `minLength`, `maxLength` and `pattern`. Any other keyword in a schema is an
/// error, so the schema cannot say more than is checked.
struct JSONSchemaSubset {
    let schema: [String: Any]

    static let known: Set<String> = ["$schema", "title", "description", "type", "enum", "required", "properties",
                                     "additionalProperties", "items", "minimum", "minLength", "maxLength", "pattern"]

    init(contentsOf url: URL) throws {
        schema = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }

    /// Every way `document` breaks the schema, each with its JSON path; empty when valid.
    func problems(of document: Any) -> [String] {
        var found: [String] = []
        check(document, against: schema, at: "$", into: &found)
        return found
    }

    private func check(_ value: Any, against schema: [String: Any], at path: String, into found: inout [String]) {
        for keyword in schema.keys where !Self.known.contains(keyword) {
            found.append("\(path): the schema uses \(keyword), which this validator does not check")
        }
        if let type = schema["type"] as? String, !Self.value(value, is: type) {
            found.append("\(path): expected \(type), got \(value)")
            return
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { ($0 as? NSObject)?.isEqual(value) == true }) {
            found.append("\(path): \(value) is not one of \(allowed)")
        }
        if let number = Self.number(value) {
            if let minimum = schema["minimum"] as? Double, number < minimum { found.append("\(path): \(number) < \(minimum)") }
        }
        if let text = value as? String {
            if let limit = schema["maxLength"] as? Int, text.count > limit { found.append("\(path): \(text.count) characters, at most \(limit)") }
            if let least = schema["minLength"] as? Int, text.count < least { found.append("\(path): \(text.count) characters, at least \(least)") }
            if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
                found.append("\(path): \(text) does not match \(pattern)")
            }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                found.append("\(path): \(key) is missing")
            }
            for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                if let property = properties[key] {
                    check(member, against: property, at: "\(path).\(key)", into: &found)
                } else if (schema["additionalProperties"] as? Bool) == false {
                    found.append("\(path): \(key) is not a key of the format")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { check(item, against: items, at: "\(path)[\(index)]", into: &found) }
        }
    }

    /// JSONSerialization gives numbers and booleans as NSNumber: tell them apart.
    private static func number(_ value: Any) -> Double? {
        guard let number = value as? NSNumber, !isBoolean(number) else { return nil }
        return number.doubleValue
    }

    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    private static func value(_ value: Any, is type: String) -> Bool {
        switch type {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        case "number": number(value) != nil
        case "integer": number(value).map { $0 == $0.rounded() } ?? false
        case "boolean": (value as? NSNumber).map(isBoolean) ?? false
        case "null": value is NSNull
        default: false
        }
    }
}
