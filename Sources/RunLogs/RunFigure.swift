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
        if let mixed = runs.first(where: { $0.log.axis != runs[0].log.axis }) {
            throw RunLogError("\(runs[0].log.file) counts \(runs[0].log.axis)s but \(mixed.log.file) counts "
                + "\(mixed.log.axis)s: plot them in separate figures")
        }
        axis = runs[0].log.axis
        runCount = runs.count
        self.smoothing = smoothing
        var drawn: [Drawn] = []
        var colorIndex = 0
        for run in runs {
            let curves = try run.log.curves(named: metrics)
            // One colour per quantity of the run (loss, accuracy): its training and
            // validation curves pair up by line style.
            var groups: [String: (color: Color, training: Int, validation: Int)] = [:]
            for curve in curves {
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
                                   color: group.color, dash: dash, best: curve.isValidation ? curve.bestIndex : nil))
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
        return LineChart(title: title, xLabel: axis.rawValue, yLabel: quantities.joined(separator: ", "),
                         series: series, logarithmicY: logarithmicY, highlightName: highlightName)
    }

    private func name(_ item: Drawn) -> String {
        runCount > 1 ? "\(item.run): \(item.curve.name)" : item.curve.name
    }

    /// The quantities drawn, in order of appearance (`loss`, `acc`).
    private var quantities: [String] {
        var seen: [String] = []
        for item in drawn where !seen.contains(item.curve.quantity) { seen.append(item.curve.quantity) }
        return seen
    }

    /// `Loss per epoch`, and the smoothing when there is some: S is part of what the figure shows.
    var title: String {
        let what = quantities.joined(separator: " and ")
        let base = what.prefix(1).uppercased() + what.dropFirst() + " per \(axis.rawValue)"
        guard let smoothing else { return base }
        return base + " · smoothed: EMA, S = \(smoothing), raw values faint"
    }

    /// The one validation curve's best value, or what the diamonds mean when there are several.
    var highlightName: String {
        let marked = drawn.filter { $0.best != nil }
        if marked.count == 1, let item = marked.first, let best = item.best {
            return "best \(axis.rawValue) \(Self.format(item.curve.x[best])): \(item.curve.name) = \(Self.format(item.curve.y[best]))"
        }
        return "best \(axis.rawValue) of each validation curve"
    }

    /// `run,metric,epoch,value[,smoothed],best`: every plotted value, each as the shortest
    /// decimal that reads back as the same double; best is 1 on each validation curve's best row.
    public var csvText: String {
        var lines = ["run,metric,\(axis.rawValue),value" + (smoothing == nil ? "" : ",smoothed") + ",best"]
        for item in drawn {
            for index in item.curve.y.indices {
                var fields = [Self.csvField(item.run), Self.csvField(item.curve.name), Self.format(item.curve.x[index]),
                              Self.format(item.curve.y[index])]
                if let smoothed = item.smoothed { fields.append(Self.format(smoothed[index])) }
                fields.append(index == item.best ? "1" : "0")
                lines.append(fields.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An integral x as `7`, other numbers as Swift writes them; a gap as an empty field.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    package static func csvField(_ text: String) -> String {
        text.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
