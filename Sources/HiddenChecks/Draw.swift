import CourseData
import NeuralNetwork
import ReferenceNetwork

/// The hidden checks' inputs: numbers, sizes and seeds, and the same layer or
/// network built twice from them, once of the learner's types and once of the
/// reference's.
struct Draw {
    private var random: NumPyRandom

    init(seed: UInt32) {
        random = NumPyRandom(seed: seed)
    }

    mutating func number(in range: ClosedRange<Double> = -2...2) -> Double {
        random.uniform(range.lowerBound, range.upperBound)
    }

    mutating func numbers(_ count: Int, in range: ClosedRange<Double> = -2...2) -> [Double] {
        (0..<count).map { _ in number(in: range) }
    }

    mutating func size(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.nextUInt32() % UInt32(range.count))
    }

    mutating func seed() -> UInt32 {
        random.nextUInt32()
    }

    /// 0 or 1.
    mutating func label() -> Double {
        Double(random.nextUInt32() & 1)
    }

    /// A layer of random shape, weights and activation, as the learner's and the reference's type.
    mutating func layer(inputs: Int? = nil, neurons: Int? = nil, sigmoid: Bool? = nil)
        -> (yours: NeuralNetwork.Layer, reference: ReferenceNetwork.Layer) {
        let inputs = inputs ?? size(1...6), neurons = neurons ?? size(1...6)
        let weights = (0..<neurons).map { _ in numbers(inputs) }, biases = numbers(neurons)
        let isSigmoid = sigmoid ?? (size(0...1) == 1)
        let yours = NeuralNetwork.Layer(
            weights: Matrix(weights), biases: Matrix(column: biases),
            activation: isSigmoid ? NeuralNetwork.Sigmoid() as any NeuralNetwork.Activation : NeuralNetwork.ReLU())
        let reference = ReferenceNetwork.Layer(
            weights: Matrix(weights), biases: Matrix(column: biases),
            activation: isSigmoid ? ReferenceNetwork.Sigmoid() as any ReferenceNetwork.Activation : ReferenceNetwork.ReLU())
        return (yours, reference)
    }

    /// A network of one to three layers, ReLU inside and a sigmoid output of `outputs` neurons.
    mutating func network(outputs: Int = 1) -> (yours: NeuralNetwork.Perceptron, reference: ReferenceNetwork.Perceptron) {
        let hidden = (0..<size(0...2)).map { _ in size(1...6) }
        let sizes = [size(1...4)] + hidden + [outputs]
        var yours: [NeuralNetwork.Layer] = [], reference: [ReferenceNetwork.Layer] = []
        for index in 0..<(sizes.count - 1) {
            let pair = layer(inputs: sizes[index], neurons: sizes[index + 1], sigmoid: index == sizes.count - 2)
            yours.append(pair.yours)
            reference.append(pair.reference)
        }
        return (NeuralNetwork.Perceptron(layers: yours), ReferenceNetwork.Perceptron(layers: reference))
    }
}
