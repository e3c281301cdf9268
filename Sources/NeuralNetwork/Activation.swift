import CourseData

// This file imports only CourseData, so that exercise code cannot reach files,
// processes or the network. It gives the math the exercises need as
// `Double.exp(x)` and `Double.log(x)` (`.exp(x)` where a Double is expected).

/// An activation function f, applied element by element, with its derivative f′.
///
/// Activations are values you call: `let f = ReLU(); f(z); f.derivative(z)`.
/// A type only says what happens to one number; the vector and matrix forms
/// below apply that to every entry.
public protocol Activation: Sendable {
    /// The activation's name as the course and model files spell it: "relu", "sigmoid".
    var name: String { get }
    /// f(z)
    func callAsFunction(_ z: Double) -> Double
    /// f′(z)
    func derivative(_ z: Double) -> Double
}

extension Activation {
    /// f applied to every entry of z.
    public func callAsFunction(_ z: Matrix) -> Matrix { z.map { self($0) } }
    /// f′ applied to every entry of z.
    public func derivative(_ z: Matrix) -> Matrix { z.map { derivative($0) } }
    /// f applied to every entry of a vector.
    public func callAsFunction(_ z: [Double]) -> [Double] { z.map { self($0) } }
    /// f′ applied to every entry of a vector.
    public func derivative(_ z: [Double]) -> [Double] { z.map { derivative($0) } }
}

/// The rectified linear unit: relu(z) = max(0, z).
public struct ReLU: Activation {
    public init() {}
    public var name: String { "relu" }

    public func callAsFunction(_ z: Double) -> Double {
        max(0, z)
    }

    /// 1 where z > 0, else 0 (the course takes 0 at z = 0).
    public func derivative(_ z: Double) -> Double {
        // Exercise 2.1: ReLU.derivative
        // BEGIN SOLUTION
        z > 0 ? 1 : 0
        // END SOLUTION
    }
}

/// The logistic function: σ(z) = 1 / (1 + e^(−z)).
public struct Sigmoid: Activation {
    public init() {}
    public var name: String { "sigmoid" }

    public func callAsFunction(_ z: Double) -> Double {
        1 / (1 + .exp(-z))
    }

    /// σ′(z) = σ(z)·(1 − σ(z)).
    public func derivative(_ z: Double) -> Double {
        // Exercise 2.2: Sigmoid.derivative
        // BEGIN SOLUTION
        let s = self(z)
        return s * (1 - s)
        // END SOLUTION
    }
}
