import Foundation

/// The memory a `FastPerceptron` trains and predicts in, allocated once and
/// reused for every sample: the weights and biases being trained, and for
/// each layer its weighted sums z, output a, the gradient da of its output, and
/// which of its neurons are active.
///
/// `forward` and `backward` compute the course's layer formulas, each number
/// with the course's operations in the course's order, so the results match the
/// course's NumPy loop and a correct teaching `Layer`. Two things make it fast
/// without changing a single result:
///
/// **Eight neurons at a time.** W is stored by columns, the weights from one
/// input to every neuron side by side, in blocks of eight neurons (the last block
/// padded with zeros). z = W·a_prev + b then adds column k times a_prev[k] to
/// eight sums at once, input after input: each neuron's sum still runs over its
/// inputs left to right, one multiply and one add per term, as `Matrix.*` does.
/// The step W −= α·dz·a_prevᵀ likewise changes eight weights at a time.
///
/// **Only active neurons count.** A ReLU neuron with z ≤ 0 outputs a = 0 and
/// passes back dz = da·0, so every term it would add to a sum, w·a or w·dz, is
/// ±0, and every step it would take from a weight, α·(dz·a), is ±0. Adding ±0
/// to a sum that starts at +0 never changes it (such a sum is never −0, and
/// s + ±0 = s otherwise), and w − (±0) = w, so skipping those terms, or taking
/// them as exact zeros, gives the very same doubles (a weight that is exactly ±0
/// might keep its sign where the full loop would flip it; nothing later can
/// tell). On the course's network about half the hidden neurons are inactive
/// for any one sample.
///
/// The loops use `while` and wrapping index arithmetic: a network this small
/// spends more on loop bookkeeping than on arithmetic, and these indices stay
/// below the buffers' sizes.
final class TrainingBuffers {
    private typealias Block = SIMD8<Double>
    private static let blockWidth = 8

    /// One layer: its shape and pointers to its numbers.
    private struct Layer {
        let inputs: Int
        let neurons: Int
        /// Blocks of eight neurons: neurons / 8, rounded up.
        let blocks: Int
        let isReLU: Bool
        /// Where W (neurons × inputs, row after row) and b are in `FastPerceptron.parameters`.
        let weightOffset, biasOffset: Int
        /// W by columns: column k, block q is the eight doubles at
        /// `columns + (k·blocks + q)·8`; then b, in blocks.
        let columns, biases: UnsafeMutableRawPointer
        /// z, a and da, one entry per neuron, padded to whole blocks.
        let sums, outputs, gradients: UnsafeMutablePointer<Double>
        /// The indices of the active neurons, in increasing order; their count
        /// is in `activeCounts` after the layer's `forward`.
        let active: UnsafeMutablePointer<Int>

        /// Where w[i][k] is: neuron i's weight from input k.
        func weight(neuron i: Int, input k: Int) -> UnsafeMutablePointer<Double> {
            columns.assumingMemoryBound(to: Double.self) + (k &* blocks &* TrainingBuffers.blockWidth &+ i)
        }
    }

    private let layers: UnsafeMutableBufferPointer<Layer>
    /// Every layer's columns and biases, then every layer's z, a and da.
    private let storage: UnsafeMutableBufferPointer<Double>
    /// Every layer's list of active neurons, after the list of the features
    /// (0, 1, …: all of them count as active).
    private let lists: UnsafeMutableBufferPointer<Int>
    /// Entry l + 1: how many of layer l's neurons are active; entry 0: the features.
    private let activeCounts: UnsafeMutableBufferPointer<Int>
    private let parameterCount: Int
    /// Every layer has at most eight neurons.
    private let isOneBlockWide: Bool

    /// Buffers for `layout`, starting from `parameters` (laid out as `FastPerceptron.parameters`).
    init(layout: [FastPerceptron.LayerLayout], parameters: [Double]) {
        let width = Self.blockWidth
        let blocks = layout.map { ($0.neurons + width - 1) / width }
        let parameterSpace = zip(layout, blocks).reduce(0) { $0 + $1.1 * width * ($1.0.inputs + 1) }
        let valueSpace = blocks.reduce(0) { $0 + 3 * $1 * width }
        // Aligned to a block, zero everywhere: padding neurons have w = 0, b = 0, z = 0, da = 0.
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: (parameterSpace + valueSpace) * 8,
                                                         alignment: MemoryLayout<Block>.alignment)
        storage = raw.initializeMemory(as: Double.self, repeating: 0)
        parameterCount = parameters.count

        let featureCount = layout[0].inputs
        // Every list starts as 0, 1, …: all active. A sigmoid layer's stays so.
        lists = .allocate(capacity: featureCount + layout.reduce(0) { $0 + $1.neurons })
        _ = lists.initialize(from: ([featureCount] + layout.map(\.neurons)).flatMap { 0..<$0 })
        activeCounts = .allocate(capacity: layout.count + 1)
        activeCounts.initialize(repeating: 0)
        activeCounts[0] = featureCount

