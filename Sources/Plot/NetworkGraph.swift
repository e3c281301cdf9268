import Foundation

/// A small network drawn as a graph with one sample's numbers on it, in the spirit of
/// micrograd's `draw_dot`: a column of nodes per layer (the inputs first), a box per neuron
/// showing its bias b, weighted sum z and activation a, and an edge per weight labelled with it.
///
/// Given gradients (after a backward pass), each box also shows dz = ∂L/∂z and da = ∂L/∂a,
/// each edge is labelled with its weight's gradient dW = ∂L/∂w as well, and coloured by it
/// on a diverging scale symmetric around 0, with a legend.
///
/// Made for networks of a few neurons per layer, whose numbers a reader checks by hand;
/// it knows nothing of networks beyond these arrays.
public struct NetworkGraph: Chart, Sendable {
    /// One layer's numbers for one sample.
    public struct Layer: Sendable {
        /// The activation's name, shown above the column: "relu".
        public var activation: String
        /// neurons × inputs, row i holding the weights into neuron i.
        public var weights: [[Double]]
        /// One per neuron.
        public var biases: [Double]
        /// z, one per neuron.
        public var weightedSums: [Double]
        /// a = f(z), one per neuron.
        public var activations: [Double]
        /// What a backward pass found for this layer, if it ran.
        public var gradients: Gradients?

        public init(activation: String, weights: [[Double]], biases: [Double], weightedSums: [Double],
                    activations: [Double], gradients: Gradients? = nil) {
            self.activation = activation
            self.weights = weights
            self.biases = biases
            self.weightedSums = weightedSums
            self.activations = activations
            self.gradients = gradients
        }
    }

    /// A layer's gradients: ∂L/∂a and ∂L/∂z per neuron, ∂L/∂w per weight (neurons × inputs).
    public struct Gradients: Sendable {
        public var activations: [Double]
        public var weightedSums: [Double]
        public var weights: [[Double]]

        public init(activations: [Double], weightedSums: [Double], weights: [[Double]]) {
            self.activations = activations
            self.weightedSums = weightedSums
            self.weights = weights
        }
    }

    public var title: String
    /// The sample x.
    public var inputs: [Double]
    /// ∂L/∂x, shown on the input nodes when given.
    public var inputGradients: [Double]?
    public var layers: [Layer]
    /// The numbers worked out by hand for the same network and sample, when the
    /// graph shows someone's own pass: every number that differs from its
    /// counterpart here (beyond a relative 1e-9) is drawn in red with the
    /// expected one beside it, "6.5 ≠ 5.5", and its box outlined in red.
    public var expected: Numbers?

    /// A graph's numbers without its title: what `expected` holds.
    public struct Numbers: Sendable {
        public var inputs: [Double]
        public var inputGradients: [Double]?
        public var layers: [Layer]

        public init(inputs: [Double], inputGradients: [Double]? = nil, layers: [Layer]) {
            self.inputs = inputs
            self.inputGradients = inputGradients
            self.layers = layers
        }
    }

    public init(title: String, inputs: [Double], inputGradients: [Double]? = nil, layers: [Layer],
                expected: Numbers? = nil) {
        self.title = title
        self.inputs = inputs
        self.inputGradients = inputGradients
        self.layers = layers
        self.expected = expected
    }

    /// The colour of a number that differs from the expected one.
    static let wrongColor = Color(hex: 0xC62828)

    /// A number as drawn, marked when it differs from `expected` (nil: nothing to compare).
    static func cell(_ value: Double, expected: Double?) -> (text: String, wrong: Bool) {
        guard let expected else { return (format(value), false) }
        let close = value.isFinite && expected.isFinite && abs(value - expected) <= 1e-9 * max(1, abs(expected))
        return close ? (format(value), false) : ("\(format(value)) ≠ \(format(expected))", true)
    }

    /// True when every layer carries gradients: edges are then coloured by them.
    public var showsGradients: Bool { !layers.isEmpty && layers.allSatisfy { $0.gradients != nil } }

    /// The largest |∂L/∂w| of the network: the ends of the colour scale are ∓ this.
    public var largestWeightGradient: Double {
        layers.compactMap(\.gradients).flatMap { $0.weights.joined() }.map(abs).max() ?? 0
    }

