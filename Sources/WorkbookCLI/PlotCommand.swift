import ArgumentParser
import Foundation
import Plot
import RunLogs
import Workbook

/// `workbook plot`: the loss curves of one or more runs, from any common log format, in one figure.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw the loss curves of one or more training runs in one figure.",
        discussion: """
            Draws the curves logged by training runs, from this tool or others, and writes the \
            plotted numbers beside the figure (FILE.png gets FILE.csv), so it can be redrawn or \
            checked without the logs.

            THE LOGS it reads, told apart by their contents:
              workbook train --losses   {"losses": [...], "held_out_losses": [...]}
              Keras CSVLogger           epoch,loss,val_loss,...
              Keras history as JSON     {"loss": [...], "val_loss": [...]}
              Lightning metrics.csv     epoch,step,train_loss,val_loss, with blank
                                        cells where a metric was not logged
              Hugging Face              trainer_state.json (its log_history)
              TensorBoard               events.out.tfevents.* files, or a run's folder
                                        (Keras' train/ and validation/ inside), and
                                        its downloads: Wall time,Step,Value CSV and
                                        [[wall, step, value], ...] JSON
              tab-separated logs        Spinning Up's progress.txt (Epoch, LossPi, ...)
              any CSV with a header row and an epoch or step column (any case)
            A folder is read for its TensorBoard events; one without them, for its metrics.csv \
            (a Lightning version folder) or trainer_state.json (a Hugging Face checkpoint).

            In a CSV, a blank cell is a value not logged on that row; nan, inf and NA are gaps in \
            the line, and a curve that stays nan to its end is marked where it diverged. Keras and \
            Lightning count epochs from 0: their epochs are shifted to count completed epochs from \
            1, as workbook train does, so runs from both line up. A Lightning row without an epoch \
            (a validation loop's own steps, a learning-rate monitor) logs against its step only. A \
            chosen column logged twice in one epoch is drawn against steps, as is a Hugging Face \
            log (its loss, and eval_loss dashed; the closing summary is no point).

            TENSORBOARD: scalars in either form (simple_value, or a float or double tensor) are \
            read from the files themselves, no TensorFlow needed; other summaries (histograms, \
            images) are left out. A subfolder's name comes before its tags \
            (validation/epoch_loss), and subfolders or tags naming val, validation or eval are \
            validation curves. Keras' epoch_ tags are drawn against epochs, other tags against \
            steps. A step logged twice keeps the later value, and a last record cut short (a run \
            still writing) is left out, each with a note; a corrupt record is an error naming \
            its file, record and byte.

            APPENDED RUNS: where the epoch count starts again among rows that log the same \
            columns (Keras CSVLogger(append=True) over several runs), each run is drawn on its \
            own, FILE · run 2 in its own colour; --stitch draws each after the one before.

            RUNS OVER SEEDS: --band draws the runs given as one setting (several seeds of one \
            network, say): at every epoch all of them logged, their mean as a line in a band from \
            the lowest to the highest run. --group a,b,c names the runs of one setting, once per \
            setting, each in its own colour (--label names them, in order). A band ends where its \
            shortest run ends, with a note; runs that share no epoch are refused.

            WHAT IS DRAWN: every column whose name holds "loss" in any case (but not "delta", \
            "grad" or "lr": changes of a loss, gradient norms, learning rates; nor a Lightning \
            X_step column beside its X_epoch twin), unless --metric names the columns \
            (e.g. --metric val_accuracy). Validation curves (val_..., valid..., test_..., \
            eval_..., held_out_...) are dashed, training curves solid, in one colour per run; each run \
            has its own colour and is named by its file (or --label, once per run, in order). \
            Each validation curve's best epoch (its lowest loss, or highest accuracy, AUC, F1, \
            precision or recall) gets a diamond, and the legend says which epoch that is when \
            there is one. A metric logged once (a test run's row) is one point, its value in the \
            legend. The y axis is logarithmic when the values span more than two decades \
            (from a saturated start, say) or with --log-y.

            SMOOTHING: --smooth S (0 ≤ S < 1) draws the exponential moving average \
            m_t = S·m_(t-1) + (1 - S)·v_t, divided by 1 - S^t so that its first values are not \
            pulled towards 0 (TensorBoard's slider), over the raw values drawn faintly; the title \
            gives S. 0.6 evens out a noisy per-step loss; the best epoch stays that of the raw values.

            EXAMPLES:
              One run of workbook train, its training and held-out loss:
                workbook train --data Data/moons.csv --epochs 30 --losses a.json
                workbook plot a.json --output moons.png
              Two runs compared, each named:
                workbook plot a.json b.json --label 6,6 --label 16,8 --output c.png
              A Hugging Face run, and a Keras log appended to over several runs:
                workbook plot checkpoint-500/trainer_state.json --output hf.png
                workbook plot training.log --stitch --output resumed.png
              Three seeds of each of two settings, as two bands:
                workbook plot --group s0.csv,s1.csv,s2.csv --group t0.csv,t1.csv,t2.csv \\
                  --label "6,6" --label "16,8" --output seeds.png
              Keras' TensorBoard callback's folder (train/ and validation/ inside):
                workbook plot logs/fit/20240101-120000 --output tb.png
              A Keras CSVLogger file and a Lightning log, smoothed:
                workbook plot training.log version_0/metrics.csv --smooth 0.6 \\
                  --output both.png
              Accuracy instead of the loss, twice the pixels (HiDPI screens):
                workbook plot training.log --metric accuracy,val_accuracy \\
                  --scale 2 --output acc.png

            Exit status: 0 drawn; 1 the figure could not be written; 2 bad input (the message \
            names the file, line and column, or the columns it found). Nothing is written then.
            """
    )

    @Argument(help: ArgumentHelp("Log files: --losses JSON, Keras CSVLogger, Lightning metrics.csv, Hugging Face trainer_state.json, "
                                 + "TensorBoard event files or folders, or CSV or tab-separated text with an epoch or step column.",
                                 valueName: "run"))
    var runs: [String] = []

    @Option(help: ArgumentHelp("The figure to write; the plotted numbers go to the same name with .csv.", valueName: "file.png"))
    var output: String

    @Option(help: ArgumentHelp("A run's name in the legend, once per run in order (default: its file name).", valueName: "name"))
    var label: [String] = []

    @Option(help: ArgumentHelp("Columns to draw, comma-separated or repeated (default: every column whose name holds \"loss\").",
                               valueName: "names"))
    var metric: [String] = []

    @Flag(help: "A logarithmic y axis (by default when the values span more than two decades).")
    var logY = false

    @Option(help: ArgumentHelp("Smooth by an exponential moving average with weight S, start-up bias corrected; raw values drawn faintly.",
                               valueName: "S"))
    var smooth: Double?

    @Flag(help: "Draw the runs given as one setting (several seeds, say): their mean, in a band from the lowest to the highest run.")
    var band = false

    @Option(help: ArgumentHelp("Runs of one setting, comma-separated, drawn as a band (see --band); once per setting.",
                               valueName: "a,b,c"))
    var group: [String] = []

    @Flag(help: "Draw the runs of an appended log (its epoch count starting again) one after the other, not over each other.")
    var stitch = false

    @Option(help: "The figure's width in pixels at scale 1.")
    var width = 800

    @Option(help: "The figure's height in pixels at scale 1.")
    var height = 600

    @Option(help: ArgumentHelp("Pixels per point: 2 for high-density screens (same layout, twice the pixels).", valueName: "1|2|3"))
    var scale = 1

    @Flag(help: .hidden)
    var timings = false

    func run() throws {
        do {
            var clock = PhaseClock(enabled: timings)
            let figure = try makeFigure()
            clock.lap("reading and choosing")
            try GraphicsLibrary.load()
            let canvas = try figure.chart.render(width: width * scale, height: height * scale)
            clock.lap("drawing")
            let png = try canvas.pngData()
            clock.lap("encoding the PNG")
            try Self.write(png, to: output)
            try Self.write(Data(figure.csvText.utf8), to: numbersPath)
            clock.lap("writing the numbers and the files")
            Console.line("Wrote \(output) and its numbers, \(numbersPath)")
        } catch let error as RunLogError {
            throw BadInput.report(error.description)
        } catch let error as PlotError {
            Console.error("Error: cannot draw \(output): \(error)")
            throw ExitCode.failure
        } catch let error as CannotWriteFigure {
            Console.error("Error: \(error.description)")
            throw ExitCode.failure
        }
    }

    /// With --timings (for `Benchmarks/plot-bench.sh`), how long each phase took, on standard error.
    private struct PhaseClock {
        let enabled: Bool
        var last = DispatchTime.now().uptimeNanoseconds

        mutating func lap(_ phase: String) {
            guard enabled else { return }
            let now = DispatchTime.now().uptimeNanoseconds
            Console.error(String(format: "time: %@ %.1f ms", phase, Double(now - last) / 1e6))
            last = now
        }
    }

    /// A figure or its numbers that could not be written: not the input's fault.
    private struct CannotWriteFigure: Error {
        let description: String
    }

    /// Writes atomically, so a file is replaced only by a complete new one.
    private static func write(_ data: Data, to path: String) throws {
        do {
            try AtomicFile.write(data, to: URL(fileURLWithPath: path))
        } catch {
            throw CannotWriteFigure(description: "--output \(path): cannot write the file (\(error.localizedDescription))")
        }
    }

    /// Checks the options and reads every run before anything is drawn or written.
    private func makeFigure() throws -> RunFigure {
        let groups = group.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        let runs = self.runs + groups.flatMap { $0 }
        guard !runs.isEmpty else { throw RunLogError("no run to plot: name one or more log files, e.g. workbook plot losses.json --output loss.png") }
        if !groups.isEmpty, !self.runs.isEmpty {
            throw RunLogError("--group: give every run in a --group, or the runs as arguments with --band, not both")
        }
        let banded = band || !groups.isEmpty
        if banded {
            if smooth != nil { throw RunLogError("--smooth with --band: the band shows the spread of the runs; choose one") }
            if stitch { throw RunLogError("--stitch with --band: a band's runs are drawn over each other; choose one") }
            if groups.isEmpty, runs.count < 2 {
                throw RunLogError("--band: give two or more runs of one setting (several seeds, say), or --group a,b,c once per setting")
            }
        }
        guard output.lowercased().hasSuffix(".png") else {
            throw RunLogError("--output \(output): the figure is a PNG; give a name ending in .png")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue {
            throw RunLogError("--output \(output) is a folder; give the name of a file to write")
        }
        let inputs = Set(runs.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        for path in [output, numbersPath] where inputs.contains(URL(fileURLWithPath: path).standardizedFileURL.path) {
            throw RunLogError("--output \(output) would overwrite \(path), one of the runs; give another name")
        }
        if banded {
            let settings = max(groups.count, 1)
            guard label.isEmpty || label.count == settings else {
                throw RunLogError("--label given \(label.count) time\(label.count == 1 ? "" : "s") for \(settings) setting\(settings == 1 ? "" : "s"); "
                    + "give one label per --group (one for the runs of --band), in order, or none")
            }
        } else {
            guard label.isEmpty || label.count == runs.count else {
                throw RunLogError("--label given \(label.count) time\(label.count == 1 ? "" : "s") for \(runs.count) run\(runs.count == 1 ? "" : "s"); "
                    + "give one label per run, in order, or none")
            }
        }
        if let smooth, !(smooth >= 0 && smooth < 1) {
            throw RunLogError("--smooth \(smooth): the weight S must be at least 0 and less than 1 (0.6 is a common choice)")
        }
        guard [1, 2, 3].contains(scale) else { throw RunLogError("--scale \(scale): give 1, 2 or 3") }
        guard (320...4000).contains(width), (240...4000).contains(height) else {
            throw RunLogError("--width \(width) --height \(height): give at least 320 by 240 and at most 4000 pixels a side")
        }
        let logs = try runs.map(RunLog.read)
        for note in logs.flatMap(\.notes) { Console.error("note: " + note) }
        let metrics = metric.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        if banded {
            let settings = groups.isEmpty ? [runs] : groups
            var remaining = logs[...]
            let sets = settings.enumerated().map { index, paths in
                defer { remaining = remaining.dropFirst(paths.count) }
                return (label: label.isEmpty ? Self.settingLabel(paths, number: index + 1) : label[index],
                        logs: Array(remaining.prefix(paths.count)))
            }
            let figure = try RunFigure(bands: sets, metrics: metrics, logarithmicY: logY ? true : nil)
            for note in figure.notes { Console.error("note: " + note) }
            return figure
        }
        let labels = label.isEmpty ? Self.defaultLabels(runs) : label
        var segmented: [(label: String, log: RunLog)] = []
        for (label, log) in zip(labels, logs) {
            let segments = Self.segments(of: log, stitched: stitch)
            if segments.count > 1 {
                Console.error("note: \(log.file): the \(segments[0].columns.contains { $0.epochs.contains { !$0.isNaN } } ? "epoch" : "step") "
                    + "count starts again \(segments.count - 1) time\(segments.count == 2 ? "" : "s") (runs appended to one log): "
                    + (stitch ? "drawn as \(segments.count) runs, each following the one before (--stitch)"
                        : "drawn as \(segments.count) runs, \(label) · run 1 to \(label) · run \(segments.count); --stitch draws each after the one before"))
            }
            segmented += segments.enumerated().map { index, segment in
                (label: segments.count == 1 ? label : "\(label) · run \(index + 1)", log: segment)
            }
        }
        let figure = try RunFigure(runs: segmented, metrics: metrics, smoothing: smooth, logarithmicY: logY ? true : nil)
        for note in figure.notes { Console.error("note: " + note) }
        return figure
    }

    /// A setting's name: what its runs' names share (`ppo` for ppo_s0 and ppo_s1), whole
    /// words only, else "setting N".
    static func settingLabel(_ paths: [String], number: Int) -> String {
        let names = defaultLabels(paths)
        guard var shared = names.first else { return "setting \(number)" }
        for name in names.dropFirst() {
            shared = String(zip(shared, name).prefix { $0.0 == $0.1 }.map(\.0))
        }
        let isWordCharacter = { (character: Character) in character.isLetter || character.isNumber }
        // Cut back to a whole word when the shared start ends inside one.
        if names.contains(where: { $0.count > shared.count && isWordCharacter($0[$0.index($0.startIndex, offsetBy: shared.count)]) }),
           let last = shared.lastIndex(where: { !isWordCharacter($0) }) {
            shared = String(shared[..<last])
        } else if names.contains(where: { $0.count > shared.count }), shared.last.map(isWordCharacter) == true,
                  !shared.contains(where: { !isWordCharacter($0) }) {
            shared = ""
        }
        shared = String(shared.reversed().drop { !isWordCharacter($0) }.reversed())
        return shared.isEmpty ? "setting \(number)" : shared
    }

    /// A log's runs: itself, or each run of an appended log; stitched, each moved to
    /// start where the one before ended.
    static func segments(of log: RunLog, stitched: Bool) -> [RunLog] {
        var segments = log.segments
        guard stitched else { return segments }
        for index in segments.indices.dropFirst() {
            // Epoch 1 of a run that follows one ending at epoch 5 is drawn at 6.
            let end = segments[index - 1].lastEpochAndStep
            segments[index] = segments[index].shifted(epochs: end.epoch.isNaN ? 0 : end.epoch, steps: end.step.isNaN ? 0 : end.step)
        }
        return segments
    }

    /// FILE.png's numbers: FILE.csv.
    private var numbersPath: String {
        String(output.dropLast(4)) + ".csv"
    }

    /// Each run's file name without its extension (a TensorBoard event file's folder); where
    /// two runs share one (every Lightning log is metrics.csv), the folder it sits in comes first.
    static func defaultLabels(_ paths: [String]) -> [String] {
        // A TensorBoard event file is named after its time and host: its run folder names it.
        let names = paths.map { path in
            let url = URL(fileURLWithPath: path)
            return url.lastPathComponent.contains("tfevents") ? url.deletingLastPathComponent().lastPathComponent
                : url.deletingPathExtension().lastPathComponent
        }
        return zip(paths, names).map { path, name in
            names.filter { $0 == name }.count > 1
                ? URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent + "/" + name : name
        }
    }
}
