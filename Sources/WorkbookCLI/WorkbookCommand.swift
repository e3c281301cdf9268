import ArgumentParser

// `main()` is in BadInput.swift: `train` and `bench` report command-line mistakes in one line, status 2.
@main
struct WorkbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract: "Build a neural network from scratch, one chapter at a time.",
        discussion: """
            Run `workbook` with no command to run every chapter in order and sum up.
            Open Chapters/01-neuron/main.swift to start the course.
            """,
        subcommands: [RunAllCommand.self, ListCommand.self, RunCommand.self, DataCommand.self, TrainCommand.self, BenchCommand.self, StudentCommand.self, GradeCommand.self, ReportCommand.self, ReportBenchmarkCommand.self],
        defaultSubcommand: RunAllCommand.self
    )
}