    /// An edge's colour for gradient `gradient` when the scale runs from −`largest` to +`largest`:
    /// blue below 0 (a step of gradient descent raises the weight), red above (it lowers it),
    /// the scale's pale middle at 0.
    public static func edgeColor(gradient: Double, largest: Double) -> Color {
        let fraction = largest > 0 ? 0.5 + 0.5 * gradient / largest : 0.5
        return Palette.interpolate(Palette.diverging, at: fraction)
    }

    /// A number as the graph writes it: at most four significant digits, a true minus sign,
    /// no trailing zeros ("5.5", "−0.1", "0.1192").
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        let rounded = Double(String(format: "%.4g", value)) ?? value
        var text = rounded == 0 ? "0" : String(format: "%.4g", rounded)
        if text.hasPrefix("-") { text = "−" + text.dropFirst() }
        return text
    }

    private func validate() throws {
        guard !inputs.isEmpty, !layers.isEmpty else { throw PlotError.invalidRange("a network graph needs inputs and layers") }
        var width = inputs.count
        if let inputGradients, inputGradients.count != width {
            throw PlotError.invalidRange("\(width) inputs but \(inputGradients.count) input gradients")
        }
        for (index, layer) in layers.enumerated() {
            let neurons = layer.weights.count
            let name = "layer \(index + 1)"
            guard neurons > 0, layer.weights.allSatisfy({ $0.count == width }) else {
                throw PlotError.invalidRange("\(name): expected weights of \(width) columns, one row per neuron")
            }
            guard [layer.biases.count, layer.weightedSums.count, layer.activations.count].allSatisfy({ $0 == neurons }) else {
                throw PlotError.invalidRange("\(name): expected \(neurons) biases, weighted sums and activations")
            }
            if let gradients = layer.gradients {
                guard gradients.activations.count == neurons, gradients.weightedSums.count == neurons,
                      gradients.weights.count == neurons, gradients.weights.allSatisfy({ $0.count == width })
                else { throw PlotError.invalidRange("\(name): gradients of another shape than its weights") }
            }
            width = neurons
        }
    }

    // MARK: Layout

    /// Where everything goes on a canvas of one size.
    struct Layout {
        /// Box of each node, by column (the inputs are column 0).
        var boxes: [[PixelRect]]
        /// Top of the column titles.
        var columnTitleTop: Double
        /// Where the colour key goes, when gradients are shown.
        var key: PixelRect?

        /// The straight line of the edge from node `from` of column `column` to node `to` of the next.
        func edge(column: Int, from: Int, to: Int) -> (start: PixelPoint, end: PixelPoint) {
            let source = boxes[column][from], target = boxes[column + 1][to]
            return (PixelPoint(x: source.maxX, y: source.midY), PixelPoint(x: target.minX, y: target.midY))
        }

        /// The point `fraction` of the way along an edge.
        func point(column: Int, from: Int, to: Int, at fraction: Double) -> PixelPoint {
            let (start, end) = edge(column: column, from: from, to: to)
            return PixelPoint(x: start.x + (end.x - start.x) * fraction, y: start.y + (end.y - start.y) * fraction)
        }
    }

    /// Edge labels sit this far along their edge: near the source, where edges into
    /// different targets have spread apart, and short of the middle, where they cross.
    static let labelPosition = 0.3

    /// The text rows of a node's box: name, value, and whether the value differs from the expected one.
    private func rows(column: Int, node: Int) -> [(String, String, Bool)] {
        func row(_ name: String, _ value: Double, _ expected: Double?) -> (String, String, Bool) {
            let cell = Self.cell(value, expected: expected)
            return (name, cell.text, cell.wrong)
        }
        if column == 0 {
            var rows = [row("x", inputs[node], expected?.inputs[safe: node])]
            if let inputGradients { rows.append(row("da", inputGradients[node], expected?.inputGradients?[safe: node])) }
            return rows
        }
        let layer = layers[column - 1], other = expected?.layers[safe: column - 1]
        var rows = [row("b", layer.biases[node], other?.biases[safe: node]),
                    row("z", layer.weightedSums[node], other?.weightedSums[safe: node]),
                    row("a", layer.activations[node], other?.activations[safe: node])]
        if let gradients = layer.gradients {
            rows += [row("dz", gradients.weightedSums[node], other?.gradients?.weightedSums[safe: node]),
                     row("da", gradients.activations[node], other?.gradients?.activations[safe: node])]
        }
        return rows
    }

    private func columnTitle(_ column: Int) -> String {
        if column == 0 { return "input x" }
        let name = column == layers.count ? "output" : "layer \(column)"
        return "\(name) · \(layers[column - 1].activation)"
    }

    private func edgeLabel(column: Int, from: Int, to: Int) -> [(String, Bool)] {
        let layer = layers[column], other = expected?.layers[safe: column]
        let weight = Self.cell(layer.weights[to][from], expected: other?.weights[safe: to]?[safe: from])
        var lines = [("w " + weight.text, weight.wrong)]
        if let gradients = layer.gradients {
            let step = Self.cell(gradients.weights[to][from], expected: other?.gradients?.weights[safe: to]?[safe: from])
            lines.append(("dW " + step.text, step.wrong))
        }
        return lines
    }

    private var columnSizes: [Int] { [inputs.count] + layers.map(\.weights.count) }

    func layout(on canvas: Canvas, style: ChartStyle) throws -> Layout {
        let width = Double(canvas.width), height = Double(canvas.height)
        let text = nodeText(style), lineHeight = try canvas.measure("Xg", style: text).height
        let inset = 6 * style.scale
        // Every box the same width, the widest any node needs; as tall as its own rows.
        var boxWidth = 0.0
        var rowCounts: [Int] = []
        for (column, size) in columnSizes.enumerated() {
            var columnRows = 0
            for node in 0..<size {
                let rows = rows(column: column, node: node)
                columnRows = max(columnRows, rows.count)
                for (name, value, _) in rows {
                    let nameWidth = try canvas.measure(name, style: text).width
                    let valueWidth = try canvas.measure(value, style: text.bold).width
                    boxWidth = max(boxWidth, nameWidth + 14 * style.scale + valueWidth)
                }
            }
            rowCounts.append(columnRows)
        }
        boxWidth += 2 * inset
        // A rule of 4 px between the forward numbers and the gradients.
        let boxHeights = rowCounts.map { rows in
            Double(rows) * lineHeight + 2 * inset + (Self.ruleRow(rows: rows) != nil ? 4 * style.scale : 0)
        }
        let boxHeight = boxHeights.max() ?? 0

        let titleHeight = title.isEmpty ? 0 : try canvas.measure("Xg", style: style.title).height + 10 * style.scale
        let columnTitleTop = style.padding + titleHeight
        let top = columnTitleTop + (try canvas.measure("Xg", style: style.axisTitle).height) + 12 * style.scale
        var bottom = height - style.padding
        var key: PixelRect?
        if showsGradients {
            let keyHeight = try ColorKey.height(on: canvas, style: style)
            bottom -= keyHeight + 8 * style.scale
            key = PixelRect(x: style.padding, y: bottom + 8 * style.scale, width: width - 2 * style.padding, height: keyHeight)
        }
        let columns = columnSizes.count
        let spacingX = (width - 2 * style.padding - boxWidth) / Double(max(columns - 1, 1))
        let tallest = Double(columnSizes.max() ?? 1)
        let spacingY = (bottom - top) / tallest
        // Room between the columns for the edge labels; a little less when numbers
        // marked wrong ("6.5 ≠ 5.5") widen the boxes.
        guard spacingX > boxWidth * (expected == nil ? 1.4 : 1.15), spacingY > boxHeight else {
            throw PlotError.invalidSize(width: canvas.width, height: canvas.height)
        }
        let boxes = columnSizes.enumerated().map { column, size in
            let centerX = style.padding + boxWidth / 2 + Double(column) * spacingX
            let boxHeight = boxHeights[column]
            return (0..<size).map { node in
                // Columns are centred on each other, so a single output sits level with the middle.
                let centerY = (top + bottom) / 2 + (Double(node) - Double(size - 1) / 2) * spacingY
                return PixelRect(x: (centerX - boxWidth / 2).rounded(), y: (centerY - boxHeight / 2).rounded(),
                                 width: boxWidth.rounded(), height: boxHeight.rounded())
            }
        }
        return Layout(boxes: boxes, columnTitleTop: columnTitleTop, key: key)
    }

    /// The row a rule goes above: the first gradient row, when there is one (inputs show one
    /// forward row, neurons three).
    private static func ruleRow(rows: Int) -> Int? {
        switch rows {
        case 2: 1
        case 5: 3
        default: nil
        }
    }

    private func nodeText(_ style: ChartStyle) -> TextStyle { TextStyle(size: 11 * style.scale, color: Palette.text) }

    // MARK: Drawing

    public func render(width: Int, height: Int) throws -> Canvas {
        try validate()
        let canvas = try Canvas.forChart(width: width, height: height)
        let style = ChartStyle(width: width, height: height)
        let layout = try layout(on: canvas, style: style)
        let largest = largestWeightGradient

        // Edges first, so boxes and labels sit on top of them. A grey casing under a coloured
        // edge keeps a gradient near 0, the scale's pale middle, visible on white.
        for column in layers.indices {
            for to in 0..<columnSizes[column + 1] {
                for from in 0..<columnSizes[column] {
                    let (start, end) = layout.edge(column: column, from: from, to: to)
                    if let gradients = layers[column].gradients, showsGradients {
                        canvas.strokePolyline([start, end], color: Color(hex: 0x8A8A8A), width: 6 * style.scale)
                        canvas.strokePolyline([start, end], color: Self.edgeColor(gradient: gradients.weights[to][from], largest: largest),
                                              width: 4 * style.scale)
                    } else {
                        canvas.strokePolyline([start, end], color: Color(hex: 0x6A6A6A), width: 1.6 * style.scale)
                    }
                }
            }
        }
        for column in layers.indices {
            for to in 0..<columnSizes[column + 1] {
                for from in 0..<columnSizes[column] {
                    try drawEdgeLabel(edgeLabel(column: column, from: from, to: to),
                                      at: layout.point(column: column, from: from, to: to, at: Self.labelPosition),
                                      on: canvas, style: style)
                }
            }
        }
        for (column, boxes) in layout.boxes.enumerated() {
            for (node, box) in boxes.enumerated() {
                try drawNode(rows(column: column, node: node), in: box, on: canvas, style: style)
            }
            // Kept inside the canvas: the outer columns' titles are wider than their boxes.
            let title = columnTitle(column), titleWidth = try canvas.measure(title, style: style.axisTitle).width
            let centerX = min(max(boxes[0].midX, style.padding + titleWidth / 2), Double(width) - style.padding - titleWidth / 2)
            try canvas.drawText(title, at: centerX, layout.columnTitleTop, style: style.axisTitle, anchor: .top)
        }
        if !title.isEmpty {
            let fitted = try canvas.fittingStyle(title, style: style.title, maxWidth: Double(width) - 2 * style.padding,
                                                 minimumSize: style.minimumTextSize)
            try canvas.drawText(title, at: Double(width) / 2, style.padding, style: fitted, anchor: .top)
        }
        if let key = layout.key {
            try ColorKey(largest: largest, style: style).draw(on: canvas, in: key)
        }
        return canvas
    }

    private func drawNode(_ rows: [(String, String, Bool)], in box: PixelRect, on canvas: Canvas, style: ChartStyle) throws {
        canvas.fillRectangle(box, color: .white)
        canvas.strokeRectangle(box, color: Palette.axis)
        if rows.contains(where: \.2) {
            // A wrong number's box is outlined twice as thick, in the colour of the number.
            canvas.strokeRectangle(box, color: Self.wrongColor)
            canvas.strokeRectangle(PixelRect(x: box.minX + 1, y: box.minY + 1, width: box.width - 2, height: box.height - 2),
                                   color: Self.wrongColor)
        }
        let text = nodeText(style), lineHeight = try canvas.measure("Xg", style: text).height
        let inset = 6 * style.scale
        var y = box.minY + inset
        for (index, (name, value, wrong)) in rows.enumerated() {
            // The gradients, below the forward numbers, behind a thin rule.
            if index == Self.ruleRow(rows: rows.count) {
                y += 2 * style.scale
                canvas.drawPixelLine(x0: Int(box.minX + inset), y0: Int(y.rounded()), x1: Int(box.maxX - inset),
                                     y1: Int(y.rounded()), color: Color(hex: 0xBBBBBB))
                y += 2 * style.scale
            }
            var valueStyle = text.bold
            if wrong { valueStyle.color = Self.wrongColor }
            try canvas.drawText(name, at: box.minX + inset, y, style: text, anchor: .topLeft)
            try canvas.drawText(value, at: box.maxX - inset, y, style: valueStyle, anchor: .topRight)
            y += lineHeight
        }
    }

    private func drawEdgeLabel(_ lines: [(String, Bool)], at center: PixelPoint, on canvas: Canvas, style: ChartStyle) throws {
        let text = TextStyle(size: 10 * style.scale, color: Palette.text)
        let lineHeight = try canvas.measure("Xg", style: text).height
        let widest = try lines.map { try canvas.measure($0.0, style: text).width }.max() ?? 0
        let pad = 3 * style.scale
        let box = PixelRect(x: center.x - widest / 2 - pad, y: center.y - Double(lines.count) * lineHeight / 2 - pad / 2,
                            width: widest + 2 * pad, height: Double(lines.count) * lineHeight + pad)
        canvas.fillRectangle(box, color: .white, opacity: 0.9)
        canvas.strokeRectangle(box, color: lines.contains(where: \.1) ? Self.wrongColor : Color(hex: 0xCCCCCC))
        for (index, (line, wrong)) in lines.enumerated() {
            var lineStyle = text
            if wrong { lineStyle.color = Self.wrongColor }
            try canvas.drawText(line, at: center.x, box.minY + pad / 2 + Double(index) * lineHeight, style: lineStyle, anchor: .top)
        }
    }
}

