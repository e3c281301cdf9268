import Foundation

/// Why a chapter's program stopped before its end, read from what it printed:
/// an exercise still open, or a trap (a failed precondition, an index out of
/// range, …) with the place in the learner's code it came from.
public struct ChapterStop: Sendable, Equatable {
    /// One line for the learner, e.g. "cannot multiply 2×1 by 2×1 (at Sources/NeuralNetwork/Layer.swift:70)".
    public var message: String
    /// The open exercise, when that is what stopped the chapter.
    public var openExercise: ExerciseInfo?

    /// Reads the output of a run that ended with exit status 3 (an open
    /// exercise) or a signal; `packageRoot` lets it look at the exercise's region.
    /// `brokenExercises` (number → why) are the exercises a build left out because
    /// they do not compile: their stub stopped the run, but they are not open.
    public init(output: String, packageRoot: URL, brokenExercises: [String: String] = [:]) {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let exercise = Self.openExercise(in: lines), let why = brokenExercises[exercise.number] {
            openExercise = nil
            message = "needs Exercise \(exercise.number) (\(exercise.name)), which does not compile: \(why)"
            return
        }
        if let exercise = Self.openExercise(in: lines) {
            openExercise = exercise
            if ExerciseSource(packageRoot: packageRoot).stubLeftUnderCode(exercise) {
                message = "Exercise \(exercise.number) still calls exerciseNotDone(…) beside your code, so it stops "
                    + "there: delete that line from the region in \(exercise.file) and return your result"
            } else {
                message = "needs Exercise \(exercise.number) (\(exercise.name)), still open: write it in \(exercise.file)"
            }
            return
        }
        openExercise = nil
        let trap = lines.lazy.compactMap { CrashReport.trap(in: $0) }.first
        if trap == nil, Self.isStackOverflow(lines) {
            let place = (Self.recursiveCall(in: lines)
                ?? Self.learnersFrame(in: lines, skipping: nil, packageRoot: packageRoot)).map { " (at \($0))" } ?? ""
            message = "stack overflow: a function that calls itself without end?" + place
            return
        }
        let place = Self.learnersFrame(in: lines, skipping: trap, packageRoot: packageRoot).map { " (at \($0))" } ?? ""
        message = (trap?.message ?? "the program crashed") + place
    }

    /// What one run hands the next of a stop's message, at most: its first and
    /// last 2 KB. A trap's message is the learner's to choose, and the next run
    /// must still start.
    public static let handOffLimit = 4096

    /// `message` cut to `handOffLimit` bytes of UTF-8, its middle replaced by a mark.
    public static func capped(_ message: String) -> String {
        let bytes = Array(message.utf8)
        guard bytes.count > handOffLimit else { return message }
        let half = handOffLimit / 2
        // Decoding repairs a character cut in two at either end.
        let head = String(decoding: bytes.prefix(half), as: UTF8.self)
        let tail = String(decoding: bytes.suffix(half), as: UTF8.self)
        return head + " … (\(bytes.count - 2 * half) bytes left out) … " + tail
    }

    /// The frames deeper than any this workbook's code reaches without
    /// recursing: the runtime numbers the frames it leaves out too.
    static let overflowDepth = 1000

    /// True for a bad memory access in a crashed thread more than
    /// `overflowDepth` frames deep: the stack ran out. The runtime reports it
    /// only as "Bad pointer dereference", at the guard page below the stack.
    static func isStackOverflow(_ lines: [String]) -> Bool {
        guard lines.contains(where: { $0.hasPrefix("*** Program crashed: Bad pointer dereference") }) else { return false }
        var inCrashedThread = false
        for line in lines {
            if line.hasPrefix("Thread ") {
                inCrashedThread = line.hasSuffix("crashed:")
                continue
            }
            let number = line.drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
            if inCrashedThread, let depth = Int(number), depth > overflowDepth { return true }
        }
        return false
    }

    /// The first of the package's frames that occurs again further out: a call
    /// in the cycle that filled the stack. "Sources/NeuralNetwork/Neuron.swift:28".
    static func recursiveCall(in lines: [String]) -> String? {
        let places = BacktraceFrame.ownFrames(in: lines).map { "\($0.file):\($0.line)" }
        return places.enumerated().first { index, place in places[(index + 1)...].contains(place) }?.element
    }

    /// True for the message of a check stopped by an open exercise ("needs
    /// Exercise 2.1 (…), still open: …"): that exercise is not written yet, not failing.
    public static func namesOpenExercise(_ message: String) -> Bool {
        message.hasPrefix("needs Exercise ") && message.contains(", still open: write it in ")
    }

    /// The exercise named by `exerciseNotDone`'s note: "✎ Exercise 7.1 (Layer.backward) is still open."
    static func openExercise(in lines: [String]) -> ExerciseInfo? {
        for line in lines {
            guard let start = line.range(of: "✎ Exercise "), line.contains(" is still open") else { continue }
            let number = line[start.upperBound...].prefix { $0 != " " }
            return ExerciseCatalog.exercise(String(number))
        }
        return nil
    }

    /// The first frame of the crashed thread in the package's own sources that
    /// is not where the runtime stopped, unless the learner wrote that line: the
    /// learner's line that called into the failing precondition, or the one
    /// that trapped itself. "Sources/NeuralNetwork/Layer.swift:70".
    static func learnersFrame(in lines: [String], skipping trap: CrashReport.Trap?, packageRoot: URL) -> String? {
        BacktraceFrame.ownFrames(in: lines)
            .first { frame in
                guard let file = trap?.file, let line = trap?.line,
                      frame.file.hasSuffix(file) && frame.line == line else { return true }
                // An optimized build names the learner's own line as the trap's site.
                return isInSolution(file: frame.file, line: frame.line, packageRoot: packageRoot)
            }
            .map { "\($0.file):\($0.line)" }
    }

    /// True when `line` (1-based) of `file` (package-relative) lies in a solution region.
    static func isInSolution(file: String, line: Int, packageRoot: URL) -> Bool {
        guard let text = try? String(contentsOf: packageRoot.appendingPathComponent(file), encoding: .utf8) else {
            return false
        }
        return ExerciseMarkers.read(text).regions.contains { line > $0.beginLine + 1 && line <= $0.endLine }
    }
}

/// What a learner sees of a chapter run: everything but the runtime's crash
/// report and the stub's note, which the runner sums up in one line instead.
final class LearnerEchoFilter: EchoFilter, @unchecked Sendable {
    private let lock = NSLock()
    private var inCrashReport = false
    private var inStubNote = false
    /// A blank line waits for the next: the stub's note begins with one.
    private var heldBlankLine = false

    func shown(_ line: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if inCrashReport { return [] }
        if line.trimmingCharacters(in: .whitespaces).isEmpty && !inStubNote {
            heldBlankLine = true
            return []
        }
        let blankBefore = heldBlankLine
        heldBlankLine = false
        guard decide(line) else { return [] }
        return blankBefore ? ["", line] : [line]
    }

    private func decide(_ line: String) -> Bool {
        if CrashReport.begins(line) {
            inCrashReport = true
            return false
        }
        if line.contains("✎ Exercise ") {
            inStubNote = true
            return false
        }
        if inStubNote {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { inStubNote = false }
            return false
        }
        return true
    }
}
