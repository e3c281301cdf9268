/// A failed expectation: what was expected and what came out.
public struct CheckFailure: Error, CustomStringConvertible {
    public let description: String
    /// Every value the learner's code gave for the expectation, when it was
    /// numbers: a failure's fingerprint (`SlipFingerprint`) is made of them,
    /// not only of the first one the message shows.
    public let observed: [Double]?

    public init(_ description: String, observed: [Double]? = nil) {
        self.description = description
        self.observed = observed
    }
}

/// Passes when |actual − expected| ≤ tolerance·max(1, |expected|): an absolute
/// tolerance near zero and a relative one for large values. When it fails and
/// `actual` is what one of `mistakes` produces, the message names that cause.
public func expect(
    _ actual: Double, closeTo expected: Double, tolerance: Double, _ what: String = "value",
    mistakes: [LikelyMistake] = []
) throws {
    guard !isClose(actual, expected, tolerance: tolerance) else { return }
    throw CheckFailure("expected \(what) ≈ \(expected) (± \(tolerance)), got \(actual)"
        + LikelyMistake.line(for: [actual], among: mistakes, tolerance: tolerance), observed: [actual])
}

/// Element by element, as `expect(_:closeTo:tolerance:)`; names the first entry
/// that differs, and the cause when the whole of `actual` is what one of
/// `mistakes` produces.
public func expect(
    _ actual: [Double], closeTo expected: [Double], tolerance: Double, _ what: String = "values",
    mistakes: [LikelyMistake] = []
) throws {
    func cause() -> String { LikelyMistake.line(for: actual, among: mistakes, tolerance: tolerance) }
    guard actual.count == expected.count else {
        throw CheckFailure("expected \(expected.count) \(what), got \(actual.count): \(actual)" + cause(),
                           observed: actual)
    }
    for (index, (a, e)) in zip(actual, expected).enumerated() where !isClose(a, e, tolerance: tolerance) {
        throw CheckFailure("expected \(what)[\(index)] ≈ \(e) (± \(tolerance)), got \(a)" + cause(), observed: actual)
    }
}

/// The closeness `expect(_:closeTo:tolerance:)` asks for: equal (NaN for NaN
/// too), or both finite within tolerance·max(1, |expected|).
func isClose(_ actual: Double, _ expected: Double, tolerance: Double) -> Bool {
    actual == expected || (actual.isNaN && expected.isNaN) || (actual.isFinite && expected.isFinite
        && (actual - expected).magnitude <= tolerance * max(1, expected.magnitude))
}

/// A slip a learner plausibly makes on an exercise, known by what it makes the
/// learner's code produce on a check's input: the check works out that value
/// itself (by hand, or as a plain computation of the slip), and a failure whose
/// result matches it says what probably went wrong and where to look.
///
///     try expect(average, closeTo: 0.5725406432488721, tolerance: 1e-12, "L̄", mistakes: [
///         LikelyMistake(4 * 0.5725406432488721, "this is the sum of the four losses: divide it by N")])
public struct LikelyMistake: Sendable {
    /// What the code gives with the slip: one value, or one per entry.
    public let values: [Double]
    /// What went wrong and where to look, as one sentence.
    public let cause: String

    public init(_ value: Double, _ cause: String) {
        self.init([value], cause)
    }

    public init(_ values: [Double], _ cause: String) {
        self.values = values
        self.cause = cause
    }

    /// True when `actual` is, entry by entry, what the slip gives.
    public func matches(_ actual: [Double], tolerance: Double) -> Bool {
        actual.count == values.count
            && zip(actual, values).allSatisfy { isClose($0, $1, tolerance: max(tolerance, 1e-12)) }
    }

    /// "\nlikely cause: …" for the first mistake `actual` matches, or "".
    public static func line(for actual: [Double], among mistakes: [LikelyMistake], tolerance: Double) -> String {
        mistakes.first { $0.matches(actual, tolerance: tolerance) }.map { "\n" + likelyCause($0.cause) } ?? ""
    }
}

/// The line a failure adds when its cause is known: "likely cause: …".
public func likelyCause(_ cause: String) -> String {
    "likely cause: " + cause
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
/// input and what came out, may name the mistake that gives that value. The
/// cause is named only when it is the same at every input whose value is off:
/// a slip that happens to agree with a known one at a single point is not it.
public func expect(
    _ actual: [Double], closeTo expected: [Double], tolerance: Double, _ function: String, at inputs: [Double],
    mistake: (_ input: Double, _ got: Double) -> String? = { _, _ in nil }
) throws {
    precondition(inputs.count == expected.count, "one input per expected value")
    guard actual.count == expected.count else {
        throw CheckFailure("expected \(expected.count) values of \(function), got \(actual.count): \(actual)",
                           observed: actual)
    }
    func isClose(_ a: Double, _ e: Double) -> Bool {
        a == e || (a.isFinite && (a - e).magnitude <= tolerance * max(1, e.magnitude))
    }
    let off = zip(inputs, zip(actual, expected)).filter { !isClose($0.1.0, $0.1.1) }
    guard let (input, (a, e)) = off.first else { return }
    let causes = off.map { mistake($0.0, $0.1.0) }
    let cause = causes.allSatisfy({ $0 != nil && $0 == causes[0] }) ? causes[0] : nil
    let within = tolerance > 0 ? " (± \(tolerance))" : ""
    throw CheckFailure("\(function)(\(shortDecimal(input))) should be \(shortDecimal(e))\(within), "
        + "got \(shortDecimal(a))" + (cause.map { " (\($0))" } ?? ""), observed: actual)
}

/// 0 rather than 0.0 and 3 rather than 3.0; other numbers as Swift prints them.
public func shortDecimal(_ value: Double) -> String {
    if value == value.rounded(), value.magnitude < 1e15 { return String(Int(value)) }
    return "\(value)"
}