extension Array {
    /// The element at `index`, or nil past either end.
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}

extension TextStyle {
    var bold: TextStyle {
        var copy = self
        copy.isBold = true
        return copy
    }
}

/// The horizontal key under a gradient graph: the diverging scale from −largest to +largest.
private struct ColorKey {
    let largest: Double
    let style: ChartStyle

    static func height(on canvas: Canvas, style: ChartStyle) throws -> Double {
        let label = try canvas.measure("Xg", style: style.tickLabel).height
        return 12 * style.scale + style.tickLength + style.tickGap + 2 * label + 4 * style.scale
    }

    func draw(on canvas: Canvas, in area: PixelRect) throws {
        let barWidth = min(360 * style.scale, area.width * 0.6)
        let left = Int((area.midX - barWidth / 2).rounded()), right = Int((area.midX + barWidth / 2).rounded()) - 1
        let top = Int(area.minY.rounded()), bottom = top + Int((12 * style.scale).rounded()) - 1
        for column in left...right {
            let fraction = Double(column - left) / Double(max(right - left, 1))
            let gradient = (2 * fraction - 1) * largest
            canvas.drawPixelLine(x0: column, y0: top, x1: column, y1: bottom,
                                 color: NetworkGraph.edgeColor(gradient: gradient, largest: largest))
        }
        canvas.strokeRectangle(PixelRect(x: Double(left), y: Double(top), width: Double(right - left + 1),
                                         height: Double(bottom - top + 1)), color: Palette.axis)
        let ticks: [(Double, Int)] = [(-largest, left), (0, (left + right) / 2), (largest, right)]
        let tickLength = Int(style.tickLength.rounded())
        for (value, x) in ticks {
            canvas.drawPixelLine(x0: x, y0: bottom + 1, x1: x, y1: bottom + tickLength, color: Palette.axis)
            try canvas.drawText(NetworkGraph.format(value), at: Double(x), Double(bottom + tickLength) + style.tickGap,
                                style: style.tickLabel, anchor: .top)
        }
        let labelTop = Double(bottom + tickLength) + style.tickGap + (try canvas.measure("Xg", style: style.tickLabel).height)
        try canvas.drawText("edge colour: dW = ∂L/∂w  (blue: the step raises w, red: it lowers w)",
                            at: area.midX, labelTop + 2 * style.scale, style: style.tickLabel, anchor: .top)
    }
}
