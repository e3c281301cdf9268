// swift-tools-version:6.2
import Foundation
import PackageDescription

/// The tool's own training engine (`Sources/Training`) computes what the learner's
/// exercises compute, so the learner edition leaves it out, with the commands and
/// tests that need it: `workbook train`, `predict`, `bench` and `bench-report`.
/// Asked of a file, not the folder: a copy kept in sync file by file may leave an empty folder behind.
let hasTrainingEngine = FileManager.default.fileExists(atPath: Context.packageDirectory + "/Sources/Training/README.md")

/// The grader's builds only: the instructor's reference solution, copied by the
/// grader to `Sources/ReferenceNetwork` so that it compiles under a module name of
/// its own, and the hidden checks that hold every exercise to it
/// (`Sources/HiddenChecks`, which the learner edition leaves out).
let gradesWithReference = FileManager.default.fileExists(atPath: Context.packageDirectory + "/Sources/ReferenceNetwork/README.md")

/// The ten chapters of the course, in order: one executable target each.
let chapters = [
    "01-neuron", "02-activations", "03-layers", "04-forward", "05-loss",
    "06-derivatives", "07-backward", "08-fit", "09-evaluation", "10-tuning",
]

/// What each chapter links beyond the learner's network and the harness: the
/// charts for those that draw.
let chapterExtras: [String: [Target.Dependency]] = [
    "02-activations": ["Plot"], "04-forward": ["Plot"], "05-loss": ["Plot"], "07-backward": ["Plot"], "08-fit": ["Plot"],
    "09-evaluation": ["Plot"], "10-tuning": ["Plot"],
]

/// `Chapter01` … `Chapter10`, built from `Chapters/01-neuron/` … .
func chapterTarget(_ folder: String) -> Target {
    .executableTarget(
        name: "Chapter" + folder.prefix(2),
        dependencies: ["NeuralNetwork", "CourseData", "CourseFiles", "Workbook"] + (chapterExtras[folder] ?? [])
            + (gradesWithReference ? ["HiddenChecks"] : []),
        path: "Chapters/\(folder)"
    )
}

/// libgd's header, for its types and macros: the module map links nothing, Plot
/// opens libgd with dlopen when it first draws. On Linux the header sits where the
/// compiler looks anyway, and asking pkg-config would make SwiftPM print a
/// warning about a flag in gdlib.pc (-DAVIF_DLL) on every build; on macOS
/// Homebrew's prefix comes from pkg-config, whose flags link libgd all the same.
#if os(Linux)
let gdLibrary = Target.systemLibrary(name: "CGD", providers: [.apt(["libgd-dev"])])
#else
let gdLibrary = Target.systemLibrary(name: "CGD", pkgConfig: "gdlib", providers: [.brew(["gd", "pkg-config"])])
#endif

