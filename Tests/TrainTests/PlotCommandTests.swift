import Foundation
import Testing

/// `workbook plot` as a user runs it: one test per log format, the options, and
/// every bad input answered in one line with status 2 and nothing written.
struct PlotCommandTests {
    static let logs = Workbook.fixtures.appendingPathComponent("logs")

    /// A PNG's width and height, from its IHDR chunk.
    static func pngSize(_ url: URL) throws -> (width: Int, height: Int) {
        let bytes = [UInt8](try Data(contentsOf: url))
        try #require(bytes.count > 24 && bytes[1...3] == [0x50, 0x4E, 0x47], "not a PNG")
        func number(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }

    /// The written numbers: one dictionary per row, keyed by the header.
    static func rows(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    /// Runs `workbook plot` in a fresh folder; gives the result and the folder.
    static func plot(_ arguments: [String]) throws -> (Workbook.Result, URL) {
        let folder = try Workbook.temporaryFolder()
        return (try Workbook.run(["plot"] + arguments, in: folder), folder)
    }

    /// A fixture's column by name, as numbers ("" for a blank cell).
    static func column(_ name: String, of file: String) throws -> [String] {
        let lines = try String(contentsOf: logs.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let index = try #require(header.firstIndex(of: name))
        return lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)[index] }
    }

    /// A diverged run logs `nan`: the figure is drawn, with a gap there, and the
    /// command says where, rather than break the line silently.
    @Test func aLoggedNaNIsAGapThatIsNamed() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("epoch,loss,val_loss\n1,0.7,0.72\n2,0.5,nan\n3,0.4,inf\n4,0.35,0.6\n5,0.3,nan\n".utf8)
            .write(to: folder.appendingPathComponent("diverged.csv"))
        let result = try Workbook.run(["plot", "diverged.csv", "--output", "d.png"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("diverged.csv: val_loss is not a number at epochs 2, 3, drawn as a gap"),
                "\(result.standardError)")
        #expect(!result.standardError.contains(": loss is not a number"), "loss itself logged numbers throughout")
        #expect(result.standardError.contains("diverged.csv: val_loss diverged at epoch 5 (not a number from there on)"),
                "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("d.png").path))
    }

    @Test func kerasCSVLoggerFile() throws {
        let (result, folder) = try Self.plot([Self.logs.appendingPathComponent("keras-training.log").path, "--output", "k.png"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try Self.pngSize(folder.appendingPathComponent("k.png")) == (800, 600))
        let rows = try Self.rows(folder.appendingPathComponent("k.csv"))
        #expect(Set(rows.map { $0["metric"]! }) == ["loss", "val_loss"], "by default the loss columns only")
        // The best validation epoch, found here from the file itself: Keras counts from 0, the figure from 1.
        let validation = try Self.column("val_loss", of: "keras-training.log").map { Double($0)! }
        let best = validation.indices.min { validation[$0] < validation[$1] }!
        let marked = rows.filter { $0["best"] == "1" }
        #expect(marked.count == 1)
        #expect(marked.first?["metric"] == "val_loss" && marked.first?["epoch"] == "\(best + 1)")
        let loss = try Self.column("loss", of: "keras-training.log").map { Double($0)! }
        #expect(rows.filter { $0["metric"] == "loss" }.map { Double($0["value"]!)! } == loss)
    }

    @Test func lightningMetricsFile() throws {
        let (result, folder) = try Self.plot([Self.logs.appendingPathComponent("lightning-metrics.csv").path, "--output", "l.png"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try Self.rows(folder.appendingPathComponent("l.csv"))
        // Drawn against steps (the training loss was logged several times an epoch); blank cells left out.
        let train = try Self.column("train_loss", of: "lightning-metrics.csv").filter { !$0.isEmpty }
        let validation = try Self.column("val_loss", of: "lightning-metrics.csv").filter { !$0.isEmpty }
        #expect(rows.filter { $0["metric"] == "train_loss" }.map { $0["value"]! }.map { Double($0)! } == train.map { Double($0)! })
        #expect(rows.filter { $0["metric"] == "val_loss" }.count == validation.count)
        #expect(rows.allSatisfy { $0["step"] != nil })
    }

    @Test func ourLossesJSONTwoRunsLabelled() throws {
        let (result, folder) = try Self.plot([Self.logs.appendingPathComponent("moons-losses.json").path,
                                              Self.logs.appendingPathComponent("moons-16-8-losses.json").path,
                                              "--label", "6,6", "--label", "16,8", "--output", "two.png"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try Self.rows(folder.appendingPathComponent("two.csv"))
        // A label holding a comma is quoted in the CSV.
        #expect(try String(contentsOf: folder.appendingPathComponent("two.csv"), encoding: .utf8).contains("\"6,6\",held_out_losses,1,"))
        #expect(rows.count == 4 * 30)
    }

    @Test func anyCSVWithAnEpochColumn() throws {
        let (result, folder) = try Self.plot([Self.logs.appendingPathComponent("custom-log.csv").path, "--output", "c.png",
                                              "--smooth", "0.5"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try Self.rows(folder.appendingPathComponent("c.csv")).filter { $0["metric"] == "train_loss" }
        // The bias-corrected average by hand over the first two values, S = 0.5: v1, then (0.25·v1 + 0.5·v2) / 0.75.
        let v = rows.map { Double($0["value"]!)! }, smoothed = rows.map { Double($0["smoothed"]!)! }
        #expect(smoothed[0] == v[0])
        #expect(abs(smoothed[1] - (0.25 * v[0] + 0.5 * v[1]) / 0.75) <= 1e-15)
        #expect(!rows.contains { $0["metric"] == "learning_rate" })
    }

    @Test func scaleWidthAndHeightSetThePixels() throws {
        let json = Self.logs.appendingPathComponent("moons-losses.json").path
        let (result, folder) = try Self.plot([json, "--output", "a.png", "--scale", "2"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try Self.pngSize(folder.appendingPathComponent("a.png")) == (1600, 1200))
        let other = try Workbook.run(["plot", json, "--output", "b.png", "--width", "640", "--height", "400"], in: folder)
        #expect(other.status == 0)
        #expect(try Self.pngSize(folder.appendingPathComponent("b.png")) == (640, 400))
    }

    @Test func chosenMetricsAreDrawn() throws {
        let (result, folder) = try Self.plot([Self.logs.appendingPathComponent("keras-training.log").path,
                                              "--metric", "accuracy,val_accuracy", "--output", "acc.png"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try Self.rows(folder.appendingPathComponent("acc.csv"))
        #expect(Set(rows.map { $0["metric"]! }) == ["accuracy", "val_accuracy"])
        let accuracy = try Self.column("val_accuracy", of: "keras-training.log").map { Double($0)! }
        let best = accuracy.indices.max { accuracy[$0] < accuracy[$1] }!
        #expect(rows.first { $0["best"] == "1" }?["epoch"] == "\(best + 1)", "accuracy is best at its highest")
    }

    /// Writes `files` to a fresh folder and runs `workbook plot` there.
    static func plot(_ files: [String: String], _ arguments: [String]) throws -> (Workbook.Result, URL) {
        let folder = try Workbook.temporaryFolder()
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return (try Workbook.run(["plot"] + arguments, in: folder), folder)
    }

    /// Keras' CSVLogger(append=True) over three runs: each drawn as a run of its own, and
    /// the numbers file never has x going back within a run.
    @Test func anAppendedLogIsDrawnAsItsRuns() throws {
        let log = "epoch,learning_rate,loss,val_loss\r\n0,1e-4,1.18,1.04\r\n1,1e-4,1.08,1.00\r\n2,1e-4,1.03,0.97\r\n"
            + "0,1e-5,1.28,1.07\r\n1,1e-5,1.12,1.03\r\n0,1e-6,1.60,1.59\r\n1,1e-6,0.72,1.36\r\n"
        let (result, folder) = try Self.plot(["training_log.csv": log], ["training_log.csv", "--output", "a.png"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("training_log.csv: the epoch count starts again 2 times (runs appended to one log)"),
                "\(result.standardError)")
        let rows = try Self.rows(folder.appendingPathComponent("a.csv"))
        #expect(Set(rows.map { $0["run"]! }) == ["training_log · run 1", "training_log · run 2", "training_log · run 3"])
        #expect(rows.filter { $0["run"] == "training_log · run 2" && $0["metric"] == "loss" }.map { $0["epoch"]! } == ["1", "2"])
        #expect(!rows.contains { $0["metric"] == "learning_rate" })

        let stitched = try Workbook.run(["plot", "training_log.csv", "--stitch", "--output", "s.png"], in: folder)
        #expect(stitched.status == 0, "\(stitched.standardError)")
        let epochs = try Self.rows(folder.appendingPathComponent("s.csv")).filter { $0["metric"] == "loss" }.map { Int($0["epoch"]!)! }
        #expect(epochs == [1, 2, 3, 4, 5, 6, 7], "each run follows the one before")
    }

    @Test func huggingFaceTrainerStateAgainstSteps() throws {
        let state = """
            {"global_step": 30, "log_history": [
              {"epoch": 0.33, "learning_rate": 4.6e-07, "loss": 0.8917, "step": 10},
              {"epoch": 0.67, "learning_rate": 9.6e-07, "loss": 0.61, "step": 20},
              {"epoch": 0.67, "eval_loss": 0.3075, "eval_wer": 34.6, "step": 20},
              {"epoch": 1.0, "learning_rate": 1.4e-06, "loss": 0.42, "step": 30},
              {"epoch": 1.0, "step": 30, "total_flos": 2.3e+19, "train_loss": 0.063, "train_runtime": 16800.45}
            ]}
            """
        let (result, folder) = try Self.plot(["trainer_state.json": state], ["trainer_state.json", "--output", "hf.png"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try Self.rows(folder.appendingPathComponent("hf.csv"))
        #expect(rows.map { $0["metric"]! } == ["loss", "loss", "loss", "eval_loss"])
        #expect(rows.map { $0["step"]! } == ["10", "20", "30", "20"])
        try Self.expectRefused(["trainer_state.json": #"{"global_step": 30, "epoch": 1.0}"#], ["trainer_state.json"],
                               saying: "trainer_state.json: a Hugging Face trainer_state.json without log_history: nothing to plot (keys found: global_step, epoch)")
    }

    @Test func tabSeparatedProgressFile() throws {
        let text = "Epoch\tAverageEpRet\tLossPi\tLossV\tDeltaLossPi\n0\t-78.7\t1.4e-07\t21.48\t-0.0134\n1\t-77.1\t-3.7e-08\t15.79\t-0.0145\n"
        let (result, folder) = try Self.plot(["progress.txt": text], ["progress.txt", "--output", "p.png"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try Self.rows(folder.appendingPathComponent("p.csv"))
        #expect(rows.map { $0["metric"]! } == ["LossPi", "LossPi", "LossV", "LossV"])
        #expect(rows.map { $0["epoch"]! } == ["1", "2", "1", "2"])
    }

    @Test func tensorBoardRunFolder() throws {
        let keras = Workbook.fixtures.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("RunLogsTests/Fixtures/tensorboard/keras")
        let (result, folder) = try Self.plot([keras.path, "--output", "tb.png"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try Self.rows(folder.appendingPathComponent("tb.csv"))
        #expect(Set(rows.map { $0["metric"]! }) == ["train/epoch_loss", "validation/epoch_loss"])
        #expect(rows.first?["run"] == "keras" && rows.first?["epoch"] == "1")
        #expect(rows.filter { $0["best"] == "1" }.map { $0["metric"]! } == ["validation/epoch_loss"])
    }

    @Test func seedsDrawnAsABandPerSetting() throws {
        var files: [String: String] = [:]
        for seed in 0..<3 {
            files["small_s\(seed).csv"] = "epoch,loss\n0,\(1.0 + Double(seed) / 10)\n1,\(0.6 + Double(seed) / 10)\n"
            files["large_s\(seed).csv"] = "epoch,loss\n0,\(0.9 + Double(seed) / 10)\n1,\(0.3 + Double(seed) / 10)\n"
        }
        let (result, folder) = try Self.plot(files, ["--group", "small_s0.csv,small_s1.csv,small_s2.csv",
                                                     "--group", "large_s0.csv,large_s1.csv,large_s2.csv", "--output", "b.png"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try Self.rows(folder.appendingPathComponent("b.csv"))
        #expect(rows.map { $0["run"]! } == ["small", "small", "large", "large"])
        #expect(rows.map { $0["lowest"]! } == ["1", "0.6", "0.9", "0.3"])
        #expect(rows.map { $0["highest"]! } == ["1.2", "0.8", "1.1", "0.5"])
        try Self.expectRefused(files, ["small_s0.csv", "--band"],
                               saying: "--band: give two or more runs of one setting (several seeds, say), or --group a,b,c once per setting")
        try Self.expectRefused(files, ["small_s0.csv", "small_s1.csv", "--band", "--smooth", "0.5"],
                               saying: "--smooth with --band: the band shows the spread of the runs; choose one")
    }

    @Test func helpTeaches() throws {
        let result = try Workbook.run(["plot", "--help"])
        #expect(result.status == 0)
        for words in ["Keras", "Lightning", "--losses", "Hugging Face", "trainer_state.json", "tab-separated", "--stitch",
                      "TensorBoard", "tfevents", "Wall time,Step,Value", "--band", "--group",
                      "EXAMPLES:", "--smooth 0.6", "best epoch", "two decades", "--scale 2", "FILE.csv"] {
            #expect(result.standardOutput.contains(words), "--help should mention \(words)")
        }
    }

    // Bad input: one line, status 2, neither the PNG nor its CSV written.

    static func expectRefused(_ files: [String: String], _ arguments: [String], saying expected: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let result = try Workbook.run(["plot"] + arguments + ["--output", "out.png"], in: folder)
        #expect(result.status == 2, sourceLocation: sourceLocation)
        #expect(result.standardError == "Error: " + expected + "\n", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.png").path), sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.csv").path), sourceLocation: sourceLocation)
    }

    @Test func aRaggedRow() throws {
        try Self.expectRefused(["r.csv": "epoch,loss\n0,0.5\n1\n"], ["r.csv"],
                               saying: "r.csv, line 3: has 1 field, expected 2 like the header (epoch,loss)")
    }

    @Test func aNonNumericCell() throws {
        try Self.expectRefused(["r.csv": "epoch,loss\n0,0.5\n1,low\n"], ["r.csv"],
                               saying: "r.csv, line 3, column 2 (loss): \"low\" is not a number; expected a logged value, or an empty cell where none was logged")
    }

    @Test func nothingToPlot() throws {
        try Self.expectRefused(["r.csv": "epoch,loss\n"], ["r.csv"],
                               saying: "r.csv: no data rows, nothing to plot (columns found: epoch, loss)")
        try Self.expectRefused(["r.json": #"{"epochs": 3}"#], ["r.json"],
                               saying: "r.json: nothing to plot: no key holds an array of numbers (keys found: epochs)")
    }

    @Test func anUnknownMetric() throws {
        try Self.expectRefused(["r.csv": "epoch,loss,val_loss\n0,0.5,0.6\n"], ["r.csv", "--metric", "val_acc"],
                               saying: "r.csv: no column \"val_acc\" for --metric (columns found: loss, val_loss)")
    }

    @Test func badOptions() throws {
        let run = ["r.csv": "epoch,loss\n0,0.5\n"]
        try Self.expectRefused(run, ["r.csv", "--smooth", "1"],
                               saying: "--smooth 1.0: the weight S must be at least 0 and less than 1 (0.6 is a common choice)")
        try Self.expectRefused(run, ["r.csv", "--label", "a", "--label", "b"],
                               saying: "--label given 2 times for 1 run; give one label per run, in order, or none")
        try Self.expectRefused(["r.csv": "epoch,loss\n0,0.5\n1,0\n"], ["r.csv", "--log-y"],
                               saying: "--log-y: loss in r holds values ≤ 0, which a logarithmic axis cannot show")
        try Self.expectRefused(run, ["missing.csv"], saying: "missing.csv: no such file")
    }

    @Test func aMistypedOptionIsOneLine() throws {
        let (result, folder) = try Self.plot(["run.json", "--smoth", "0.5", "--output", "out.png"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("Error: ") && result.standardError.contains("--smoth"))
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
    }

    @Test func theNumbersNeverOverwriteARun() throws {
        let folder = try Workbook.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "epoch,loss\n0,0.5\n1,0.4\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("run.csv"))
        let result = try Workbook.run(["plot", "run.csv", "--output", "run.png"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError == "Error: --output run.png would overwrite run.csv, one of the runs; give another name\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("run.csv"), encoding: .utf8) == text)
    }
}
