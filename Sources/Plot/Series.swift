/// One line of a chart: named values, drawn in order of `x`'s positions as given.
///
/// How it looks is chosen by the chart unless the caller says otherwise: a colour and dash
/// from the palette's cycle, markers at the values only on short series, normal width.
public struct Series: Sendable, Equatable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    /// The line's colour; nil takes the palette colour for the series' position.
    public var color: Color?
    /// The line's dash pattern; nil takes the pattern for the series' position (solid for the
    /// first seven series).
    public var dash: LineDash?
    /// Drawn wider and on top of the other lines, for the one series a figure is about
    /// (the chosen candidate of a search, say).
    public var isEmphasized: Bool
    /// Whether each value gets a dot on the line.
    public var markers: MarkerPolicy
    /// Positions in `y` singled out with a larger ringed diamond (the best epoch of a
    /// validation curve, say); the chart's `highlightName` says in the legend what they mean.
    public var highlighted: [Int]
    /// Whether the legend lists the series: a faint raw curve drawn beneath its smoothed
    /// one shares that one's entry.
    public var isListedInLegend: Bool

    /// When dots mark the values of a series.
    public enum MarkerPolicy: Sendable, Equatable {
        /// Dots on series of at most `Series.markerLimit` values, where single epochs matter and
        /// the dots do not crowd; plain lines on longer ones.
        case automatic
        case always
        case never
    }

    /// The most values a series may have and still get dots under `.automatic`: 20 dots sit
    /// at least 25 px apart across a 640x480 chart, even with several series crossing, and a
    /// run that short is one whose single epochs a reader looks at.
    public static let markerLimit = 20

    public init(_ name: String, x: [Double], y: [Double], color: Color? = nil, dash: LineDash? = nil,
                isEmphasized: Bool = false, markers: MarkerPolicy = .automatic,
                highlighted: [Int] = [], isListedInLegend: Bool = true) {
        self.highlighted = highlighted
        self.isListedInLegend = isListedInLegend
        self.name = name
        self.x = x
        self.y = y
        self.color = color
        self.dash = dash
        self.isEmphasized = isEmphasized
        self.markers = markers
    }

    /// Values against 1, 2, 3, …, as for one value per epoch.
    public init(_ name: String, y: [Double], color: Color? = nil, dash: LineDash? = nil,
                isEmphasized: Bool = false, markers: MarkerPolicy = .automatic,
                highlighted: [Int] = [], isListedInLegend: Bool = true) {
        self.init(name, x: y.indices.map { Double($0 + 1) }, y: y, color: color, dash: dash,
                  isEmphasized: isEmphasized, markers: markers, highlighted: highlighted,
                  isListedInLegend: isListedInLegend)
    }

    /// The points at `highlighted` that the axis can show (finite, and positive on a logarithmic one).
    func highlightedPoints(logarithmicY: Bool) -> [(x: Double, y: Double)] {
        highlighted.filter { x.indices.contains($0) && y.indices.contains($0) }.map { (x[$0], y[$0]) }
            .filter { $0.x.isFinite && $0.y.isFinite && (!logarithmicY || $0.y > 0) }
    }

    /// Whether the values get dots: counts the values given, drawable or not, so a rule about
    /// epochs does not change when one epoch's loss is NaN.
    public var showsMarkers: Bool {
        switch markers {
        case .automatic: y.count <= Self.markerLimit
        case .always: true
        case .never: false
        }
    }

    /// The drawable stretches: a NaN or infinite value (or a non-positive one on a logarithmic
    /// axis) is left out and breaks the line there, rather than being drawn as garbage.
    func runs(logarithmicY: Bool) throws -> [[(x: Double, y: Double)]] {
        guard x.count == y.count else {
            throw PlotError.mismatchedLengths(name: name, xCount: x.count, yCount: y.count)
        }
        guard !x.isEmpty else { throw PlotError.emptySeries(name: name) }
        var runs: [[(x: Double, y: Double)]] = []
        var current: [(x: Double, y: Double)] = []
        var sawFinite = false
        for (px, py) in zip(x, y) {
            let finite = px.isFinite && py.isFinite
            sawFinite = sawFinite || finite
            if finite && (!logarithmicY || py > 0) {
                current.append((px, py))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        guard sawFinite else { throw PlotError.noFiniteValues(name: name) }
        guard !runs.isEmpty else { throw PlotError.noPositiveValues(name: name) }
        return runs
    }
}

/// A line's dash pattern, in pixels at 640x480 (scaled with the chart).
public enum LineDash: Sendable, Equatable, CaseIterable {
    case solid, dashed, dotted, dashDotted

    var pattern: [Double] {
        switch self {
        case .solid: []
        case .dashed: [7, 4]
        case .dotted: [2, 3]
        case .dashDotted: [10, 3, 2, 3]
        }
    }
}
