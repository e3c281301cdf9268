import Foundation
import Plot

/// What `workbook plot` draws from one or more runs: their chosen curves on one
/// chart (a run's training curves solid and its validation curves dashed in one
/// colour, each run its own colour, each validation curve's best epoch marked),
/// and the numbers behind the chart as CSV.
public struct RunFigure {
    /// One drawn curve, with what it is drawn as.
    struct Drawn {
        var run: String
        var curve: RunLog.Curve
        var smoothed: [Double]?
        var color: Color
        var dash: LineDash
        var best: Int?
        /// The lowest and highest of the runs whose mean `curve` is, and how many they are.
        var band: (lower: [Double], upper: [Double], runs: Int)?
    }

    let drawn: [Drawn]
    let axis: RunLog.Axis
    let runCount: Int
    /// The smoothing weight S, when the curves are smoothed.
    public let smoothing: Double?
    public let logarithmicY: Bool

    /// Chooses the curves (`metrics`, or every loss curve) of each run and how to draw them.
    /// `logarithmicY` nil decides by the values: logarithmic when they are all positive and
    /// span more than two decades. Throws a `RunLogError` naming the file or option.
    public init(runs: [(label: String, log: RunLog)], metrics: [String], smoothing: Double?,
                logarithmicY: Bool?) throws {
        precondition(!runs.isEmpty, "a figure needs a run")
        let selections = try runs.map { try $0.log.chosen(metrics) }
        if let mixed = selections.indices.first(where: { selections[$0].axis != selections[0].axis }) {
            throw RunLogError("\(runs[0].log.file) counts \(selections[0].axis)s but \(runs[mixed].log.file) counts "
                + "\(selections[mixed].axis)s: plot them in separate figures")
        }
        axis = selections[0].axis
        runCount = runs.count
        self.smoothing = smoothing
        notes = zip(runs, selections).flatMap { run, selection in
            selection.gapNotes(file: run.log.file + (run.log.segment.map { " (run \($0))" } ?? ""))
        }
        var drawn: [Drawn] = []
        var colorIndex = 0
        for (run, selection) in zip(runs, selections) {
            // One colour per quantity of the run (loss, accuracy): its training and
            // validation curves pair up by line style.
            var groups: [String: (color: Color, training: Int, validation: Int)] = [:]
            for curve in selection.curves {
                var group = groups[curve.quantity] ?? (Palette.seriesColor(colorIndex), 0, 0)
                if groups[curve.quantity] == nil { colorIndex += 1 }
                let dash: LineDash
                if curve.isValidation {
                    dash = [.dashed, .dashDotted, .dotted][group.validation % 3]
                    group.validation += 1
                } else {
                    dash = [.solid, .dotted, .dashDotted][group.training % 3]
                    group.training += 1
                }
                groups[curve.quantity] = group
                drawn.append(Drawn(run: run.label, curve: curve,
                                   smoothed: smoothing.map { RunLog.smoothed(curve.y, weight: $0) },
                                   color: group.color, dash: dash,
                                   best: curve.isValidation && curve.y.count > 1 ? curve.bestIndex : nil, band: nil))
            }
        }
        self.drawn = drawn
        self.logarithmicY = try Self.logarithmic(drawn, asked: logarithmicY)
    }

    /// Whether the y axis is logarithmic: as asked (refused when a value is ≤ 0), or when
    /// every value is positive and they span more than two decades.
    private static func logarithmic(_ drawn: [Drawn], asked: Bool?) throws -> Bool {
        let values = drawn.flatMap { $0.curve.y + ($0.band.map { $0.lower + $0.upper } ?? []) }.filter(\.isFinite)
        if asked == true, let bad = drawn.first(where: { item in
            (item.curve.y + (item.band?.lower ?? [])).contains { $0.isFinite && $0 <= 0 }
        }) {
            throw RunLogError("--log-y: \(bad.curve.name) in \(bad.run) holds values ≤ 0, which a logarithmic axis cannot show")
        }
        if let asked { return asked }
        if let low = values.min(), let high = values.max(), low > 0 { return high / low > 100 }
        return false
    }

