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
                                   best: curve.isValidation && curve.y.count > 1 ? curve.bestIndex : nil))
            }
        }
        self.drawn = drawn
        let values = drawn.flatMap { $0.curve.y }.filter(\.isFinite)
        if logarithmicY == true, let bad = drawn.first(where: { $0.curve.y.contains { $0.isFinite && $0 <= 0 } }) {
            throw RunLogError("--log-y: \(bad.curve.name) in \(bad.run) holds values ≤ 0, which a logarithmic axis cannot show")
        }
        if let logarithmicY {
            self.logarithmicY = logarithmicY
        } else if let low = values.min(), let high = values.max(), low > 0 {
            self.logarithmicY = high / low > 100
        } else {
            self.logarithmicY = false
        }
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
        return LineChart(title: title, xLabel: axis.rawValue, yLabel: yLabel,
                         series: series, logarithmicY: logarithmicY, guides: divergenceGuides, highlightName: highlightName)
    }

    /// A curve's name in the legend: the run's label first when there are several runs; a
    /// curve of one value (a test run's lone row) says its value and where, since it is a
    /// point rather than a line.
    private func name(_ item: Drawn) -> String {
        var name = runCount > 1 ? "\(item.run): \(item.curve.name)" : item.curve.name
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
        var text = "run,metric,\(axis.rawValue),value" + (smoothing == nil ? "" : ",smoothed") + ",best\n"
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
