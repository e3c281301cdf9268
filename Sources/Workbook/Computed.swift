/// A value a chapter computes with the learner's code the first time a check
/// asks for it, then keeps.
///
/// Computing inside the check, not at the top of the chapter, means that an
/// open exercise or a mistake that traps fails the checks that need the value,
/// and the checks before them still count.
///
///     let trained = Computed { try train(network, epochs: 10) }
///     chapter.check("the loss falls") { let losses = try trained(); … }
@MainActor
public final class Computed<Value> {
    private var make: (() throws -> Value)?
    private var value: Value?

    public init(_ make: @escaping () throws -> Value) {
        self.make = make
    }

    /// The value, computed on the first call.
    public func callAsFunction() throws -> Value {
        if let value { return value }
        let computed = try make!()
        value = computed
        make = nil
        return computed
    }
}
