// Needs the tool's training engine, which the learner edition leaves out (see Package.swift).
#if TRAINING_ENGINE
import ArgumentParser
import Foundation
import Training
import Workbook

/// `workbook predict`: a saved model applied to new rows.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Apply a saved model to the rows of a CSV file.",
        discussion: """
            Reads a model file written by `workbook train --save` (or by --report) and computes \
            ŷ, the network's probability of class 1, for every row of the data file, in order. \
            When the model was trained with --standardize, its stored means and standard \
            deviations are applied to the features first, exactly as in training.

            THE DATA: when the model file names its columns (trained on a file with a header) \
            and this file's header has them, the features are found by name, in any order, and \
            other columns (an id left out with --ignore, say) are passed over; the label column, \
            if there, is read in the model's labels (M/B as trained with --positive M). \
            Otherwise: the model's feature columns in the order it was trained on, optionally \
            followed by the label 0 or 1; an optional header row. With labels, the scores and \
            the confusion matrix are printed as `workbook train` prints them.

            THE OUTPUT: a CSV with the header probability,prediction and one row per input row; \
            prediction is ŷ rounded at 0.5; a model whose labels were words adds \
            predicted_<label>, the prediction in those words (M or B). It goes to --output, written whole or not at all, or, \
            without --output, to standard output (the scores then go to standard error, so that a \
            pipe receives the CSV alone).

            EXAMPLES:
              workbook train --data Data/breast_cancer.csv --hidden 16,8 --standardize \\
                --split shuffled --epochs 50 --save cancer.json
              workbook predict --model cancer.json --data Data/breast_cancer.csv --output scores.csv
              workbook predict --model cancer.json --data new-rows.csv | head

            Exit status: 0 predicted; 1 the output could not be written; 2 bad input (the \
            message names the option, file, line and column or JSON path).
            """
    )

    @Option(help: ArgumentHelp("The model file to apply.", valueName: "model.json"))
    var model: String

    @Option(help: ArgumentHelp("The CSV file of rows to predict, with or without the label column.", valueName: "file.csv"))
    var data: String

    @Option(help: ArgumentHelp("Write the predictions to this CSV file instead of standard output.", valueName: "file.csv"))
    var output: String?

    func run() throws {
        do {
            try TrainingFiles.checkWritable(output, option: "--output")
            if let output, [model, data].contains(where: { Self.sameFile($0, output) }) {
                throw TrainingInputError("--output \(output) is one of the input files; give a new file name")
            }
            let prediction = try Prediction(model: model, data: data)
            let scores = prediction.confusion.map { MetricsTable(parts: [(name: "all rows", matrix: $0)]).lines } ?? []
            if let output {
                try TrainingFiles.write(Data(prediction.csvText.utf8), to: output, option: "--output")
                Console.line("Wrote \(prediction.probabilities.count) prediction\(prediction.probabilities.count == 1 ? "" : "s") "
                    + "to \(output)" + (prediction.standardization == nil ? "" : " (inputs standardized as stored in \(model))"))
                if !scores.isEmpty { Console.line("") }
                scores.forEach(Console.line)
            } else {
                FileHandle.standardOutput.write(Data(prediction.csvText.utf8))
                scores.forEach(Console.error)
            }
        } catch let error as TrainingInputError {
            throw BadInput.report(error.description)
        } catch let error as CannotWrite {
            Console.error("Error: \(error)")
            throw ExitCode.failure
        }
    }

    private static func sameFile(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath()
            == URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath()
    }
}
#endif
