import Foundation
import Plot
import Testing
@testable import RunLogs

/// The figures of real logs' shapes keep every string inside the image and clear of the
/// others, measured by the boxes libgd's FreeType gives: five long loss names, an appended
/// log's runs, a smoothed run's long title, a lone test point.
struct FigureTextTests {
    static func figures() throws -> [(String, RunFigure)] {
        let diverged = try RunLogTests.read("Conductor_Copper_loss,Dielectric_Air_loss,epoch,initial_phi_port_port1_loss,"
            + "initial_phi_port_port2_loss,mean_loss,step\n"
            + "11476847820800.0,76086.9,0,2.57,0.71,2869211955200.0,0\n5.0,1.41,1,0.99,0.99,2.1,1\n"
            + "0.81,1.36,2,0.99,0.99,1.04,2\nnan,nan,3,nan,nan,nan,3\n")
        let appended = try RunLogTests.read(LogShapeTests.appended, name: "keras-braintumor-appended.csv")
        let segments = appended.segments.enumerated().map { (label: "keras-braintumor-appended · run \($0.offset + 1)", log: $0.element) }
        let testOnly = try RunLogTests.read("epoch,step,test_acc,test_loss\n0,760,0.71,0.5698204636573792\n")
        return [
            ("diverged", try RunFigure(runs: [("lightning-pinn-diverge-nan", diverged)], metrics: [], smoothing: nil, logarithmicY: nil)),
            ("diverged, smoothed", try RunFigure(runs: [("lightning-pinn-diverge-nan", diverged)], metrics: [], smoothing: 0.6,
                                                 logarithmicY: nil)),
            ("appended", try RunFigure(runs: segments, metrics: [], smoothing: nil, logarithmicY: nil)),
            ("test only", try RunFigure(runs: [("lightning-testonly", testOnly)], metrics: [], smoothing: nil, logarithmicY: nil)),
        ]
    }

    @Test(arguments: [(800, 600), (640, 480), (400, 300)])
    func everyStringIsInsideTheImageAndClearOfTheOthers(width: Int, height: Int) throws {
        for (name, figure) in try Self.figures() {
            let canvas = try figure.chart.render(width: width, height: height)
            for problem in canvas.textLayoutProblems {
                Issue.record("\(name) at \(width)x\(height): \(problem)")
            }
        }
    }

    /// Epochs are counts: two epochs get ticks 1 and 2, not 1.0, 1.2, … 2.0.
    @Test func epochTicksAreWholeNumbers() throws {
        let log = try RunLogTests.read("epoch,step,train_loss,val_loss\n0,24,0.21,\n0,24,,0.2155\n1,49,0.195,\n1,49,,0.1437\n")
        let chart = try RunFigure(runs: [("glitch", log)], metrics: [], smoothing: nil, logarithmicY: nil).chart
        #expect(chart.wholeX)
        let texts = try chart.render(width: 800, height: 600).drawnTexts.map(\.text)
        #expect(texts.contains("1") && texts.contains("2") && !texts.contains("1.5") && !texts.contains("1.2"), "\(texts)")
    }
}
