import ArgumentParser
import Foundation
import Workbook

/// `workbook list`: where the learner stands, from the chapters' last records.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show the chapters with their state (passed, failed, not run) and your progress."
    )

    func run() throws {
        let workspace = try Workspace()
        var passed = 0
        var next: ChapterInfo?
        Console.line(Console.bold("NeuralWorkbook: the course, chapter by chapter"))
        for info in Catalog.chapters {
            let state = ChapterState(of: info, in: workspace)
            if state == .passed { passed += 1 } else if next == nil { next = info }
            let number = String(info.number).leftPadded(to: 2)
            let title = info.title.padding(toLength: 34, withPad: " ", startingAt: 0)
            Console.line("  \(number). \(title) \(state.styled)  \(Console.dim(info.sourcePath))")
        }
        Console.line("")
        Console.line(progressBar(done: passed, total: Catalog.chapters.count) + "  \(passed)/\(Catalog.chapters.count) chapters passed")
        if let next {
            Console.line("Next: read \(next.sourcePath), then `swift run workbook run \(next.number)`.")
        } else {
            Console.line(Console.green("Every chapter passes. Try `swift run workbook train --help` on your own data."))
        }
    }
}

/// A chapter's state as its last record tells it.
enum ChapterState: Equatable {
    case passed, failed, stoppedEarly, notRun
    /// The record is older than the chapter or the network's code.
    case stale

    init(of info: ChapterInfo, in workspace: Workspace) {
        let url = workspace.recordURL(for: info)
        guard let record = try? ChapterRecord.read(from: url) else {
            self = .notRun
            return
        }
        if workspace.isStale(record: url, chapter: info) {
            self = .stale
        } else if !record.finished {
            self = .stoppedEarly
        } else {
            self = record.allPassed ? .passed : .failed
        }
    }

    var styled: String {
        let text: String
        switch self {
        case .passed: text = "passed"
        case .failed: text = "failed"
        case .stoppedEarly: text = "stopped early"
        case .notRun: text = "not run"
        case .stale: text = "changed since last run"
        }
        let padded = text.padding(toLength: 22, withPad: " ", startingAt: 0)
        switch self {
        case .passed: return Console.green(padded)
        case .failed, .stoppedEarly: return Console.red(padded)
        case .notRun, .stale: return Console.dim(padded)
        }
    }
}

extension Workspace {
    func recordURL(for info: ChapterInfo) -> URL {
        recordFolder.appendingPathComponent("\(info.slug).json")
    }

    /// True when the chapter's source or the network's code changed after the record was written.
    func isStale(record: URL, chapter info: ChapterInfo) -> Bool {
        guard let recorded = modificationDate(record) else { return true }
        let sources = [root.appendingPathComponent(info.sourcePath)]
            + ((try? FileManager.default.contentsOfDirectory(
                at: root.appendingPathComponent("Sources/NeuralNetwork"), includingPropertiesForKeys: nil)) ?? [])
        return sources.contains { (modificationDate($0) ?? .distantPast) > recorded }
    }

    private func modificationDate(_ url: URL) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
    }
}

/// `[███████░░░]`, ten cells wide.
func progressBar(done: Int, total: Int, width: Int = 20) -> String {
    let filled = total == 0 ? 0 : width * done / total
    return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "]"
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
