/// A failed expectation: what was expected and what came out.
public struct CheckFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Passes when |actual − expected| ≤ tolerance·max(1, |expected|): an absolute
/// tolerance near zero and a relative one for large values.
public func expect(
    _ actual: Double, closeTo expected: Double, tolerance: Double, _ what: String = "value"
) throws {
    guard actual.isFinite == expected.isFinite, (actual - expected).magnitude <= tolerance * max(1, expected.magnitude) || actual == expected else {
        throw CheckFailure("expected \(what) ≈ \(expected) (± \(tolerance)), got \(actual)")
    }
}

/// Element by element, as `expect(_:closeTo:tolerance:)`; names the first entry that differs.
public func expect(
    _ actual: [Double], closeTo expected: [Double], tolerance: Double, _ what: String = "values"
) throws {
    guard actual.count == expected.count else {
        throw CheckFailure("expected \(expected.count) \(what), got \(actual.count): \(actual)")
    }
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        try expect(a, closeTo: e, tolerance: tolerance, "\(what)[\(index)]")
    }
}

public func expect<T: Equatable>(_ actual: T, equals expected: T, _ what: String = "value") throws {
    guard actual == expected else {
        throw CheckFailure("expected \(what) = \(expected), got \(actual)")
    }
}

/// Passes when `condition` holds; `message` says what was expected and what came out.
public func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    guard condition else { throw CheckFailure(message()) }
}

/// f at each input against what it should give, naming the input that is off:
/// "relu′(0) should be 0, got 1 (the course takes relu′(0) = 0)".
///
/// `function` is how the learner writes it ("relu′", "σ′"); `mistake`, given an
/// input and what came out, may name the mistake that gives that value.
public func expect(
    _ actual: [Double], closeTo expected: [Double], tolerance: Double, _ function: String, at inputs: [Double],
    mistake: (_ input: Double, _ got: Double) -> String? = { _, _ in nil }
) throws {
    precondition(inputs.count == expected.count, "one input per expected value")
    guard actual.count == expected.count else {
        throw CheckFailure("expected \(expected.count) values of \(function), got \(actual.count): \(actual)")
    }
    for (input, (a, e)) in zip(inputs, zip(actual, expected)) {
        let close = a == e || (a.isFinite && (a - e).magnitude <= tolerance * max(1, e.magnitude))
        guard close else {
            let within = tolerance > 0 ? " (± \(tolerance))" : ""
            let why = mistake(input, a).map { " (\($0))" } ?? ""
            throw CheckFailure("\(function)(\(shortDecimal(input))) should be \(shortDecimal(e))\(within), "
                + "got \(shortDecimal(a))\(why)")
        }
    }
}

/// 0 rather than 0.0 and 3 rather than 3.0; other numbers as Swift prints them.
public func shortDecimal(_ value: Double) -> String {
    if value == value.rounded(), value.magnitude < 1e15 { return String(Int(value)) }
    return "\(value)"
}
