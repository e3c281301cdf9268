// Needs the tool's training engine, which the learner edition leaves out (see Package.swift).
#if TRAINING_ENGINE
import Foundation
import Workbook

/// Prints `Loss at epoch N: …` after every epoch, as the course does (with the
/// held-out loss after it when there are test rows), and on a
/// terminal, for runs that last more than a moment, keeps a progress bar on
/// the line below. Pipes and files get the loss lines only.
final class TrainingProgress {
    private let epochs: Int
    private let showsBar: Bool
    private let started = ContinuousClock.now
    private var barIsShown = false

    /// A bar appears once training has run this long.
    private static let barDelay: Duration = .milliseconds(500)

    init(epochs: Int) {
        self.epochs = epochs
        showsBar = isatty(STDOUT_FILENO) != 0
    }

    /// The epoch's line, printed with the loss's every digit (Swift, like Python,
    /// prints the shortest decimal that reads back as the same double).
    func epochFinished(_ epoch: Int, loss: Double, heldOutLoss: Double?) {
        let heldOut = heldOutLoss.map { ", held-out loss: \($0)" } ?? ""
        var text = clearBar() + "Loss at epoch \(epoch): \(loss)\(heldOut)\n"
        let elapsed = ContinuousClock.now - started
        if showsBar && epoch < epochs && elapsed > Self.barDelay {
            text += bar(epoch: epoch, elapsed: elapsed)
            barIsShown = true
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Removes the bar, if any, before other output follows.
    func finish() {
        let text = clearBar()
        if !text.isEmpty { FileHandle.standardOutput.write(Data(text.utf8)) }
    }

    /// `[██████░░░░░░░░░░░░░░] epoch 30/100 · 1.2 s, about 2.8 s left` (no newline).
    private func bar(epoch: Int, elapsed: Duration) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let left = seconds / Double(epoch) * Double(epochs - epoch)
        return progressBar(done: epoch, total: epochs) + " epoch \(epoch)/\(epochs) · "
            + String(format: "%.1f s, about %.1f s left", seconds, left)
    }

    private func clearBar() -> String {
        guard barIsShown else { return "" }
        barIsShown = false
        return "\r\u{1B}[K"
    }
}
#endif