    /// Each setting's runs (seeds, say) as one: for every curve chosen, the mean of the runs at
    /// every x all of them logged, in a band from the lowest to the highest, each setting in
    /// its own colour. A setting whose runs end at different places is drawn to where the
    /// shortest ends, with a note; runs that share no x are refused.
    public init(bands groups: [(label: String, logs: [RunLog])], metrics: [String], logarithmicY: Bool?) throws {
        precondition(!groups.isEmpty && groups.allSatisfy { !$0.logs.isEmpty }, "a band needs runs")
        let selections = try groups.map { group in try group.logs.map { try $0.chosen(metrics) } }
        let first = selections[0][0]
        for (group, chosen) in zip(groups, selections) {
            for (log, selection) in zip(group.logs, chosen) where selection.axis != first.axis {
                throw RunLogError("\(groups[0].logs[0].file) counts \(first.axis)s but \(log.file) counts "
                    + "\(selection.axis)s: plot them in separate figures")
            }
        }
        axis = first.axis
        runCount = groups.count
        smoothing = nil
        var drawn: [Drawn] = []
        var notes: [String] = []
        for (index, (group, chosen)) in zip(groups, selections).enumerated() {
            let color = Palette.seriesColor(index)
            var validations = 0, trainings = 0
            for curve in chosen[0].curves {
                let runs = try zip(group.logs, chosen).map { log, selection in
                    guard let match = selection.curves.first(where: { $0.name == curve.name }) else {
                        throw RunLogError("\(log.file) has no \(curve.name), which \(group.logs[0].file) has: "
                            + "the runs of one band must log the same columns")
                    }
                    return (file: log.file, curve: match)
                }
                var shared = Set(runs[0].curve.x)
                for run in runs.dropFirst() { shared.formIntersection(run.curve.x) }
                guard !shared.isEmpty else {
                    throw RunLogError("--band \(group.label): \(runs.map(\.file).joined(separator: ", ")) share no \(axis.rawValue) "
                        + "of \(curve.name), so there is no mean to draw")
                }
                let x = shared.sorted()
                // The last value each run logged at an x, as a figure of it would show.
                let values = runs.map { run in
                    Dictionary(zip(run.curve.x, run.curve.y), uniquingKeysWith: { $1 })
                }
                let columns = x.map { x in values.map { $0[x]! } }
                let mean = columns.map { $0.reduce(0, +) / Double($0.count) }
                let lower = columns.map { $0.min()! }, upper = columns.map { $0.max()! }
                if let end = x.last, let longest = runs.max(by: { ($0.curve.x.max() ?? 0) < ($1.curve.x.max() ?? 0) }),
                   let shortest = runs.min(by: { ($0.curve.x.max() ?? 0) < ($1.curve.x.max() ?? 0) }),
                   (longest.curve.x.max() ?? end) > end {
                    let note = "--band \(group.label): drawn to \(axis.rawValue) \(RunLog.Selection.format(end)), "
                        + "where its shortest run (\(shortest.file)) ends"
                    if !notes.contains(note) { notes.append(note) }
                }
                let meanCurve = RunLog.Curve(name: curve.name, x: x, y: mean)
                let dash: LineDash
                if curve.isValidation {
                    dash = [.dashed, .dashDotted, .dotted][validations % 3]
                    validations += 1
                } else {
                    dash = [.solid, .dotted, .dashDotted][trainings % 3]
                    trainings += 1
                }
                drawn.append(Drawn(run: group.label, curve: meanCurve, smoothed: nil, color: color, dash: dash,
                                   best: curve.isValidation && x.count > 1 ? meanCurve.bestIndex : nil,
                                   band: (lower, upper, runs.count)))
            }
        }
        self.drawn = drawn
        self.notes = notes
        self.logarithmicY = try Self.logarithmic(drawn, asked: logarithmicY)
    }

