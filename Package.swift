// swift-tools-version:6.0
import PackageDescription

/// The ten chapters of the course, in order: one executable target each.
let chapters = [
    "01-neuron", "02-activations", "03-layers", "04-forward", "05-loss",
    "06-derivatives", "07-backward", "08-fit", "09-evaluation", "10-tuning",
]

/// `Chapter01` … `Chapter10`, built from `Chapters/01-neuron/` … .
func chapterTarget(_ folder: String) -> Target {
    .executableTarget(
        name: "Chapter" + folder.prefix(2),
        dependencies: ["NeuralNetwork", "Workbook", "Plot"],
        path: "Chapters/\(folder)"
    )
}

let package = Package(
    name: "NeuralWorkbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "workbook", targets: ["WorkbookCLI"]),
        .library(name: "NeuralNetwork", targets: ["NeuralNetwork"]),
        .library(name: "Plot", targets: ["Plot"]),
        .library(name: "Workbook", targets: ["Workbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGD",
            pkgConfig: "gdlib",
            providers: [.apt(["libgd-dev"])]
        ),
        .target(name: "NeuralNetwork"),
        .target(name: "Plot", dependencies: ["CGD"]),
        .target(name: "Workbook"),
        .executableTarget(
            name: "WorkbookCLI",
            dependencies: [
                "NeuralNetwork", "Plot", "Workbook",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "NeuralNetworkTests", dependencies: ["NeuralNetwork"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "CGD"]),
        .testTarget(name: "WorkbookTests", dependencies: ["Workbook"]),
        .testTarget(name: "GraderTests", dependencies: ["Workbook"]),
        // Runs the built `workbook` as a process; depending on the target gets it built.
        .testTarget(name: "TrainTests", dependencies: ["WorkbookCLI"], exclude: ["Fixtures"]),
    ] + chapters.map(chapterTarget)
)
