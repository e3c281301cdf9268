import Foundation
import Plot
import Testing

struct CanvasTests {
    @Test func libgdLoadsOnDemandAndItsAbsenceIsExplained() throws {
        try GraphicsLibrary.load()
        let missing = PlotError.graphicsLibraryUnavailable(
            tried: ["libgd.so.3", "libgd.so"], reason: "libgd.so.3: cannot open shared object file")
        #expect(missing.description.contains("tried libgd.so.3, libgd.so: libgd.so.3: cannot open shared object file"))
        #expect(missing.description.contains("install libgd: `make deps`"))
    }

    @Test func pngRoundTripKeepsSizeAndColours() throws {
        let canvas = Canvas(width: 30, height: 20, background: Color(hex: 0x336699))
        canvas.fillRectangle(PixelRect(x: 10, y: 5, width: 5, height: 5), color: Color(hex: 0xFF8800))
        let decoded = try Canvas.decodePNG(try canvas.pngData())
        #expect(decoded.width == 30 && decoded.height == 20)
        #expect(decoded.color(atX: 0, y: 0) == Color(hex: 0x336699))
        #expect(decoded.color(atX: 12, y: 7) == Color(hex: 0xFF8800))
    }

    @Test func writePNGLeavesOnlyTheFinishedFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plot-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("loss.png")
        let chart = LineChart(title: "Loss", xLabel: "epoch", yLabel: "loss", series: [Series("train", y: [1, 0.5])])
        try chart.writePNG(to: url, width: 640, height: 480)
        try chart.writePNG(to: url, width: 640, height: 480)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["loss.png"])
        let read = try Canvas.readPNG(from: url)
        #expect(read.width == 640 && read.height == 480)
    }

    @Test func smoothLinesHaveSoftEdges() throws {
        let canvas = Canvas(width: 100, height: 100)
        canvas.strokePolyline([PixelPoint(x: 10, y: 10), PixelPoint(x: 90, y: 70)], color: .black, width: 2)
        let greys = canvas.count(where: { $0.red > 20 && $0.red < 235 }, xs: 0..<100, ys: 0..<100)
        let blacks = canvas.count(where: { $0.red <= 20 }, xs: 0..<100, ys: 0..<100)
        #expect(greys > 60, "anti-aliased edges")
        #expect(blacks > 60 && blacks < 250, "a line about 2 px wide and 100 px long")
    }

    @Test func textIsAntiAliasedTrueType() throws {
        let canvas = Canvas(width: 200, height: 60)
        try canvas.drawText("Loss 0.25", at: 10, 30, style: TextStyle(size: 16, color: .black), anchor: .left)
        let greys = canvas.count(where: { $0.red > 30 && $0.red < 225 }, xs: 0..<200, ys: 0..<60)
        #expect(greys > 50)
        #expect(try canvas.measure("Loss 0.25", style: TextStyle(size: 16)).width > 60)
    }
}
