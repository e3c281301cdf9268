/// Sizes for one canvas. At 640x480, matplotlib's default figure, text has matplotlib's sizes;
/// larger canvases scale everything up so a page that shows the image at 640 px looks the same.
struct ChartStyle {
    let scale: Double

    init(width: Int, height: Int) {
        scale = min(max(min(Double(width) / 640, Double(height) / 480), 0.5), 4)
    }

    /// Points at 96 dpi; matplotlib's 10 pt at 100 dpi is about 10.4 pt here.
    var title: TextStyle { TextStyle(size: 12.5 * scale, color: Palette.text) }
    var axisTitle: TextStyle { TextStyle(size: 10.5 * scale, color: Palette.text) }
    var tickLabel: TextStyle { TextStyle(size: 9.5 * scale, color: Palette.text) }
    var legend: TextStyle { TextStyle(size: 9.5 * scale, color: Palette.text) }
    var minimumTextSize: Double { 7 * scale }

    var padding: Double { 10 * scale }
    var tickLength: Double { 4 * scale }
    var tickGap: Double { 3 * scale }
    var lineWidth: Double { max(1.5, 1.8 * scale) }

    /// Pixels between neighbouring ticks the layout aims for.
    var xTickSpacing: Double { 90 * scale }
    var yTickSpacing: Double { 55 * scale }
}
