import Foundation
@testable import Plot
import Testing

/// Every string a line chart draws, measured by the box libgd's FreeType gives for it:
/// inside the image, and clear of every other string, however long the names.
struct TextPlacementTests {
    /// A physics-informed run's five losses, named as its code named them, with a title and
    /// a y label far longer than the image is wide.
    static let longNames: LineChart = {
        let names = ["Conductor_Copper_loss", "Dielectric_Air_loss", "initial_phi_port_port1_loss",
                     "initial_phi_port_port2_loss", "mean_loss"]
        let series = names.enumerated().map { index, name in
            Series(name, x: (1...220).map(Double.init),
                   y: (1...220).map { 1e13 / pow(Double($0), 3 + Double(index)) + 0.5 + Double(index) / 10 })
        }
        return LineChart(title: "Conductor_Copper_loss, Dielectric_Air_loss, initial_phi_port_port1_loss, "
                            + "initial_phi_port_port2_loss and mean_loss per epoch of a physics-informed network",
                         xLabel: "epoch", yLabel: names.joined(separator: ", ") + " (each the mean over its batch)",
                         series: series, logarithmicY: true)
    }()

    static let charts: [(String, LineChart)] = [
        ("long names", longNames),
        ("large linear values", LineChart(title: "Steps", xLabel: "step", yLabel: "tokens",
                                          series: [Series("tokens", x: [0, 100_000, 200_000], y: [0, 1.5e6, 2.2e6])])),
    ]

    @Test(arguments: [(800, 600), (640, 480), (400, 300)])
    func everyStringIsInsideTheImageAndClearOfTheOthers(width: Int, height: Int) throws {
        for (name, chart) in Self.charts {
            let canvas = try chart.render(width: width, height: height)
            #expect(!canvas.drawnTexts.isEmpty)
            for problem in canvas.textLayoutProblems {
                Issue.record("\(name) at \(width)x\(height): \(problem)")
            }
        }
    }

    /// The rule itself: a string past the edge and two on top of each other are reported.
    @Test func textsOffTheImageOrOnEachOtherAreProblems() throws {
        let canvas = try Canvas.forChart(width: 400, height: 300)
        let style = TextStyle(size: 12)
        try canvas.drawText("inside", at: 50, 50, style: style, anchor: .topLeft)
        #expect(canvas.textLayoutProblems.isEmpty)
        try canvas.drawText("inside too", at: 52, 52, style: style, anchor: .topLeft)
        try canvas.drawText("past the right edge", at: 395, 200, style: style, anchor: .topLeft)
        let problems = canvas.textLayoutProblems
        #expect(problems.contains { $0.contains("\"inside\" overlaps \"inside too\"") }, "\(problems)")
        #expect(problems.contains { $0.contains("\"past the right edge\" leaves the image") }, "\(problems)")
    }

    @Test func aLongTitleWrapsThenShortensInTheMiddle() throws {
        let canvas = try Self.longNames.render(width: 800, height: 600)
        let title = canvas.drawnTexts.filter { $0.text.contains("Conductor_Copper_loss,") || $0.text.contains("…") }
        #expect(title.count == 1 || title.count == 2, "\(canvas.drawnTexts.map(\.text))")
        let narrow = try Self.longNames.render(width: 400, height: 300)
        #expect(narrow.drawnTexts.contains { $0.text.hasPrefix("Conductor") && $0.text.contains("…") },
                "\(narrow.drawnTexts.map(\.text))")
    }
}
