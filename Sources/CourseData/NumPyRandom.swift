import Foundation

/// A random generator that draws exactly what NumPy's legacy global generator
/// draws after `np.random.seed(seed)`.
///
/// The course seeds NumPy with 10 before it builds its layers; drawing from this
/// generator in the same order gives the very same starting weights and the same
/// per-epoch shuffles, so Swift and Python runs can be compared number by number.
/// Underneath is the Mersenne Twister MT19937.
public struct NumPyRandom: Sendable {
    /// Inline and fixed in size, so that reading it needs no bounds check
    /// beyond the one `index` already has.
    private var state: InlineArray<624, UInt32>
    private var index: Int

    /// `np.random.seed(seed)` for a seed that fits in 32 bits (MT19937 `init_genrand`).
    public init(seed: UInt32) {
        state = InlineArray(repeating: 0)
        state[0] = seed
        for i in 1..<624 {
            let previous = state[i - 1]
            state[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
        }
        index = 624
    }

    /// The next raw 32-bit output of MT19937.
    public mutating func nextUInt32() -> UInt32 {
        if index >= 624 { twist() }
        var y = state[unchecked: index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// A double in [0, 1) with 53 random bits: `np.random.random_sample()`.
    public mutating func nextDouble() -> Double {
        let a = Double(nextUInt32() >> 5)
        let b = Double(nextUInt32() >> 6)
        return (a * 67_108_864 + b) / 9_007_199_254_740_992
    }

    /// `np.random.uniform(low, high)`: one double in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * nextDouble()
    }

    /// `np.random.uniform(low, high, count)`: `count` doubles in [low, high), in order
    /// (an array of any shape is filled row by row from these).
    public mutating func uniform(_ low: Double, _ high: Double, count: Int) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(uniform(low, high)) }
        return values
    }

    /// `np.random.normal(mean, deviation)`: the legacy polar Box–Muller method,
    /// which makes normals in pairs and keeps the second for the next call.
    public mutating func normal(mean: Double = 0, deviation: Double = 1) -> Double {
        if let spare = spareGaussian {
            spareGaussian = nil
            return mean + deviation * spare
        }
        while true {
            let x1 = 2 * nextDouble() - 1
            let x2 = 2 * nextDouble() - 1
            let r2 = x1 * x1 + x2 * x2
            if r2 < 1 && r2 != 0 {
                let factor = (-2 * log(r2) / r2).squareRoot()
                spareGaussian = factor * x1
                return mean + deviation * factor * x2
            }
        }
    }
    private var spareGaussian: Double?

    /// `np.random.permutation(n)`: 0..<n shuffled by Fisher–Yates from the top.
    public mutating func permutation(_ n: Int) -> [Int] {
        var values = Array(0..<n)
        shuffle(&values)
        return values
    }

    /// `np.random.shuffle(values)`: in place, in NumPy's order of draws.
    public mutating func shuffle<Element>(_ values: inout [Element]) {
        guard values.count > 1 else { return }
        values.withUnsafeMutableBufferPointer { values in
            for i in stride(from: values.count - 1, through: 1, by: -1) {
                values.swapAt(i, boundedDraw(upTo: UInt32(i)))
            }
        }
    }

    /// A draw in 0...bound, by masked rejection as NumPy's legacy `random_interval`.
    @inline(__always)
    private mutating func boundedDraw(upTo bound: UInt32) -> Int {
        // The smallest 2^k − 1 ≥ bound: all ones below bound's highest set bit.
        let mask = UInt32.max >> bound.leadingZeroBitCount
        while true {
            let value = nextUInt32() & mask
            if value <= bound { return Int(value) }
        }
    }

    private mutating func twist() {
        let upperMask: UInt32 = 0x8000_0000
        let lowerMask: UInt32 = 0x7FFF_FFFF
        // state[i] from state[i], state[i + 1] and state[i + 397], indices taken mod 624,
        // in three runs so that no index needs the modulo.
        @inline(__always) func next(_ i: Int, _ following: Int, _ far: Int) {
            let y = (state[unchecked: i] & upperMask) | (state[unchecked: following] & lowerMask)
            // XOR the matrix's 0x9908B0DF when y is odd; a mask of 0 or all ones instead of
            // a branch, since y's low bit is a coin flip the processor cannot predict.
            state[unchecked: i] = state[unchecked: far] ^ (y >> 1) ^ ((0 &- (y & 1)) & 0x9908_B0DF)
        }
        for i in 0..<227 { next(i, i + 1, i + 397) }
        for i in 227..<623 { next(i, i + 1, i - 227) }
        next(623, 0, 396)
        index = 0
    }
}