// The arrows point one way. The learner's code (NeuralNetwork) is linked only by
// the chapters and by tests: the `workbook` command and everything it links
// (Training, Report, Grading) build and run whatever the learner's code does.
let package = Package(
    name: "NeuralWorkbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "workbook", targets: ["WorkbookCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        gdLibrary,
        // Both sides: the NumPy-compatible generator, data sets, CSV parsed from text.
        // It opens no file: the learner's module sees all of its public API.
        // Matrix lives here, optimized in debug builds too, with debug assertions kept
        // so a precondition still prints its message: chapter 10 trains 27 candidates
        // with the learner's own `fit`, 44 s with Matrix unoptimized, about 2 s so. The
        // learner's own module stays unoptimized, so a trap names the learner's line.
        .target(name: "CourseData", exclude: ["README.md"],
                swiftSettings: [.unsafeFlags(["-O", "-assert-config", "Debug"], .when(configuration: .debug))]),
        // CourseData's types read from files, out of the learner's sight: the chapters,
        // the tool and tests link it, NeuralNetwork never does.
        .target(name: "CourseFiles", dependencies: ["CourseData"], exclude: ["README.md"]),
        // The learner's network: the exercises and what the chapters teach around them.
        // Each file sees only the members of the modules it imports itself, so an
        // exercise file that imports only CourseData cannot reach Foundation's.
        // Strict memory safety makes every unsafe construct (pointers, unsafeBitCast,
        // Unmanaged, …) a compile error here, while other warnings stay warnings.
        // An expression may take the type checker at most 1 s, else it is the error
        // "unable to type-check this expression in reasonable time" in its region:
        // the default bound let ten hard expressions of one region take 77 s, this
        // one 23 s (Swift 6.3.1), and no expression of the reference takes 10 ms.
        // The grader builds with this manifest too, so both meet the same bound.
        .target(name: "NeuralNetwork", dependencies: ["CourseData"], exclude: ["README.md"],
                swiftSettings: [
                    .enableUpcomingFeature("MemberImportVisibility"),
                    .strictMemorySafety(),
                    .treatWarning("StrictMemorySafety", as: .error),
                    .unsafeFlags(["-Xfrontend", "-solver-expression-time-threshold=1"]),
                ]),
        // Charts that know nothing of networks.
        .target(name: "Plot", dependencies: ["CGD"], exclude: ["README.md"]),
        // Training logs read and chosen for `workbook plot`. It computes no exercise, so
        // the learner edition ships it; NeuralNetwork never imports it.
        .target(name: "RunLogs", dependencies: ["CourseData", "Plot"], exclude: ["README.md"]),
        // The chapter harness: checks, records, the catalog, running chapters.
        .target(name: "Workbook", exclude: ["README.md"]),
        // The literate weaver and the Markdown report.
        .target(name: "Report", dependencies: ["Workbook"], exclude: ["README.md"]),
        // The learner edition, the grader and its exports (one of them a chart of the class's pass rates).
        .target(name: "Grading", dependencies: ["Workbook", "Plot"], exclude: ["README.md"]),
        .executableTarget(
            name: "WorkbookCLI",
            dependencies: [
                "CourseData", "CourseFiles", "Plot", "RunLogs", "Workbook", "Report", "Grading",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ] + (hasTrainingEngine ? ["Training"] : []),
            exclude: ["README.md"],
            swiftSettings: hasTrainingEngine ? [.define("TRAINING_ENGINE")] : []
        ),
        .testTarget(name: "CourseDataTests", dependencies: ["CourseData"]),
        .testTarget(name: "CourseFilesTests", dependencies: ["CourseFiles", "CourseData"]),
        .testTarget(name: "NeuralNetworkTests", dependencies: ["NeuralNetwork", "CourseData"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "CGD"]),
        .testTarget(name: "WorkbookTests", dependencies: ["Workbook"]),
        // Its fixtures include TensorBoard event files written by tensorboardX and tensorboard.
        .testTarget(name: "RunLogsTests", dependencies: ["RunLogs", "CourseData", "Plot"], exclude: ["Fixtures"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Workbook"]),
        // Runs the built `workbook` for the autograder's end-to-end test.
        .testTarget(name: "GraderTests", dependencies: ["Grading", "Workbook", "WorkbookCLI", "Plot"], exclude: ["Fixtures"]),
    ] + chapters.map(chapterTarget) + (hasTrainingEngine ? trainingTargets : [])
        + (gradesWithReference ? gradingTargets : [])
)

/// The reference solution under its own name, and the hidden checks.
var gradingTargets: [Target] {
    [
        .target(name: "ReferenceNetwork", dependencies: ["CourseData"], exclude: ["README.md"]),
        .target(name: "HiddenChecks", dependencies: ["NeuralNetwork", "ReferenceNetwork", "CourseData", "Workbook"],
                exclude: ["README.md"]),
    ]
}

/// The tool's own training engine (model files, training reports, benchmark), and
/// the tests of it and of the commands that use it.
var trainingTargets: [Target] {
    [
        // Always optimized: the engine works in tight loops over SIMD blocks, which an
        // unoptimized build runs several times slower. It is not the learner's code, so
        // no one steps through it in a debugger.
        .target(name: "Training", dependencies: ["CourseData", "CourseFiles", "Plot", "RunLogs", "Workbook"],
                exclude: ["README.md"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Holds the tool's engine to the learner's reference `fit`, so it links both.
        .testTarget(name: "TrainingTests", dependencies: ["Training", "NeuralNetwork", "CourseData"]),
        // Runs the built `workbook` as a process; depending on the target gets it built.
        .testTarget(name: "TrainTests", dependencies: ["WorkbookCLI"], exclude: ["Fixtures"]),
    ]
}