    /// What the reader of the figure should know: gaps where values were not numbers, and
    /// where a run diverged. One line each.
    public let notes: [String]

    /// The chart: faint raw curves first (when smoothed), then the curves, best values marked.
    public var chart: LineChart {
        var series: [Series] = []
        if smoothing != nil {
            series += drawn.map { item in
                Series(name(item) + " (raw)", x: item.curve.x, y: item.curve.y,
                       color: item.color.mixed(with: .white, fraction: 0.65), dash: item.dash,
                       markers: .never, isListedInLegend: false)
            }
            // The best raw value, marked in the curve's full colour on the faint line it belongs to.
            series += drawn.compactMap { item in
                item.best.map { best in
                    Series(name(item) + " (best)", x: [item.curve.x[best]], y: [item.curve.y[best]], color: item.color,
                           markers: .never, highlighted: [0], isListedInLegend: false)
                }
            }
        }
        series += drawn.map { item in
            Series(name(item), x: item.curve.x, y: item.smoothed ?? item.curve.y, color: item.color, dash: item.dash,
                   markers: smoothing == nil ? .automatic : .never,
                   highlighted: smoothing == nil ? (item.best.map { [$0] } ?? []) : [])
        }
        var chart = LineChart(title: title, xLabel: axis.rawValue, yLabel: yLabel,
                              series: series, logarithmicY: logarithmicY, guides: divergenceGuides, highlightName: highlightName)
        chart.bands = drawn.compactMap { item in
            item.band.map { Band(x: item.curve.x, lower: $0.lower, upper: $0.upper, color: item.color) }
        }
        chart.bandName = "lowest to highest run"
        chart.wholeX = drawn.allSatisfy { $0.curve.x.allSatisfy { $0 == $0.rounded() } }
        return chart
    }

    /// A curve's name in the legend: the run's label first when there are several runs; a
    /// curve of one value (a test run's lone row) says its value and where, since it is a
    /// point rather than a line.
    private func name(_ item: Drawn) -> String {
        var name = runCount > 1 ? "\(item.run): \(item.curve.name)" : item.curve.name
        if let band = item.band { name += " (mean of \(band.runs))" }
        if item.curve.y.count == 1, let x = item.curve.x.first, let y = item.curve.y.first {
            name += " = \(Self.short(y)) at \(axis.rawValue) \(Self.format(x))"
        }
        return name
    }

    /// A grey dashed line at each x where a drawn curve diverged (only `nan` from there on),
    /// named in the legend: "diverged at epoch 219".
    private var divergenceGuides: [Series] {
        let places = drawn.compactMap { RunLog.Selection.divergence(of: $0.curve) }
        guard !places.isEmpty else { return [] }
        let values = drawn.flatMap(\.curve.y).filter { $0.isFinite && (!logarithmicY || $0 > 0) }
        guard let low = values.min(), let high = values.max() else { return [] }
        var seen: [Double] = []
        for x in places where !seen.contains(x) { seen.append(x) }
        return seen.map { x in
            Series("diverged at \(axis.rawValue) \(Self.format(x))", x: [x, x], y: [low, high], markers: .never)
        }
    }

    /// The quantities drawn, in order of appearance (`loss`, `acc`).
    private var quantities: [String] {
        var seen: [String] = []
        for item in drawn where !seen.contains(item.curve.quantity) { seen.append(item.curve.quantity) }
        return seen
    }

    /// The words every drawn quantity's name shares (`loss` for `Conductor_Copper_loss`,
    /// `mean_loss`, `LossPi` and `LossV`), in the order of the first; the names themselves
    /// are in the legend.
    var commonWord: String? {
        let words = drawn.map { Self.words(of: $0.curve.name) }
        guard let first = words.first else { return nil }
        let common = first.filter { word in words.allSatisfy { $0.contains(word) } }
        var unique: [String] = []
        for word in common where !unique.contains(word) { unique.append(word) }
        return unique.isEmpty ? nil : unique.joined(separator: " ")
    }

