import Foundation
import Testing

/// `workbook train` against the course's NumPy code, run independently by
/// Fixtures/make_fixtures.py: several seeds and shapes, weights drawn from the
/// seed and shuffled each epoch, or read from a model file and kept in file
/// order (or shuffled). The per-epoch losses and every trained weight and bias
/// must agree to 1e-9 relative; in practice they agree to about 1e-15, since
/// only NumPy's summation kernels differ.
struct TrainMatchesNumPyTests {
    struct Fixture: Decodable {
        let numpy: String
        let cases: [Case]
    }

    struct Case: Decodable {
        let name: String
        let arguments: [String]
        let losses: [Double]
        let trained: Model
    }

    /// The model file format, read with `JSONDecoder` so every double is exact.
    struct Model: Decodable {
        struct Layer: Decodable {
            let activation: String
            let weights: [[Double]]
            let biases: [Double]
        }
        let layers: [Layer]
    }

    struct Losses: Decodable {
        let losses: [Double]
    }

    static let relativeTolerance = 1e-9

    static let fixture: Fixture = {
        let url = Workbook.fixtures.appendingPathComponent("cases.json")
        do {
            return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()

    static let caseNames = fixture.cases.map(\.name)

    @Test func fixturesCoverSeedsShapesAndBothModes() {
        let arguments = Self.fixture.cases.map(\.arguments)
        func values(of option: String) -> Set<String> {
            Set(arguments.compactMap { list in list.firstIndex(of: option).map { list[$0 + 1] } })
        }
        #expect(values(of: "--seed").count >= 3)
        #expect(values(of: "--layers").count >= 3)
        #expect(arguments.contains { $0.contains("--model") && $0.contains("--no-shuffle") })
        #expect(arguments.contains { $0.contains("--model") && !$0.contains("--no-shuffle") })
        // One seeded case relies on the default split, keeping the last 20% for testing.
        #expect(arguments.contains { !$0.contains("--model") && !$0.contains("--test-fraction") })
    }

    @Test(arguments: caseNames)
    func lossesAndWeightsMatchNumPy(_ name: String) throws {
        let expected = try #require(Self.fixture.cases.first { $0.name == name })
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lossesURL = folder.appendingPathComponent("losses.json")
        let modelURL = folder.appendingPathComponent("model.json")

        let result = try Workbook.run(["train"] + expected.arguments
                                      + ["--losses", lossesURL.path, "--save", modelURL.path])
        try #require(result.status == 0, "workbook train failed: \(result.standardError)")

        let losses = try JSONDecoder().decode(Losses.self, from: Data(contentsOf: lossesURL)).losses
        Self.expectClose(losses, expected.losses, "losses")

        let trained = try JSONDecoder().decode(Model.self, from: Data(contentsOf: modelURL))
        try #require(trained.layers.count == expected.trained.layers.count)
        for (index, (found, wanted)) in zip(trained.layers, expected.trained.layers).enumerated() {
            #expect(found.activation == wanted.activation)
            try #require(found.weights.map(\.count) == wanted.weights.map(\.count), "layer \(index + 1) shape")
            Self.expectClose(found.weights.flatMap { $0 }, wanted.weights.flatMap { $0 }, "layer \(index + 1) weights")
            Self.expectClose(found.biases, wanted.biases, "layer \(index + 1) biases")
        }

        // The printed lines carry the same numbers as the file, every digit: the training
        // loss is the first number after the epoch (the held-out loss, if any, follows it).
        let printed = result.standardOutput.split(separator: "\n")
            .filter { $0.hasPrefix("Loss at epoch ") }
            .compactMap { line in
                line.split(separator: ": ").dropFirst().first
                    .flatMap { Double($0.prefix { $0 != "," }) }
            }
        #expect(printed == losses)
        #expect(result.standardOutput.contains("Loss at epoch 1: "))
    }

    static func expectClose(_ found: [Double], _ expected: [Double], _ what: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(found.count == expected.count, "\(what): \(found.count) numbers, expected \(expected.count)",
                sourceLocation: sourceLocation)
        for (index, (a, b)) in zip(found, expected).enumerated() {
            let difference = a == b ? 0 : abs(a - b) / max(abs(a), abs(b))
            #expect(difference <= relativeTolerance,
                    "\(what)[\(index)]: \(a) against NumPy's \(b), relative difference \(difference)",
                    sourceLocation: sourceLocation)
        }
    }
}
