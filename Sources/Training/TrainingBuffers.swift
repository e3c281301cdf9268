import Foundation

/// The memory one training run of a `FastPerceptron` works in, allocated once
/// and reused for every sample: each layer's input a_prev, weighted sums z,
/// output a, and the gradient da of its output.
///
/// `forward` and `backward` compute the course's layer formulas over raw
/// buffers, summing in the course's order, so the results match the course's
/// NumPy loop and a correct teaching `Layer`.
final class TrainingBuffers {
    /// One layer's shape and where its numbers live.
    struct Slots {
        let layer: FastPerceptron.LayerLayout
        /// Offsets into `values`: a_prev, z and a.
        let input, sums, output: Int
        /// Offset into `gradients`: da of this layer's output.
        let gradient: Int
    }

    /// Read in the inner loop, so kept in raw memory: no bounds checks, no reference counting.
    private let slots: UnsafeMutableBufferPointer<Slots>
    /// a₀ (the sample), then z and a for every layer: layer l reads its input
    /// where layer l − 1 wrote its output.
    private let values: UnsafeMutableBufferPointer<Double>
    /// da for every layer's output.
    private let gradients: UnsafeMutableBufferPointer<Double>
    /// ∂L/∂x for the sample's features: computed, never used.
    private let inputGradient: UnsafeMutablePointer<Double>

    init(layout: [FastPerceptron.LayerLayout]) {
        var slots: [Slots] = []
        var valueCount = layout[0].inputs
        var gradientCount = 0
        for layer in layout {
            slots.append(Slots(layer: layer, input: valueCount - layer.inputs, sums: valueCount,
                               output: valueCount + layer.neurons, gradient: gradientCount))
            valueCount += 2 * layer.neurons
            gradientCount += layer.neurons
        }
        self.slots = .allocate(capacity: slots.count)
        _ = self.slots.initialize(from: slots)
        values = .allocate(capacity: valueCount)
        values.initialize(repeating: 0)
        gradients = .allocate(capacity: gradientCount)
        gradients.initialize(repeating: 0)
        inputGradient = .allocate(capacity: layout[0].inputs)
        inputGradient.initialize(repeating: 0, count: layout[0].inputs)
    }

    deinit {
        slots.deallocate()
        values.deallocate()
        gradients.deallocate()
        inputGradient.deallocate()
    }

    /// Where the sample goes: a₀.
    var input: UnsafeMutablePointer<Double> { values.baseAddress! }

    /// ŷ, the last layer's first output.
    var output: Double { values[slots[slots.count - 1].output] }

    /// z, the last layer's first weighted sum: ŷ = σ(z).
    var outputLogit: Double { values[slots[slots.count - 1].sums] }

    /// Runs the sample in `input` through every layer: z = W·a_prev + b, a = f(z).
    func forward(_ parameters: UnsafeMutablePointer<Double>) {
        let v = values.baseAddress!
        for l in 0..<slots.count {
            let slot = slots[l], layer = slot.layer
            let (m, n) = (layer.inputs, layer.neurons)
            let W = parameters + layer.weights, b = parameters + layer.biases
            let aPrev = v + slot.input, z = v + slot.sums, a = v + slot.output
            for i in 0..<n {
                // Row i of W times a_prev, summed left to right as `Matrix.*` does.
                let row = W + i * m
                var sum = 0.0
                for k in 0..<m { sum += row[k] * aPrev[k] }
                z[i] = sum + b[i]
            }
            switch layer.activation {
            case .relu: for i in 0..<n { a[i] = max(0, z[i]) }
            case .sigmoid: for i in 0..<n { a[i] = 1 / (1 + exp(-z[i])) }
            }
        }
    }

    /// Backpropagates da = `outputGradient` from the last layer to the first,
    /// each layer stepping its W and b: dz = da ⊙ f′(z), dW = dz·a_prevᵀ, db = dz,
    /// da_prev = Wᵀ·dz (W before the update), W −= α·dW, b −= α·db.
    /// With `gradientIsForLogit`, `outputGradient` is already the output's dz
    /// (∂L/∂z = ŷ − y), and the last layer skips dz = da ⊙ f′(z).
    func backward(_ parameters: UnsafeMutablePointer<Double>, outputGradient: Double, learningRate: Double,
                  gradientIsForLogit: Bool = false) {
        let v = values.baseAddress!, g = gradients.baseAddress!
        g[slots[slots.count - 1].gradient] = outputGradient
        for l in (0..<slots.count).reversed() {
            let slot = slots[l], layer = slot.layer
            let (m, n) = (layer.inputs, layer.neurons)
            let W = parameters + layer.weights, b = parameters + layer.biases
            let aPrev = v + slot.input, z = v + slot.sums, a = v + slot.output
            // dz = da ⊙ f′(z), written over da.
            let dz = g + slot.gradient
            // (Unless the caller already gave the output's dz.)
            if !(gradientIsForLogit && l == slots.count - 1) {
                switch layer.activation {
                case .relu: for i in 0..<n { dz[i] = dz[i] * (z[i] > 0 ? 1 : 0) }
                // σ′(z) = σ(z)(1 − σ(z)), and σ(z) is the a the forward pass kept.
                case .sigmoid: for i in 0..<n { dz[i] = dz[i] * (a[i] * (1 - a[i])) }
                }
            }
            // da_prev = Wᵀ·dz, with W before its update, into the gradient of the
            // layer before (for the first layer, into `inputGradient`, which
            // nobody reads: one loop with no branch costs less than skipping it).
            let daPrev = l > 0 ? g + slots[l - 1].gradient : inputGradient
            for j in 0..<m { daPrev[j] = 0 }
            for i in 0..<n {
                let row = W + i * m
                let dzi = dz[i]
                // An inactive ReLU (dz = 0) would add w·0 = ±0 to every da_prev[j] and take
                // α·(0·a) = ±0 from every weight: no value changes, so skip the row. (Only
                // the sign of a zero could differ, and no later step can tell.)
                if dzi == 0 { continue }
                for j in 0..<m {
                    let w = row[j]
                    // Row i adds its term to every da_prev[j], so each sum still runs i = 0, 1, …
                    daPrev[j] += w * dzi
                    // W −= α·dW with dW = dz·a_prevᵀ.
                    row[j] = w - learningRate * (dzi * aPrev[j])
                }
                // b −= α·db with db = dz.
                b[i] -= learningRate * dzi
            }
        }
    }
}
