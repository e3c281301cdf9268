import Foundation
import Testing
@testable import RunLogs

/// The shapes real logs come in, each in a small log of its own written the way the
/// tool that writes it does: line ends, blank epoch cells, tabs, padded names, gaps and
/// a diverged tail, learning rates beside losses, a lone test row, Hugging Face's
/// trainer state, and runs appended to one file.
struct LogShapeTests {
    static func read(_ text: String, name: String = "run.csv") throws -> RunLog {
        try RunLogTests.read(text, name: name)
    }

    static func figure(_ log: RunLog, metrics: [String] = []) throws -> RunFigure {
        try RunFigure(runs: [(label: "run", log: log)], metrics: metrics, smoothing: nil, logarithmicY: nil)
    }

    @Test func crlfAndCRCRLFLineEndsReadAlike() throws {
        let lf = try Self.read("epoch,loss,val_loss\n0,0.5,0.6\n1,0.4,0.5\n").chosen([])
        for ending in ["\r\n", "\r\r\n", "\r"] {
            let text = ["epoch,loss,val_loss", "0,0.5,0.6", "1,0.4,0.5", ""].joined(separator: ending)
            #expect(try Self.read(text).chosen([]) == lf, "line ends \(ending.debugDescription)")
        }
        // A bad cell is named on its own line, not on twice the line.
        #expect(RunLogTests.message("epoch,loss\r\r\n0,0.5\r\r\n1,x\r\r\n")
                == "run.csv, line 3, column 2 (loss): \"x\" is not a number; expected a logged value, or an empty cell where none was logged")
    }

    /// Lightning with `on_step` and `on_epoch` logging, columns in any order: the validation
    /// loop's rows have no epoch and a step counter of their own that goes backwards.
    static let blankEpochs = """
        val_loss_step,step,epoch,val_loss_epoch,train_loss_epoch,train_loss_step\r
        0.95,0,,,,\r
        0.86,1,,,,\r
        ,11,0,0.93,,\r
        ,11,0,,1.07,\r
        0.91,2,,,,\r
        0.70,3,,,,\r
        ,23,1,0.82,,\r
        ,23,1,,0.90,\r
        ,24,2,,,0.85\r
        ,30,2,,,0.80\r

        """

    @Test func rowsWithoutAnEpochAreLeftToTheStepLevelColumns() throws {
        let log = try Self.read(Self.blankEpochs, name: "metrics.csv")
        #expect(log.restarts.isEmpty, "a validation loop's own step counter is not a restart")
        let epochLevel = try log.chosen([])
        #expect(epochLevel.axis == .epoch)
        #expect(epochLevel.curves.map(\.name) == ["val_loss_epoch", "train_loss_epoch"])
        #expect(epochLevel.curves.map(\.x) == [[1, 2], [1, 2]])
        #expect(epochLevel.curves[1].y == [1.07, 0.90])
        // Step-level values only when asked for, against steps.
        let stepLevel = try log.chosen(["val_loss_step"])
        #expect(stepLevel.axis == .step)
        #expect(stepLevel.curves[0].x == [0, 1, 2, 3] && stepLevel.curves[0].y == [0.95, 0.86, 0.91, 0.70])
    }

    @Test func aRowWithNeitherEpochNorStepIsNamed() {
        #expect(RunLogTests.message("epoch,step,loss\n0,5,0.5\n,,0.4\n")
                == "run.csv, line 3, column 1 (epoch): an empty field; a row needs its epoch or its step")
        #expect(RunLogTests.message("epoch,loss\n0,0.5\n,0.4\n")
                == "run.csv, line 3, column 1 (epoch): an empty field; a row needs its epoch")
    }

    /// OpenAI Spinning Up's `progress.txt`: tabs, `Epoch` capitalised, losses in CamelCase
    /// beside the changes of those losses, values at and below zero.
    @Test func tabSeparatedProgressFile() throws {
        let text = "Epoch\tAverageEpRet\tLossPi\tLossV\tDeltaLossPi\tDeltaLossV\tTime\n"
            + "0\t-78.7\t1.4156103e-07\t21.48\t-0.0134\t-4.9\t16.5\n"
            + "1\t-77.1\t-3.7252903e-08\t15.79\t-0.0145\t-7.0\t33.4\n"
            + "2\t-70.2\t\t9.5\t-0.0150\t-5.1\t50.3\n"
        let log = try Self.read(text, name: "progress.txt")
        let chosen = try log.chosen([])
        #expect(chosen.axis == .epoch)
        #expect(chosen.curves.map(\.name) == ["LossPi", "LossV"], "DeltaLoss… are changes, not losses")
        #expect(chosen.curves[0].x == [1, 2] && chosen.curves[0].y == [1.4156103e-07, -3.7252903e-08])
        let figure = try Self.figure(log)
        #expect(!figure.logarithmicY, "values at or below 0 rule out a logarithmic axis")
        #expect(figure.chart.yLabel == "loss" && figure.chart.title == "Loss per epoch")
        #expect(RunLogTests.message("Epoch\tLossV\n0\t1\t2\n", name: "p.txt")
                == "p.txt, line 2: has 3 fields, expected 2 like the header (Epoch, LossV)")
    }

    /// Ultralytics YOLOv5's `results.csv`: names and values padded to right-align, slashes
    /// in names, learning rates (`x/lr0`), and `nan` in the middle.
    @Test func paddedNamesAndAGapInTheMiddle() throws {
        let text = """
                           epoch,      train/box_loss,        val/box_loss,   metrics/mAP_0.5,               x/lr0
                               0,             0.10165,             0.08263,           0.00095,            0.070291
                               1,             0.08602,                 nan,           0.00421,            0.040258
                               2,             0.07943,             0.07406,           0.01163,            0.010192

            """
        let log = try Self.read(text, name: "results.csv")
        let chosen = try log.chosen([])
        #expect(chosen.curves.map(\.name) == ["train/box_loss", "val/box_loss"])
        #expect(chosen.curves[1].x == [1, 2, 3] && chosen.curves[1].y[1].isNaN)
        #expect(chosen.gapNotes(file: "results.csv") == ["results.csv: val/box_loss is not a number at epoch 2, drawn as a gap"])
        #expect(try log.chosen(["x/lr0"]).curves[0].y == [0.070291, 0.040258, 0.010192])
    }

    @Test func theDefaultMatchIgnoresCaseAndSkipsDeltaGradAndLearningRates() throws {
        let text = "epoch,Train_Loss,VAL_LOSS,lr,learning_rate,lr-Adam,grad_norm_loss,delta_loss,loss_lr_scaled\n"
            + "0,1,2,0.1,0.1,0.1,5,0.1,3\n1,0.5,1,0.1,0.1,0.1,4,0.1,2\n"
        #expect(try Self.read(text).defaultNames == ["Train_Loss", "VAL_LOSS"])
        #expect(RunLog.isDefaultLoss("LossV") && !RunLog.isDefaultLoss("lr-Adam") && !RunLog.isDefaultLoss("learning_rate"))
    }

    /// Lightning's `trainer.test()` after fitting: one row of test metrics at the end,
    /// a point of its own and not the end of a line.
    @Test func aLoneTestRowIsOneMarkedPoint() throws {
        let text = "epoch,step,train_loss,valid_loss,test_loss\n0,9,0.9,,\n0,9,,0.95,\n1,19,0.7,,\n1,19,,0.8,\n2,20,,,0.83\n"
        let log = try Self.read(text, name: "metrics.csv")
        let chosen = try log.chosen([])
        #expect(chosen.axis == .epoch)
        let test = try #require(chosen.curves.first { $0.name == "test_loss" })
        #expect(test.x == [3] && test.y == [0.83])
        let series = try Self.figure(log).chart.series
        let point = try #require(series.first { $0.name.hasPrefix("test_loss") })
        #expect(point.name == "test_loss = 0.83 at epoch 3")
        #expect(point.x.count == 1 && point.showsMarkers && point.highlighted.isEmpty)
        // A test run alone: the point is the figure, and its title says what it is.
        let only = try Self.read("epoch,step,test_acc,test_loss\n0,760,0.71,0.5698204636573792\n")
        #expect(try Self.figure(only).chart.title == "test_loss = 0.5698 at epoch 1")
    }

    /// A physics-informed network whose losses start near 1e13 (written as plain decimals)
    /// and turn to `nan` for good: the figure marks where.
    @Test func aNaNTailIsMarkedAsDivergence() throws {
        let text = "Conductor_Copper_loss,Dielectric_Air_loss,epoch,mean_loss,step\n"
            + "11476847820800.0,76086.9,0,2869211955200.0,0\n5.0,1.41,1,2.1,1\n0.81,1.36,2,1.04,2\n"
            + "nan,nan,3,nan,3\nnan,nan,4,nan,4\n"
        let log = try Self.read(text)
        let figure = try Self.figure(log)
        #expect(figure.logarithmicY)
        #expect(figure.chart.yLabel == "loss", "the names go to the legend, their common word to the axis")
        #expect(figure.chart.title == "Loss per epoch")
        let guides = figure.chart.guides
        #expect(guides.map(\.name) == ["diverged at epoch 4"])
        #expect(guides.first?.x == [4, 4])
        #expect(figure.notes == ["run.csv: Conductor_Copper_loss, Dielectric_Air_loss, mean_loss diverged at epoch 4 (not a number from there on)"])
    }

    @Test func legendNumbersHaveFourSignificantDigits() throws {
        let log = try Self.read("epoch,loss,val_loss\n0,0.7,0.5\n1,0.5,0.4348105490207672\n2,0.4,0.45\n")
        #expect(try Self.figure(log).highlightName == "best epoch 2: val_loss = 0.4348")
        #expect(RunFigure.short(11476847820800) == "1.148e+13")
    }

    @Test func oneBasedEpochsAndPercentAccuraciesStayAsLogged() throws {
        let log = try Self.read("epoch,train_loss,train_acc,test_loss,test_acc\n1,1.2,47.19,1.1,52.0\n2,0.9,61.5,1.0,60.25\n")
        let chosen = try log.chosen(["test_acc"])
        #expect(chosen.curves[0].x == [1, 2] && chosen.curves[0].y == [52.0, 60.25])
        #expect(chosen.curves[0].bestIndex == 1)
    }

    // MARK: - Appended runs

    /// Keras' `CSVLogger(append=True)` over three runs: one header, the epoch count restarting.
    static let appended = "epoch,learning_rate,loss,val_loss\r\n"
        + "0,1e-4,1.18,1.04\r\n1,1e-4,1.08,1.00\r\n2,1e-4,1.03,0.97\r\n"
        + "0,1e-5,1.28,1.07\r\n1,1e-5,1.12,1.03\r\n"
        + "0,1e-6,1.60,1.59\r\n1,1e-6,0.72,1.36\r\n2,1e-6,0.66,0.66\r\n3,1e-6,0.62,0.59\r\n"

    @Test func anAppendedLogIsSeveralRuns() throws {
        let log = try Self.read(Self.appended)
        #expect(log.restarts == [3, 5])
        let segments = log.segments
        #expect(segments.count == 3)
        #expect(try segments.map { try $0.chosen([]).curves[0].x } == [[1, 2, 3], [1, 2], [1, 2, 3, 4]])
        #expect(try segments[1].chosen([]).curves[1].y == [1.07, 1.03])
        #expect(segments.map(\.segment) == [1, 2, 3])
        // Shifted to follow the run before: epoch 1 of the second run is drawn at 4.
        let second = segments[1].shifted(epochs: segments[0].lastEpochAndStep.epoch, steps: 0)
        #expect(try second.chosen([]).curves[0].x == [4, 5])
    }

    @Test func repeatedEpochsOfOneRowKindAreARestartButOtherKindsAreNot() throws {
        // Lightning: training and validation rows share epochs; neither goes back.
        #expect(try Self.read("epoch,step,train_loss,val_loss\n0,9,0.6,\n0,9,,0.7\n1,19,0.5,\n1,19,,0.6\n").restarts.isEmpty)
        // No epoch column: a step count that starts again.
        #expect(try Self.read("step,loss\n10,0.5\n20,0.4\n10,0.6\n20,0.5\n").restarts == [2])
    }

    // MARK: - Hugging Face

    /// `trainer_state.json` as recent `transformers` writes it: training entries, evaluation
    /// entries at whole epochs between them, and the run's summary last.
    static let trainerState = """
        {
          "best_metric": 0.3082,
          "epoch": 2.0,
          "global_step": 40,
          "log_history": [
            {"epoch": 0.25, "grad_norm": 1.63, "learning_rate": 4e-06, "loss": 0.9919, "step": 10},
            {"epoch": 0.5, "grad_norm": 2.1, "learning_rate": 8e-06, "loss": 0.7, "step": 20},
            {"epoch": 1.0, "eval_accuracy": 0.9, "eval_loss": 0.3252, "eval_runtime": 175.9, "step": 20},
            {"epoch": 0.75, "grad_norm": 1.2, "learning_rate": 6e-06, "loss": 0.45, "step": 30},
            {"epoch": 2.0, "eval_accuracy": 0.92, "eval_loss": 0.3082, "eval_runtime": 172.0, "step": 40},
            {"epoch": 2.0, "step": 40, "total_flos": 2.3e+19, "train_loss": 0.063, "train_runtime": 16800.45}
          ],
          "trial_name": null
        }

        """

    @Test func huggingFaceTrainerState() throws {
        let log = try Self.read(Self.trainerState, name: "trainer_state.json")
        let chosen = try log.chosen([])
        #expect(chosen.axis == .step)
        #expect(chosen.curves.map(\.name) == ["loss", "eval_loss"])
        #expect(chosen.curves[0].x == [10, 20, 30] && chosen.curves[0].y == [0.9919, 0.7, 0.45])
        #expect(chosen.curves[1].x == [20, 40] && chosen.curves[1].isValidation)
        #expect(!log.columns.contains { $0.name == "train_loss" || $0.name == "train_runtime" }, "the summary is no point")
        let series = try Self.figure(log).chart.series
        #expect(series.map(\.dash) == [.solid, .dashed])
        #expect(try log.chosen(["eval_accuracy"]).curves[0].bestIndex == 1)
    }

    @Test func aTrainerStateWithoutLogHistoryIsRefused() {
        #expect(RunLogTests.message(#"{"global_step": 40, "epoch": 2.0, "best_metric": null}"#, name: "trainer_state.json")
                == "trainer_state.json: a Hugging Face trainer_state.json without log_history: nothing to plot (keys found: global_step, epoch, best_metric)")
        #expect(RunLogTests.message(#"{"global_step": 1, "log_history": [{"loss": 0.5}]}"#, name: "t.json")
                == "t.json: log_history[0]: no step; every entry of log_history needs its step")
        #expect(RunLogTests.message(#"{"global_step": 1, "log_history": [{"loss": "low", "step": 5}]}"#, name: "t.json")
                == "t.json: log_history holds no logged number, nothing to plot")
    }

    // MARK: - Runs over seeds

    @Test func aBandIsTheMeanAndSpreadOfASettingsRuns() throws {
        let seeds = try [
            "epoch,loss,val_loss\n0,1.0,1.2\n1,0.6,0.8\n2,0.4,0.7\n",
            "epoch,loss,val_loss\n0,0.8,1.0\n1,0.4,0.6\n2,0.3,0.5\n",
            "epoch,loss,val_loss\n0,0.9,1.1\n1,0.5,0.7\n",
        ].enumerated().map { index, text in try Self.read(text, name: "s\(index).csv") }
        let figure = try RunFigure(bands: [(label: "ppo", logs: seeds)], metrics: [], logarithmicY: nil)
        #expect(figure.notes == ["--band ppo: drawn to epoch 2, where its shortest run (s2.csv) ends"])
        let chart = figure.chart
        #expect(chart.series.map(\.name) == ["loss (mean of 3)", "val_loss (mean of 3)"])
        #expect(chart.series[0].x == [1, 2])
        #expect(zip(chart.series[0].y, [0.9, 0.5]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(chart.bands.count == 2)
        #expect(chart.bands[0].lower == [0.8, 0.4] && chart.bands[0].upper == [1.0, 0.6])
        #expect(figure.csvText.hasPrefix("run,metric,epoch,value,lowest,highest,best\nppo,loss,1,0.9,0.8,1,0\n"))
    }

    @Test func runsThatShareNoEpochMakeNoBand() throws {
        let a = try Self.read("epoch,loss\n0,1.0\n1,0.6\n", name: "a.csv")
        let b = try Self.read("epoch,loss\n5,0.5\n6,0.4\n", name: "b.csv")
        #expect(throws: RunLogError("--band s: a.csv, b.csv share no epoch of loss, so there is no mean to draw")) {
            try RunFigure(bands: [(label: "s", logs: [a, b])], metrics: [], logarithmicY: nil)
        }
        let both = try Self.read("epoch,loss,val_loss\n0,1.0,1.1\n", name: "both.csv")
        #expect(throws: RunLogError("a.csv has no val_loss, which both.csv has: the runs of one band must log the same columns")) {
            try RunFigure(bands: [(label: "s", logs: [both, a])], metrics: [], logarithmicY: nil)
        }
    }
}
