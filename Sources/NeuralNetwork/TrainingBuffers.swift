import Foundation

/// The memory one training run of a `FastPerceptron` works in, allocated once
/// and reused for every sample: each layer's input a_prev, weighted sums z,
/// output a, and the gradient da of its output.
///
/// `forward` and `backward` are `Layer.forward` and `Layer.backward` written
/// over raw buffers: the same products, summed in the same order, so the
/// results match the teaching path's.
final class TrainingBuffers {
    private let layout: UnsafeMutableBufferPointer<FastPerceptron.LayerLayout>
    private let activations: [any Activation]
    /// a₀ (the sample), then z and a for every layer: layer l reads its input
    /// where layer l − 1 wrote its output.
    private let values: UnsafeMutableBufferPointer<Double>
    /// da for every layer's output.
    private let gradients: UnsafeMutableBufferPointer<Double>
    /// Offsets into `values` and `gradients`, one per layer.
    private let inputOffsets, sumOffsets, outputOffsets, gradientOffsets: [Int]

    init(layout: [FastPerceptron.LayerLayout], activations: [any Activation]) {
        self.layout = .allocate(capacity: layout.count)
        _ = self.layout.initialize(from: layout)
        self.activations = activations
        var inputOffsets: [Int] = [], sumOffsets: [Int] = [], outputOffsets: [Int] = [], gradientOffsets: [Int] = []
        var valueCount = layout[0].inputs
        var gradientCount = 0
        for layer in layout {
            inputOffsets.append(valueCount - layer.inputs)
            sumOffsets.append(valueCount)
            outputOffsets.append(valueCount + layer.neurons)
            valueCount += 2 * layer.neurons
            gradientOffsets.append(gradientCount)
            gradientCount += layer.neurons
        }
        (self.inputOffsets, self.sumOffsets, self.outputOffsets, self.gradientOffsets)
            = (inputOffsets, sumOffsets, outputOffsets, gradientOffsets)
        values = .allocate(capacity: valueCount)
        values.initialize(repeating: 0)
        gradients = .allocate(capacity: gradientCount)
        gradients.initialize(repeating: 0)
    }

    deinit {
        layout.deallocate()
        values.deallocate()
        gradients.deallocate()
    }

    /// Where the sample goes: a₀.
    var input: UnsafeMutablePointer<Double> { values.baseAddress! }

    /// ŷ, the last layer's first output.
    var output: Double { values[outputOffsets[outputOffsets.count - 1]] }

    /// Runs the sample in `input` through every layer: z = W·a_prev + b, a = f(z).
    func forward(_ parameters: UnsafeMutablePointer<Double>) {
        let v = values.baseAddress!
        for l in 0..<layout.count {
            let layer = layout[l]
            let (m, n) = (layer.inputs, layer.neurons)
            let W = parameters + layer.weights, b = parameters + layer.biases
            let aPrev = v + inputOffsets[l], z = v + sumOffsets[l], a = v + outputOffsets[l]
            for i in 0..<n {
                // Row i of W times a_prev, summed left to right as `Matrix.*` does.
                let row = W + i * m
                var sum = 0.0
                for k in 0..<m { sum += row[k] * aPrev[k] }
                z[i] = sum + b[i]
            }
            switch layer.kind {
            case .relu: for i in 0..<n { a[i] = max(0, z[i]) }
            case .sigmoid: for i in 0..<n { a[i] = 1 / (1 + exp(-z[i])) }
            case .other: for i in 0..<n { a[i] = activations[l](z[i]) }
            }
        }
    }

    /// Backpropagates da = `outputGradient` from the last layer to the first,
    /// each layer stepping its W and b, as `Layer.backward` does.
    func backward(_ parameters: UnsafeMutablePointer<Double>, outputGradient: Double, learningRate: Double) {
        let v = values.baseAddress!, g = gradients.baseAddress!
        g[gradientOffsets[layout.count - 1]] = outputGradient
        for l in (0..<layout.count).reversed() {
            let layer = layout[l]
            let (m, n) = (layer.inputs, layer.neurons)
            let W = parameters + layer.weights, b = parameters + layer.biases
            let aPrev = v + inputOffsets[l], z = v + sumOffsets[l], a = v + outputOffsets[l]
            // dz = da ⊙ f′(z), written over da.
            let dz = g + gradientOffsets[l]
            switch layer.kind {
            case .relu: for i in 0..<n { dz[i] = dz[i] * (z[i] > 0 ? 1 : 0) }
            // σ′(z) = σ(z)(1 − σ(z)), and σ(z) is the a the forward pass kept.
            case .sigmoid: for i in 0..<n { dz[i] = dz[i] * (a[i] * (1 - a[i])) }
            case .other: for i in 0..<n { dz[i] = dz[i] * activations[l].derivative(z[i]) }
            }
            // The first layer's da_prev would be the gradient for the inputs: nobody needs it.
            let daPrev: UnsafeMutablePointer<Double>? = l > 0 ? g + gradientOffsets[l - 1] : nil
            if let daPrev { for j in 0..<m { daPrev[j] = 0 } }
            for i in 0..<n {
                let row = W + i * m
                let dzi = dz[i]
                if let daPrev {
                    // da_prev = Wᵀ·dz with W before its update: row i adds its
                    // term to every da_prev[j], so each sum still runs i = 0, 1, …
                    for j in 0..<m { daPrev[j] += row[j] * dzi }
                }
                // W −= α·dW with dW = dz·a_prevᵀ; b −= α·db with db = dz.
                for j in 0..<m { row[j] -= learningRate * (dzi * aPrev[j]) }
                b[i] -= learningRate * dzi
            }
        }
    }
}
