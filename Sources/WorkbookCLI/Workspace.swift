import ArgumentParser
import Foundation
import Workbook

/// The package the command works in, and the folders it reads and writes.
struct Workspace {
    let root: URL

    init() throws {
        guard let root = locatePackageRoot() else {
            throw ValidationError("run workbook inside the NeuralWorkbook package (no Package.swift with a Chapters/ folder here or above)")
        }
        self.root = root
    }

    var outputFolder: URL { root.appendingPathComponent("Output") }
    var recordFolder: URL { root.appendingPathComponent(".build/workbook") }

    /// Builds the chapters (all, or those named), printing a line while it works;
    /// on failure prints the compiler's first errors and returns them.
    func buildChapters(_ chapters: [ChapterInfo] = Catalog.chapters) -> SwiftBuild.Outcome {
        Console.line(Console.dim("Building the chapters…"))
        let outcome = SwiftBuild(packageRoot: root).build(products: chapters.map(\.target))
        if !outcome.succeeded {
            Console.line(Console.red("The build failed. The compiler's first errors:"))
            Console.line(outcome.firstErrors.isEmpty ? outcome.output : outcome.firstErrors)
        }
        return outcome
    }

    func runner(timeout: Double, outputFolder: URL? = nil, echo: Bool = true) throws -> ChapterRunner {
        ChapterRunner(binFolder: try SwiftBuild(packageRoot: root).binFolder(),
                      outputFolder: outputFolder ?? self.outputFolder,
                      recordFolder: recordFolder, timeout: timeout, echo: echo)
    }
}

/// Options every command that runs chapters takes.
struct RunOptions: ParsableArguments {
    @Option(help: "Seconds a chapter may run before it is stopped and reported as timed out.")
    var timeout: Double = 300

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)") }
    }
}
