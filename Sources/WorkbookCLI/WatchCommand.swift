import ArgumentParser
import Foundation
import Workbook

/// `workbook watch`: runs the first unfinished chapter, and again whenever a
/// source file's content changes; moves on when the chapter passes; `q` quits.
///
/// It polls the files (four times a second) rather than asking the system to notify
/// it, which works the same on Linux and macOS, over SSH and in any terminal.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Run the first unfinished chapter whenever you save a file; q quits.",
        discussion: """
            Starts with the first chapter that has not passed yet (or the one you name), \
            runs it, and runs it again each time the content of a file in \
            Sources/NeuralNetwork/ or Chapters/ changes (saving a file unchanged does \
            nothing). When the chapter passes it moves on to the next unfinished one. \
            Press q (or Ctrl-C) to stop.
            """
    )

    @Argument(help: "The chapter to start with (default: the first that has not passed).")
    var chapter: Int?

    @OptionGroup var options: RunOptions

    func validate() throws {
        if let chapter, Catalog.chapter(chapter) == nil {
            throw ValidationError("there is no chapter \(chapter): the chapters are numbered 1 to \(Catalog.chapters.count)")
        }
    }

    func run() throws {
        let workspace = try Workspace()
        let keys = KeyReader()
        keys.start()
        defer { keys.stop() }
        var current = chapter.flatMap(Catalog.chapter) ?? firstUnfinished(in: workspace)
        var snapshot = SourceSnapshot(root: workspace.root)
        while let info = current {
            Console.line(Console.bold("── chapter \(info.number) · \(info.title) ") + Console.dim(timestamp()))
            let passed = runOnce(info, in: workspace)
            showStatus(of: info, in: workspace)
            workspace.warnAboutCodeOutsideRegions()
            if passed, let next = Catalog.chapter(info.number + 1) {
                Console.line(Console.green("Chapter \(info.number) passes: on to chapter \(next.number)."))
                current = next
                continue
            }
            if passed {
                Console.line(Console.green("Every chapter passes. Well done."))
                return
            }
            Console.line(Console.dim("Watching Sources/NeuralNetwork/ and Chapters/ for changes · q quits"))
            // Wait for a change of content, or for q.
            while true {
                if keys.quitRequested { return }
                Thread.sleep(forTimeInterval: SourceSnapshot.pollInterval)
                let now = SourceSnapshot(root: workspace.root)
                if now != snapshot {
                    snapshot = now
                    break
                }
            }
            if keys.quitRequested { return }
            current = info
        }
        Console.line(Console.green(everyChapterDone))
    }

    /// Builds and runs one chapter; true when it passed.
    private func runOnce(_ info: ChapterInfo, in workspace: Workspace) -> Bool {
        let first = workspace.chaptersToRunFirst(for: info)
        let build = workspace.buildChapters(first + [info])
        guard build.succeeded, let runner = try? workspace.runner(timeout: options.timeout, build: build) else { return false }
        workspace.runFirst(first, with: runner)
        let run = workspace.run(info, with: runner)
        if run.status != .passed { Console.line(NextStep(workspace: workspace).after(run)) }
        return run.status == .passed
    }

    /// `2.1 done · 2.2 open   [███░░░░░] 3 of 17 exercises done`
    private func showStatus(of info: ChapterInfo, in workspace: Workspace) {
        let progress = Progress.read(in: workspace.root)
        let states = info.exercises.map { "\($0.number) \(progress.state(of: $0, in: workspace.root).rawValue)" }
        let done = ExerciseCatalog.exercises.filter { progress.state(of: $0, in: workspace.root) == .done }.count
        Console.line((states.isEmpty ? "" : states.joined(separator: " · ") + "   ")
            + progressBar(done: done, total: ExerciseCatalog.exercises.count)
            + " \(done) of \(ExerciseCatalog.exercises.count) exercises done")
    }

    private func firstUnfinished(in workspace: Workspace) -> ChapterInfo? {
        let progress = Progress.read(in: workspace.root)
        return Catalog.chapters.first { progress.current($0, in: workspace.root)?.status != ChapterStatus.passed.label }
    }

    private func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }
}

/// The content of every file a chapter run depends on, fingerprinted.
struct SourceSnapshot: Equatable {
    /// Seconds between looks: a save waits half of it on average before the
    /// build starts. Reading the twenty-odd files takes about a millisecond.
    static let pollInterval = 0.25

    let fingerprints: [String: String]

    init(root: URL) {
        var prints: [String: String] = [:]
        let manager = FileManager.default
        for folder in ["Sources/NeuralNetwork", "Chapters"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = manager.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "swift" {
                if let data = try? Data(contentsOf: url) {
                    prints[url.path] = ExerciseSource.fingerprint(String(decoding: data, as: UTF8.self))
                }
            }
        }
        fingerprints = prints
    }
}

/// Reads single keys from a terminal (no Enter needed) or lines from a pipe,
/// on a thread of its own, and notes a `q`. Restores the terminal when stopped.
final class KeyReader: @unchecked Sendable {
    private let lock = NSLock()
    private var quit = false
    private var saved: termios?

    var quitRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return quit
    }

    func start() {
        if isatty(STDIN_FILENO) != 0 {
            var settings = termios()
            if tcgetattr(STDIN_FILENO, &settings) == 0 {
                saved = settings
                KeyReader.restoreOnSignal = settings
                // Keys one at a time, not echoed; Ctrl-C still interrupts.
                settings.c_lflag &= ~tcflag_t(ICANON | ECHO)
                tcsetattr(STDIN_FILENO, TCSANOW, &settings)
                signal(SIGINT) { _ in
                    if var settings = KeyReader.restoreOnSignal { tcsetattr(STDIN_FILENO, TCSANOW, &settings) }
                    RunningChildren.killAll()
                    _exit(130)
                }
            }
        }
        let thread = Thread { [weak self] in
            var byte: UInt8 = 0
            while read(STDIN_FILENO, &byte, 1) == 1 {
                if byte == UInt8(ascii: "q") || byte == UInt8(ascii: "Q") {
                    // A chapter that hangs must not keep the learner waiting for its time limit.
                    RunningChildren.killAll()
                    self?.lock.lock()
                    self?.quit = true
                    self?.lock.unlock()
                    return
                }
            }
        }
        thread.start()
    }

    func stop() {
        if var settings = saved { tcsetattr(STDIN_FILENO, TCSANOW, &settings) }
    }

    /// For the SIGINT handler, which cannot capture context.
    nonisolated(unsafe) static var restoreOnSignal: termios?
}