    /// A name's words, lowercased: split at anything not a letter or digit and where a
    /// capital follows a small letter (`LossPi` is loss, pi); which part of the data it is
    /// (train, val, …) and when it was logged (epoch, step) are left out.
    static func words(of name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in name {
            if !(character.isLetter || character.isNumber) {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase && previousWasLower {
                words.append(current)
                current = ""
            }
            current.append(character)
            previousWasLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current) }
        let parts: Set<String> = ["train", "training", "val", "valid", "validation", "test", "eval", "held", "out",
                                  "heldout", "epoch", "step"]
        return words.map { $0.lowercased() }.filter { !parts.contains($0) }
    }

    /// The y axis's title: the one quantity drawn, or the word all share, or the two
    /// names; beyond two without a shared word, "value" (the legend names them).
    var yLabel: String {
        if quantities.count == 1 { return quantities[0] }
        if let commonWord { return commonWord }
        return quantities.count == 2 ? quantities.joined(separator: ", ") : "value"
    }

    /// `Loss per epoch`, and the smoothing when there is some: S is part of what the figure shows.
    var title: String {
        let what = quantities.count == 1 ? quantities[0]
            : commonWord ?? (quantities.count == 2 ? quantities.joined(separator: " and ") : "Values")
        // A figure of one point (a test run's lone row) says the value where a legend would.
        if drawn.count == 1, let item = drawn.first, item.curve.y.count == 1 { return name(item) }
        let base = what.prefix(1).uppercased() + what.dropFirst() + " per \(axis.rawValue)"
        guard let smoothing else { return base }
        return base + " · smoothed: EMA, S = \(smoothing), raw values faint"
    }

    /// The one validation curve's best value, or what the diamonds mean when there are several.
    var highlightName: String {
        let marked = drawn.filter { $0.best != nil }
        if marked.count == 1, let item = marked.first, let best = item.best {
            return "best \(axis.rawValue) \(Self.format(item.curve.x[best])): \(item.curve.name) = \(Self.short(item.curve.y[best]))"
        }
        return "best \(axis.rawValue) of each validation curve"
    }

    /// A value as the legend shows it: 4 significant digits (`0.4348`, `1.148e+13`).
    static func short(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        return String(format: "%.4g", value)
    }

    /// `run,metric,epoch,value[,smoothed],best`: every plotted value, each as the shortest
    /// decimal that reads back as the same double; best is 1 on each validation curve's best row.
    public var csvText: String {
        let banded = drawn.contains { $0.band != nil }
        var text = "run,metric,\(axis.rawValue),value" + (smoothing == nil ? "" : ",smoothed") + (banded ? ",lowest,highest" : "") + ",best\n"
        text.reserveCapacity(drawn.reduce(64) { $0 + $1.curve.y.count * (32 + $1.run.utf8.count + $1.curve.name.utf8.count) })
        for item in drawn {
            // The run and the metric are the same on every row of a curve: quoted once.
            let prefix = Self.csvField(item.run) + "," + Self.csvField(item.curve.name) + ","
            for index in item.curve.y.indices {
                text += prefix
                text += Self.format(item.curve.x[index])
                text += ","
                text += Self.format(item.curve.y[index])
                if let smoothed = item.smoothed {
                    text += ","
                    text += Self.format(smoothed[index])
                }
                if let band = item.band {
                    text += ","
                    text += Self.format(band.lower[index])
                    text += ","
                    text += Self.format(band.upper[index])
                }
                text += index == item.best ? ",1\n" : ",0\n"
            }
        }
        return text
    }

    /// An integral x as `7`, other numbers as Swift writes them; a gap as an empty field.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return value.description
    }

    package static func csvField(_ text: String) -> String {
        text.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
