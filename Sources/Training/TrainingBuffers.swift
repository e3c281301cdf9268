import Foundation

/// The memory one training run of a `FastPerceptron` works in, allocated once
/// and reused for every sample: each layer's weighted sums z, output a, the
/// gradient da of its output, and which of its neurons are active.
///
/// `forward` and `backward` compute the course's layer formulas over raw
/// buffers, summing in the course's order, so the results match the course's
/// NumPy loop and a correct teaching `Layer`.
///
/// **Only active neurons are visited.** A ReLU neuron with z ≤ 0 outputs a = 0
/// and passes back dz = da·0, so every term it would add to a sum, w·a or w·dz,
/// is ±0, and every step it would take from a weight, α·(dz·a), is ±0. Adding
/// ±0 to a sum that starts at +0 never changes it (such a sum is never −0, and
/// s + ±0 = s otherwise), and w − (±0) = w, so skipping those terms gives the
/// very same doubles (a weight that is exactly ±0 might keep its sign where the
/// full loop would flip it; nothing later can tell). On the course's network about
/// half the hidden neurons are inactive for any one sample.
final class TrainingBuffers {
    /// One layer's shape and where its numbers live.
    struct Slots {
        let layer: FastPerceptron.LayerLayout
        /// Offsets into `values`: a_prev (unused by the first layer, which reads
        /// the sample where it lies), z and a.
        let input, sums, output: Int
        /// Offset into `gradients`: da of this layer's output.
        let gradient: Int
        /// Offsets into `active`: the list of the layer's inputs that are active
        /// (the previous layer's list), and the list of its own active neurons.
        let activeInputs, activeNeurons: Int
    }

    /// Read in the inner loop, so kept in raw memory: no bounds checks, no reference counting.
    private let slots: UnsafeMutableBufferPointer<Slots>
    /// z and a for every layer: layer l > 0 reads its input where layer l − 1
    /// wrote its output.
    private let values: UnsafeMutableBufferPointer<Double>
    /// da for every layer's output.
    private let gradients: UnsafeMutableBufferPointer<Double>
    /// Index lists, in increasing order: every feature of the sample (all count
    /// as active), then for each layer the neurons whose output is not a ReLU's 0.
    private let active: UnsafeMutableBufferPointer<Int>
    /// How many entries of each list are in use: the features', then each layer's.
    private let activeCounts: UnsafeMutableBufferPointer<Int>

    init(layout: [FastPerceptron.LayerLayout]) {
        var slots: [Slots] = []
        var valueCount = 0, gradientCount = 0, activeCount = layout[0].inputs
        for layer in layout {
            slots.append(Slots(layer: layer, input: max(valueCount - layer.inputs, 0), sums: valueCount,
                               output: valueCount + layer.neurons, gradient: gradientCount,
                               activeInputs: activeCount - layer.inputs, activeNeurons: activeCount))
            valueCount += 2 * layer.neurons
            gradientCount += layer.neurons
            activeCount += layer.neurons
        }
        self.slots = .allocate(capacity: slots.count)
        _ = self.slots.initialize(from: slots)
        values = .allocate(capacity: valueCount)
        values.initialize(repeating: 0)
        gradients = .allocate(capacity: gradientCount)
        gradients.initialize(repeating: 0)
        active = .allocate(capacity: activeCount)
        _ = active.initialize(from: 0..<activeCount)
        activeCounts = .allocate(capacity: layout.count + 1)
        activeCounts.initialize(repeating: 0)
        activeCounts[0] = layout[0].inputs
    }

    deinit {
        slots.deallocate()
        values.deallocate()
        gradients.deallocate()
        active.deallocate()
        activeCounts.deallocate()
    }

    /// ŷ, the last layer's first output.
    var output: Double { values[slots[slots.count - 1].output] }

    /// z, the last layer's first weighted sum: ŷ = σ(z).
    var outputLogit: Double { values[slots[slots.count - 1].sums] }

