import Foundation

// The elementary functions the exercises need, as swift-numerics' RealModule
// spells them (`Double.exp(x)`, `Double.log(x)`), so that the exercise files
// import nothing but this module: nothing in them can reach files, processes or
// the network. They are the platform's own `exp` and `log`, the ones NumPy's
// results were matched with (see notes on numerics).
extension Double {
    /// e^x.
    public static func exp(_ x: Double) -> Double {
        Foundation.exp(x)
    }

    /// The natural logarithm; −∞ at 0, NaN below.
    public static func log(_ x: Double) -> Double {
        Foundation.log(x)
    }
}
