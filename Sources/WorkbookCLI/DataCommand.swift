import ArgumentParser
import Foundation
import CourseData
import Workbook

/// `workbook data`: the workbook's own two-feature data sets, as CSV.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Generate a small two-feature binary data set as CSV.",
        discussion: """
            The same shape, count, noise and seed always give the same file. The files in
            Data/ were made this way, e.g.:

              swift run workbook data moons --count 400 --seed 1 --output Data/moons.csv
            """
    )

    @Argument(help: "The shape: \(DataSet.Shape.allCases.map(\.rawValue).joined(separator: ", ")).")
    var shape: String

    @Option(help: "How many samples.")
    var count = 400

    @Option(help: "Standard deviation of the Gaussian noise added to each feature (default depends on the shape).")
    var noise: Double?

    @Option(help: "Seed of the NumPy-compatible generator.")
    var seed: UInt32 = 1

    @Option(help: "Write to this file instead of standard output. An existing file is not replaced unless --force is given.")
    var output: String?

    @Flag(help: "Replace an existing --output file.")
    var force = false

    func validate() throws {
        guard DataSet.Shape(rawValue: shape) != nil else {
            throw ValidationError("unknown shape \"\(shape)\": expected one of \(DataSet.Shape.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard count > 0 else { throw ValidationError("--count must be at least 1, got \(count)") }
        if let noise, !(noise >= 0 && noise.isFinite) {
            throw ValidationError("--noise must be a finite number ≥ 0, got \(noise)")
        }
    }

    func run() throws {
        let data = DataSet.generated(DataSet.Shape(rawValue: shape)!, count: count, noise: noise, seed: seed)
        guard let output else {
            print(data.csvText, terminator: "")
            return
        }
        let url = URL(fileURLWithPath: output)
        if FileManager.default.fileExists(atPath: url.path) && !force {
            throw ValidationError("\(output) exists already; pass --force to replace it")
        }
        try AtomicFile.write(data.csvText, to: url)
        Console.error("wrote \(data.count) samples to \(output)")
    }
}