        var parameter = storage.baseAddress!, value = storage.baseAddress! + parameterSpace
        var list = lists.baseAddress! + featureCount
        var made: [Layer] = []
        for (layer, blocks) in zip(layout, blocks) {
            let padded = blocks * width
            made.append(Layer(inputs: layer.inputs, neurons: layer.neurons, blocks: blocks,
                              isReLU: layer.activation == .relu,
                              weightOffset: layer.weights, biasOffset: layer.biases,
                              columns: UnsafeMutableRawPointer(parameter),
                              biases: UnsafeMutableRawPointer(parameter + padded * layer.inputs),
                              sums: value, outputs: value + padded, gradients: value + 2 * padded, active: list))
            parameter += padded * (layer.inputs + 1)
            value += 3 * padded
            list += layer.neurons
        }
        layers = .allocate(capacity: made.count)
        _ = layers.initialize(from: made)
        isOneBlockWide = blocks.allSatisfy { $0 == 1 }

        for layer in made {
            let biases = layer.biases.assumingMemoryBound(to: Double.self)
            for i in 0..<layer.neurons {
                for k in 0..<layer.inputs {
                    layer.weight(neuron: i, input: k).pointee = parameters[layer.weightOffset + i * layer.inputs + k]
                }
                biases[i] = parameters[layer.biasOffset + i]
            }
        }
    }

    deinit {
        layers.deallocate()
        UnsafeMutableRawBufferPointer(storage).deallocate()
        lists.deallocate()
        activeCounts.deallocate()
    }

    /// The weights and biases as they are now, laid out as `FastPerceptron.parameters`.
    var parameters: [Double] {
        var parameters = [Double](repeating: 0, count: parameterCount)
        for layer in layers {
            let biases = layer.biases.assumingMemoryBound(to: Double.self)
            for i in 0..<layer.neurons {
                for k in 0..<layer.inputs {
                    parameters[layer.weightOffset + i * layer.inputs + k] = layer.weight(neuron: i, input: k).pointee
                }
                parameters[layer.biasOffset + i] = biases[i]
            }
        }
        return parameters
    }

    /// ŷ, the last layer's first output.
    var output: Double { layers[layers.count - 1].outputs[0] }

    /// z, the last layer's first weighted sum: ŷ = σ(z).
    var outputLogit: Double { layers[layers.count - 1].sums[0] }

    /// Runs `sample` (a₀, the first layer's a_prev) through every layer:
    /// z = W·a_prev + b, a = f(z), noting which neurons are active.
    func forward(sample: UnsafePointer<Double>) {
        // A network whose layers all fit in one block (the course's does) gets a copy
        // of the loops compiled for exactly one block, with no block loop and simpler
        // offsets; `oneBlock` is a constant in each inlined copy.
        if isOneBlockWide { forward(sample: sample, oneBlock: true) } else { forward(sample: sample, oneBlock: false) }
    }

    @inline(__always)
    private func forward(sample: UnsafePointer<Double>, oneBlock: Bool) {
        var aPrev = sample
        var inputs = UnsafePointer(lists.baseAddress!), inputCount = activeCounts[0]
        var l = 0
        while l < layers.count {
            let layer = layers[l]
            let blocks = oneBlock ? 1 : layer.blocks
            var q = 0
            while q < blocks {
                // Eight neurons' sums, each over the active inputs left to right (the others
                // add ±0), then + b.
                var z = Block(repeating: 0)
                var t = 0
                while t < inputCount {
                    let k = inputs[t]
                    let column = layer.columns.loadUnaligned(fromByteOffset: (k &* blocks &+ q) &* 64, as: Block.self)
                    z = z + column * Block(repeating: aPrev[k])
                    t &+= 1
                }
                z = z + layer.biases.loadUnaligned(fromByteOffset: q &* 64, as: Block.self)
                UnsafeMutableRawPointer(layer.sums + q &* 8).storeBytes(of: z, as: Block.self)
                q &+= 1
            }
            var activeCount = 0
            var i = 0
            if layer.isReLU {
                while i < layer.neurons {
                    let z = layer.sums[i]
                    layer.outputs[i] = max(0, z)
                    // Listed when active; written either way, so there is no branch to mispredict.
                    layer.active[activeCount] = i
                    activeCount &+= z > 0 ? 1 : 0
                    i &+= 1
                }
            } else {
                while i < layer.neurons {
                    layer.outputs[i] = 1 / (1 + exp(-layer.sums[i]))
                    i &+= 1
                }
                activeCount = layer.neurons
            }
            activeCounts[l &+ 1] = activeCount
            aPrev = UnsafePointer(layer.outputs)
            inputs = UnsafePointer(layer.active)
            inputCount = activeCount
            l &+= 1
        }
    }

    /// Backpropagates da = `outputGradient` from the last layer to the first,
    /// each layer stepping its W and b: dz = da ⊙ f′(z), dW = dz·a_prevᵀ, db = dz,
    /// da_prev = Wᵀ·dz (W before the update), W −= α·dW, b −= α·db.
    /// With `gradientIsForLogit`, `outputGradient` is already the output's dz
    /// (∂L/∂z = ŷ − y), and the last layer skips dz = da ⊙ f′(z).
    func backward(sample: UnsafePointer<Double>, outputGradient: Double, learningRate: Double,
                  gradientIsForLogit: Bool = false) {
        if isOneBlockWide {
            backward(sample: sample, outputGradient: outputGradient, learningRate: learningRate,
                     gradientIsForLogit: gradientIsForLogit, oneBlock: true)
        } else {
            backward(sample: sample, outputGradient: outputGradient, learningRate: learningRate,
                     gradientIsForLogit: gradientIsForLogit, oneBlock: false)
        }
    }

    @inline(__always)
    private func backward(sample: UnsafePointer<Double>, outputGradient: Double, learningRate: Double,
                          gradientIsForLogit: Bool, oneBlock: Bool) {
        let last = layers.count &- 1
        layers[last].gradients[0] = outputGradient
        var l = last
        while l >= 0 {
            let layer = layers[l]
            let neurons = UnsafePointer(layer.active), neuronCount = activeCounts[l &+ 1]
            // dz = da ⊙ f′(z), written over da. For an active ReLU f′(z) = 1 and da·1 = da:
            // nothing to do. For a sigmoid, σ′(z) = σ(z)(1 − σ(z)) with σ(z) the a the
            // forward pass kept (unless the caller already gave the output's dz).
            let dz = layer.gradients
            if !layer.isReLU && !(gradientIsForLogit && l == last) {
                var i = 0
                while i < layer.neurons {
                    let a = layer.outputs[i]
                    dz[i] = dz[i] * (a * (1 - a))
                    i &+= 1
                }
            }
            // The inputs: the layer before's active outputs, or the sample's features.
            let aPrev: UnsafePointer<Double>, inputs: UnsafePointer<Int>, inputCount: Int
            if l > 0 {
                let previous = layers[l &- 1]
                (aPrev, inputs, inputCount) = (UnsafePointer(previous.outputs), UnsafePointer(previous.active),
                                               activeCounts[l])
                // da_prev = Wᵀ·dz with W before its update, for the active inputs (the only
                // ones whose gradient the layer before reads): over the active neurons, in order.
                var s = 0
                while s < inputCount {
                    let j = inputs[s]
                    let column = layer.weight(neuron: 0, input: j)
                    var sum = 0.0
                    var t = 0
                    while t < neuronCount {
                        let i = neurons[t]
                        sum += column[i] * dz[i]
                        t &+= 1
                    }
                    previous.gradients[j] = sum
                    s &+= 1
                }
            } else {
                (aPrev, inputs, inputCount) = (sample, UnsafePointer(lists.baseAddress!), activeCounts[0])
            }
            // W −= α·dz·a_prevᵀ and b −= α·dz. A layer of one neuron (the output) steps
            // its weights one by one: a block would carry seven zeros along.
            if layer.neurons == 1 {
                // Inactive, it has dz = 0, and nothing changes.
                guard neuronCount == 1 else {
                    l &-= 1
                    continue
                }
                let dzi = dz[0]
                var s = 0
                while s < inputCount {
                    let j = inputs[s]
                    let w = layer.weight(neuron: 0, input: j)
                    w.pointee = w.pointee - learningRate * (dzi * aPrev[j])
                    s &+= 1
                }
                layer.biases.assumingMemoryBound(to: Double.self)[0] -= learningRate * dzi
                l &-= 1
                continue
            }
            // Otherwise eight neurons at a time, an inactive neuron's dz taken as 0
            // (padding neurons' da is 0 already).
            let rate = Block(repeating: learningRate)
            var q = 0
            let blocks = oneBlock ? 1 : layer.blocks
            while q < blocks {
                var d = UnsafeRawPointer(dz + q &* 8).loadUnaligned(as: Block.self)
                if layer.isReLU {
                    let z = UnsafeRawPointer(layer.sums + q &* 8).loadUnaligned(as: Block.self)
                    d.replace(with: 0, where: .!(z .> 0))
                }
                var s = 0
                while s < inputCount {
                    let j = inputs[s]
                    let offset = (j &* blocks &+ q) &* 64
                    let w = layer.columns.loadUnaligned(fromByteOffset: offset, as: Block.self)
                    layer.columns.storeBytes(of: w - rate * (d * Block(repeating: aPrev[j])),
                                             toByteOffset: offset, as: Block.self)
                    s &+= 1
                }
                let b = layer.biases.loadUnaligned(fromByteOffset: q &* 64, as: Block.self)
                layer.biases.storeBytes(of: b - rate * d, toByteOffset: q &* 64, as: Block.self)
                q &+= 1
            }
            l &-= 1
        }
    }
}
