import CourseData
import Foundation
import Testing
@testable import Training

struct ModelFileTests {
    @Test func modelFileRoundTripAndShapeErrors() throws {
        var random = NumPyRandom(seed: 3)
        let network = FastPerceptron(sizes: [2, 3, 1], activations: [.relu, .sigmoid], generator: &random)
        let decoded = try JSONDecoder().decode(ModelFile.self, from: try ModelFile(network).jsonData())
        let rebuilt = try decoded.network()
        #expect(rebuilt == network)

        var wrong = ModelFile(network)
        wrong.layers[1].weights = [[1, 2]]
        #expect(throws: ModelFileError(file: "m.json", problem: "layer 2: takes 2 inputs but layer 1 has 3 neurons")) {
            try wrong.network(file: "m.json")
        }
        var unknown = ModelFile(network)
        unknown.layers[0].activation = "tanh"
        #expect(throws: ModelFileError.self) { try unknown.network(file: "m.json") }
    }
}
