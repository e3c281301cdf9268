import ArgumentParser

// `main()` is in BadInput.swift: `train` and `bench` report command-line mistakes in one line, status 2.
@main
struct WorkbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract: "Build a neural network from scratch, one chapter at a time.",
        discussion: """
            Following the course: read a chapter (Chapters/01-neuron/main.swift is the \
            first), write the exercise it names in Sources/NeuralNetwork/, then run the \
            chapter and see its checks:

              ./workbook run 1      one chapter
              ./workbook list       where you stand
              ./workbook            every chapter, then a summary
              make run              every chapter in short, then the report

            """ + trainingExample + (Workspace.isInstructorCopy
                ? "\nTeaching a class: workbook student, then workbook grade (docs/instructors.md)." : ""),
        subcommands: [RunAllCommand.self, ListCommand.self, RunCommand.self, WatchCommand.self, HintCommand.self,
                      ResetCommand.self, ReportCommand.self],
        groupedSubcommands: groups,
        defaultSubcommand: RunAllCommand.self
    )
}

#if TRAINING_ENGINE
private let groups = [
    CommandGroup(name: "Data", subcommands: [TrainCommand.self, PredictCommand.self, PlotCommand.self, DataCommand.self]),
    CommandGroup(name: "Instructor", subcommands: [StudentCommand.self, GradeCommand.self, AutograderCommand.self,
                                                   MutantsCommand.self]),
    CommandGroup(name: "Benchmark", subcommands: [BenchCommand.self, ReportBenchmarkCommand.self]),
]
private let trainingExample = "\nOn your own data: swift run -c release workbook train --data FILE.csv"
/// The next step once every chapter passes.
let everyChapterDone = "Every chapter is done. Try `./workbook train --help` on your own data."
#else
// The learner edition: no training engine, so no `train`, `predict` or benchmarks;
// `plot` reads logs and computes no exercise, so it stays.
private let groups = [
    CommandGroup(name: "Data", subcommands: [PlotCommand.self, DataCommand.self]),
    CommandGroup(name: "Instructor", subcommands: [StudentCommand.self, GradeCommand.self, AutograderCommand.self]),
]
private let trainingExample = ""
/// The next step once every chapter passes: the edition has no `train` to point at.
let everyChapterDone = "Every chapter is done. Hand in the files in Sources/NeuralNetwork/ as README.md says under \"What to hand in\"."
#endif
