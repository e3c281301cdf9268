import CourseData
import Foundation
import Testing
@testable import RunLogs

/// Reading training logs for `workbook plot`: each format, the curves chosen, the
/// smoothing by hand, and every bad input named by file, line and column.
struct RunLogTests {
    /// Writes `text` to a fresh file named `name`, reads it as a run log, and gives
    /// errors with the file as named (the temporary folder taken out).
    static func read(_ text: String, name: String = "run.csv") throws -> RunLog {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runlog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        do {
            var log = try RunLog.read(url.path)
            log.file = name
            return log
        } catch let error as RunLogError {
            throw RunLogError(error.description.replacingOccurrences(of: folder.path + "/", with: ""))
        }
    }

    static func message(_ text: String, name: String = "run.csv", metrics: [String] = []) -> String? {
        do {
            _ = try read(text, name: name).chosen(metrics)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func ourLossesFileGivesBothCurvesAgainstEpochsFromOne() throws {
        let log = try Self.read(#"{"losses": [0.7, 0.5, 0.4], "held_out_losses": [0.72, 0.6, null]}"#, name: "l.json").chosen([])
        #expect(log.axis == .epoch)
        #expect(log.curves.map(\.name) == ["losses", "held_out_losses"])
        #expect(log.curves[0].x == [1, 2, 3])
        #expect(log.curves[0].y == [0.7, 0.5, 0.4])
        #expect(log.curves[1].y[2].isNaN, "null is a gap")
        #expect(!log.curves[0].isValidation && log.curves[1].isValidation)
        #expect(log.curves[0].quantity == "loss" && log.curves[1].quantity == "loss")
        #expect(log.curves[1].bestIndex == 1)
    }

    @Test func kerasCSVLoggerEpochsFromZeroCountCompletedEpochs() throws {
        let log = try Self.read("epoch,accuracy,loss,val_accuracy,val_loss\n0,0.6,0.69,0.55,0.7\n1,0.8,0.4,0.75,0.5\n2,0.9,0.3,0.74,0.55\n")
        #expect(try log.chosen([]).axis == .epoch)
        let losses = try log.chosen([]).curves
        #expect(losses.map(\.name) == ["loss", "val_loss"])
        #expect(losses[0].x == [1, 2, 3])
        #expect(losses[1].bestIndex == 1)
        let accuracy = try log.chosen(["val_accuracy"]).curves
        #expect(accuracy[0].bestIndex == 1, "accuracy is best at its highest")
        #expect(accuracy[0].quantity == "accuracy" && accuracy[0].isValidation)
    }

    @Test func lightningMetricsWithBlankCellsAndPerStepTrainingLossUseSteps() throws {
        let text = "epoch,step,train_loss,val_loss\n0,9,0.65,\n0,19,0.55,\n0,24,,0.54\n1,29,0.47,\n1,39,0.45,\n1,49,,0.44\n"
        let log = try Self.read(text, name: "metrics.csv").chosen([])
        #expect(log.axis == .step, "train_loss was logged twice in epoch 0")
        let train = try #require(log.curves.first { $0.name == "train_loss" })
        let validation = try #require(log.curves.first { $0.name == "val_loss" })
        #expect(train.x == [9, 19, 29, 39] && train.y == [0.65, 0.55, 0.47, 0.45])
        #expect(validation.x == [24, 49] && validation.y == [0.54, 0.44])
        #expect(train.quantity == validation.quantity)
    }

    @Test func lightningMetricsLoggedOncePerEpochUseEpochs() throws {
        let log = try Self.read("epoch,step,train_loss,val_loss\n0,24,0.6,\n0,24,,0.62\n1,49,0.5,\n1,49,,0.55\n").chosen([])
        #expect(log.axis == .epoch)
        #expect(log.curves.map(\.x) == [[1, 2], [1, 2]])
    }

    @Test func anyCSVWithAStepColumnAndGaps() throws {
        let log = try Self.read("step,loss,lr\n100,2.5,0.1\n200,nan,0.1\n300,NA,0.1\n400,1.5,0.1\n").chosen([])
        #expect(log.axis == .step)
        let loss = log.curves
        #expect(loss.map(\.name) == ["loss"], "lr holds no loss")
        #expect(loss[0].x == [100, 200, 300, 400])
        #expect(loss[0].y[0] == 2.5 && loss[0].y[1].isNaN && loss[0].y[2].isNaN && loss[0].y[3] == 1.5)
    }

    @Test func smoothingByHand() {
        // S = 0.5: m1 = 0.5·0 + 0.5·1 = 0.5, shown 0.5 / (1 − 0.5) = 1;
        // m2 = 0.5·0.5 + 0.5·3 = 1.75, shown 1.75 / (1 − 0.25) = 7/3.
        let smoothed = RunLog.smoothed([1, .nan, 3], weight: 0.5)
        #expect(smoothed[0] == 1)
        #expect(smoothed[1].isNaN)
        #expect(abs(smoothed[2] - 7.0 / 3) <= 1e-15)
        #expect(RunLog.smoothed([4, 2, 9], weight: 0) == [4, 2, 9])
        // A constant stays constant from the first value: the bias correction at work.
        #expect(RunLog.smoothed([0.3, 0.3, 0.3], weight: 0.9).allSatisfy { abs($0 - 0.3) <= 1e-15 })
    }

    @Test func figureDrawsLogYOnlyWhenValuesSpanMoreThanTwoDecades() throws {
        func figure(_ losses: String, logY: Bool? = nil, smoothing: Double? = nil) throws -> RunFigure {
            try RunFigure(runs: [("a", Self.read(#"{"losses": "# + losses + "}", name: "a.json"))], metrics: [],
                          smoothing: smoothing, logarithmicY: logY)
        }
        #expect(try figure("[100, 1, 0.5]").logarithmicY)
        #expect(try !figure("[99, 1]").logarithmicY)
        #expect(try figure("[2, 1]", logY: true).logarithmicY)
        #expect(try figure("[2, 1]", smoothing: 0.6).chart.title.contains("S = 0.6"))
        #expect(throws: RunLogError.self) { try figure("[2, 0]", logY: true) }
    }

    @Test func figureColoursARunsCurvesAlikeAndRunsApart() throws {
        let a = try Self.read("epoch,loss,val_loss\n0,1,1.1\n1,0.5,0.6\n")
        let b = try Self.read("epoch,loss,val_loss\n0,0.9,1.0\n1,0.4,0.7\n")
        let figure = try RunFigure(runs: [("a", a), ("b", b)], metrics: [], smoothing: nil, logarithmicY: nil)
        let series = figure.chart.series
        #expect(series.map(\.name) == ["a: loss", "a: val_loss", "b: loss", "b: val_loss"])
        #expect(series[0].color == series[1].color && series[2].color == series[3].color)
        #expect(series[0].color != series[2].color)
        #expect(series.map(\.dash) == [.solid, .dashed, .solid, .dashed])
        #expect(series.map(\.highlighted) == [[], [1], [], [1]])
        #expect(figure.csvText == """
            run,metric,epoch,value,best
            a,loss,1,1,0
            a,loss,2,0.5,0
            a,val_loss,1,1.1,0
            a,val_loss,2,0.6,1
            b,loss,1,0.9,0
            b,loss,2,0.4,0
            b,val_loss,1,1,0
            b,val_loss,2,0.7,1

            """)
    }

    // Bad input: one message naming the file and the line and column, or the columns found.

    @Test func aRaggedRowNamesItsLine() {
        #expect(Self.message("epoch,loss\n0,0.5\n1,0.4,9\n") == "run.csv, line 3: has 3 fields, expected 2 like the header (epoch,loss)")
    }

    @Test func aNonNumericCellNamesLineAndColumn() {
        #expect(Self.message("epoch,loss,val_loss\n0,0.5,0.6\n1,0.4,high\n")
                == "run.csv, line 3, column 3 (val_loss): \"high\" is not a number; expected a logged value, or an empty cell where none was logged")
    }

    @Test func aFileWithNothingToPlotSaysSo() {
        #expect(Self.message("epoch,loss\n") == "run.csv: no data rows, nothing to plot (columns found: epoch, loss)")
        #expect(Self.message("epoch,loss\n0,\n1,\n")?.contains("nothing to plot") == true)
        #expect(Self.message("loss,accuracy\n0.5,0.8\n")
                == "run.csv: no epoch or step column (columns found: loss, accuracy); workbook plot needs a header row naming one of them")
        #expect(Self.message(#"{"model": "mlp"}"#, name: "l.json")
                == "l.json: nothing to plot: no key holds an array of numbers (keys found: model)")
        #expect(Self.message("epoch,accuracy\n0,0.5\n")?.contains("no loss column to draw by default (columns found: accuracy)") == true)
    }

    @Test func anUnknownMetricListsTheColumnsFound() {
        #expect(Self.message("epoch,loss,val_loss\n0,0.5,0.6\n", metrics: ["val_los"])
                == "run.csv: no column \"val_los\" for --metric (columns found: loss, val_loss)")
    }

    @Test func badJSONNamesThePlace() {
        #expect(Self.message(#"{"losses": [0.5, "x"]}"#, name: "l.json") == "l.json: losses[1]: expected a number, found a string")
        #expect(Self.message("{\"losses\": [0.5,\n 0.4,]}", name: "l.json")?.hasPrefix("l.json, line 2, column ") == true)
    }
}
