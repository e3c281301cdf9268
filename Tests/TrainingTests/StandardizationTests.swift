import CourseData
import Foundation
import Testing
@testable import Training

struct StandardizationTests {
    /// Feature 1: 1, 2, 3, 6 → mean 3, variance (4 + 1 + 0 + 9) / 4 = 3.5 (ddof 0, as
    /// NumPy's std and scikit-learn's StandardScaler). Feature 2 is constant: left as is.
    @Test func zScoresWithThePopulationStandardDeviation() {
        let data = DataSet(features: [[1, 7], [2, 7], [3, 7], [6, 7]], labels: [0, 1, 0, 1])
        let z = Standardization(fitting: data)
        #expect(z.mean == [3, 0])
        #expect(abs(z.std[0] - 3.5.squareRoot()) <= 1e-15)
        #expect(z.std[1] == 1)
        #expect(z.constantFeatures == [1])
        let standardized = z.apply(data)
        #expect(abs(standardized.features[3][0] - 3 / 3.5.squareRoot()) <= 1e-15)
        #expect(standardized.features.map { $0[1] } == [7, 7, 7, 7])
        #expect(standardized.labels == data.labels)
    }

    @Test func modelFileKeepsTheStatisticsExactly() throws {
        var random = NumPyRandom(seed: 3)
        let network = FastPerceptron(sizes: [2, 3, 1], activations: [.relu, .sigmoid], generator: &random)
        let z = Standardization(mean: [0.1, -2.5e-7], std: [1.0 / 3.0, 1234.5678])
        let bytes = try ModelFile(network, standardization: z).jsonData()
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"standardize\""))
        let read = try ModelFile(json: Array(bytes), file: "m.json")
        #expect(read.standardize == z)
        #expect(try read.network() == network)
        // Without standardization the key is left out, as the files written before it.
        #expect(!String(decoding: try ModelFile(network).jsonData(), as: UTF8.self).contains("standardize"))
    }

    /// 6 rows of class 0 and 4 of class 1, f = 0.5: round(3) = 3 and round(2) = 2 test rows,
    /// whatever the draw; file order kept in both parts; the same seed, the same split.
    @Test func shuffledSplitIsStratifiedAndReproducible() {
        let labels: [Double] = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]
        let data = DataSet(features: (0..<10).map { [Double($0)] }, labels: labels)
        var first = NumPyRandom(seed: 1), second = NumPyRandom(seed: 1)
        let (train, test) = data.stratifiedSplit(testFraction: 0.5, generator: &first)
        #expect(test.labels.filter { $0 == 0 }.count == 3 && test.labels.filter { $0 == 1 }.count == 2)
        #expect(train.count == 5)
        #expect(Set(train.features.map { $0[0] } + test.features.map { $0[0] }) == Set((0..<10).map(Double.init)))
        #expect(test.features.map { $0[0] } == test.features.map { $0[0] }.sorted())
        #expect(data.stratifiedSplit(testFraction: 0.5, generator: &second) == (train, test))
        // The draw is NumPy's: permutation(6) then permutation(4) after seed 1.
        var numpy = NumPyRandom(seed: 1)
        let zeros = numpy.permutation(6).prefix(3).sorted(), ones = numpy.permutation(4).prefix(2).map { $0 + 6 }.sorted()
        #expect(test.features.map { Int($0[0]) } == zeros + ones)
    }
}