    /// Runs `sample` (a₀, the first layer's a_prev) through every layer:
    /// z = W·a_prev + b, a = f(z), noting which neurons are active.
    func forward(_ parameters: UnsafeMutablePointer<Double>, sample: UnsafePointer<Double>) {
        let v = values.baseAddress!, lists = active.baseAddress!
        for l in 0..<slots.count {
            let slot = slots[l], layer = slot.layer
            let (m, n) = (layer.inputs, layer.neurons)
            let W = parameters + layer.weights, b = parameters + layer.biases
            let aPrev = l == 0 ? sample : UnsafePointer(v + slot.input), z = v + slot.sums, a = v + slot.output
            let inputs = lists + slot.activeInputs, inputCount = activeCounts[l]
            let neurons = lists + slot.activeNeurons
            // Row i of W times a_prev, summed left to right as `Matrix.*` does (over the
            // active inputs: the others add ±0), plus b.
            @inline(__always) func weightedSum(_ i: Int) -> Double {
                let row = W + i * m
                var sum = 0.0
                for t in 0..<inputCount {
                    let k = inputs[t]
                    sum += row[k] * aPrev[k]
                }
                return sum + b[i]
            }
            var neuronCount = 0
            switch layer.activation {
            case .relu:
                for i in 0..<n {
                    let zi = weightedSum(i)
                    z[i] = zi
                    a[i] = max(0, zi)
                    // Listed when active; written either way, so the loop has no branch to mispredict.
                    neurons[neuronCount] = i
                    neuronCount &+= zi > 0 ? 1 : 0
                }
            case .sigmoid:
                for i in 0..<n {
                    let zi = weightedSum(i)
                    z[i] = zi
                    a[i] = 1 / (1 + exp(-zi))
                    neurons[i] = i
                }
                neuronCount = n
            }
            activeCounts[l + 1] = neuronCount
        }
    }

    /// Backpropagates da = `outputGradient` from the last layer to the first,
    /// each layer stepping its W and b: dz = da ⊙ f′(z), dW = dz·a_prevᵀ, db = dz,
    /// da_prev = Wᵀ·dz (W before the update), W −= α·dW, b −= α·db.
    /// With `gradientIsForLogit`, `outputGradient` is already the output's dz
    /// (∂L/∂z = ŷ − y), and the last layer skips dz = da ⊙ f′(z).
    func backward(_ parameters: UnsafeMutablePointer<Double>, sample: UnsafePointer<Double>,
                  outputGradient: Double, learningRate: Double, gradientIsForLogit: Bool = false) {
        let v = values.baseAddress!, g = gradients.baseAddress!, lists = active.baseAddress!
        g[slots[slots.count - 1].gradient] = outputGradient
        for l in (0..<slots.count).reversed() {
            let slot = slots[l], layer = slot.layer
            let m = layer.inputs
            let W = parameters + layer.weights, b = parameters + layer.biases
            let aPrev = l == 0 ? sample : UnsafePointer(v + slot.input), a = v + slot.output
            let inputs = lists + slot.activeInputs, inputCount = activeCounts[l]
            let neurons = lists + slot.activeNeurons, neuronCount = activeCounts[l + 1]
            // dz = da ⊙ f′(z), written over da, for the active neurons (the others' dz is ±0).
            // For an active ReLU f′(z) = 1, and da·1 = da: nothing to do. For a sigmoid,
            // σ′(z) = σ(z)(1 − σ(z)) with σ(z) the a the forward pass kept (unless the
            // caller already gave the output's dz).
            let dz = g + slot.gradient
            if layer.activation == .sigmoid && !(gradientIsForLogit && l == slots.count - 1) {
                for t in 0..<neuronCount {
                    let i = neurons[t]
                    dz[i] = dz[i] * (a[i] * (1 - a[i]))
                }
            }
            // da_prev = Wᵀ·dz with W before its update, for the active inputs of the layer
            // before (the only ones whose gradient it reads); the first layer's has no reader.
            if l > 0 {
                let daPrev = g + slots[l - 1].gradient
                for s in 0..<inputCount { daPrev[inputs[s]] = 0 }
                for t in 0..<neuronCount {
                    let i = neurons[t]
                    let row = W + i * m
                    let dzi = dz[i]
                    for s in 0..<inputCount {
                        let j = inputs[s]
                        let w = row[j]
                        // Row i adds its term to every da_prev[j], so each sum still runs i = 0, 1, …
                        daPrev[j] += w * dzi
                        // W −= α·dW with dW = dz·a_prevᵀ.
                        row[j] = w - learningRate * (dzi * aPrev[j])
                    }
                    // b −= α·db with db = dz.
                    b[i] -= learningRate * dzi
                }
            } else {
                for t in 0..<neuronCount {
                    let i = neurons[t]
                    let row = W + i * m
                    let dzi = dz[i]
                    for j in 0..<m { row[j] = row[j] - learningRate * (dzi * aPrev[j]) }
                    b[i] -= learningRate * dzi
                }
            }
        }
    }
}
