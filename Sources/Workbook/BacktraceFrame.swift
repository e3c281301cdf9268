/// One frame of the crashed thread in the Swift runtime's backtrace that lies in
/// the package's own sources, e.g. from
/// "  3 [ra] 0x… Neuron.weightedSum(_:) + 1137 in Chapter01 at /…/Sources/NeuralNetwork/Neuron.swift:26:50".
public struct BacktraceFrame: Equatable, Sendable {
    /// "Neuron.weightedSum(_:)"
    public var function: String
    /// "Sources/NeuralNetwork/Neuron.swift", relative to the package.
    public var file: String
    public var line: Int
    /// "Sources/NeuralNetwork/Neuron.swift:26:50"
    public var location: String

    /// The crashed thread's frames in `Sources/` or `Chapters/`, innermost first.
    public static func ownFrames(in lines: some Sequence<String>) -> [BacktraceFrame] {
        var frames: [BacktraceFrame] = []
        var inCrashedThread = false
        for line in lines {
            if line.hasPrefix("Thread ") {
                inCrashedThread = line.hasSuffix("crashed:")
                continue
            }
            guard inCrashedThread, let frame = BacktraceFrame(line) else { continue }
            frames.append(frame)
        }
        return frames
    }

    init?(_ line: String) {
        guard let at = line.range(of: " at ", options: .backwards) else { return nil }
        let fullPath = line[at.upperBound...]
        guard let start = fullPath.range(of: "/Sources/") ?? fullPath.range(of: "/Chapters/") else { return nil }
        location = String(fullPath[fullPath.index(after: start.lowerBound)...])
        let parts = location.split(separator: ":")
        guard parts.count >= 2, let number = Int(parts[1]) else { return nil }
        file = String(parts[0])
        self.line = number
        let head = line[..<at.lowerBound]
        guard let address = head.range(of: "0x"),
              let afterAddress = head[address.upperBound...].firstIndex(of: " "),
              let offset = head.range(of: " + ", options: .backwards),
              head.index(after: afterAddress) <= offset.lowerBound else { return nil }
        function = String(head[head.index(after: afterAddress)..<offset.lowerBound])
    }
}
