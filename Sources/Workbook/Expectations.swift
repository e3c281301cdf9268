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
