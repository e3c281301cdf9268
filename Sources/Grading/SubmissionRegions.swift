import Workbook

/// What the grader takes from a submitted exercise file: the text between each
/// `// BEGIN SOLUTION` and `// END SOLUTION`, and nothing else.
///
/// Like nbgrader restoring its read-only cells, the grader splices those bodies
/// into the instructor's own file: code at file scope, extra imports, changed
/// signatures or doc comments in the submission never reach the build. A region
/// that is missing, doubled, unbalanced, or uses a construct outside what a region
/// may contain (see `RegionRules`) is not taken: its exercise keeps the learner
/// edition's stub, so it grades as open, and the problem is reported with the
/// submitted file's line.
public enum SubmissionRegions {
    /// One reason an exercise of a submission was not taken.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        /// The exercise file, package-relative.
        public var file: String
        /// 1-based line in the submitted file.
        public var line: Int
        /// "7.1", or nil for a marker that belongs to no exercise.
        public var exercise: String?
        public var problem: String

        public var description: String {
            "\(file):\(line): " + (exercise.map { "Exercise \($0): " } ?? "") + problem
                + (exercise == nil ? "" : "; graded as open")
        }
    }

    /// The instructor's `pristine` file with each region's body replaced by the
    /// submission's, where the submission has a valid one, and by the learner
    /// edition's stub otherwise.
    ///
    /// `bodyLines` gives, for each region taken, the 1-based line of the submitted
    /// file where its body begins, so that a compiler error in the spliced file can
    /// be reported at the learner's own line.
    public static func splice(pristine: String, submitted: String, file: String) throws
        -> (text: String, problems: [Problem], bodyLines: [String: Int]) {
        let regions = try ExerciseMarkers.exercises(in: pristine, file: file)
        var (bodies, problems, bodyLines) = scan(submitted, file: file)
        for region in regions where bodies[region.number] == nil
            && !problems.contains(where: { $0.exercise == region.number }) {
            problems.append(Problem(file: file, line: 1, exercise: region.number,
                                    problem: "no region `// Exercise \(region.number): \(region.name)` with BEGIN and END SOLUTION markers"))
        }
        for number in bodies.keys where !regions.contains(where: { $0.number == number }) {
            bodies[number] = nil
        }
        let lines = ExerciseMarkers.lines(of: pristine)
        var output: [String] = []
        var index = 0
        for region in regions {
            output += lines[index...region.beginLine]
            if let body = bodies[region.number] {
                output += body
            } else {
                output.append(region.indentation + ExerciseMarkers.stubCall(for: region))
            }
            index = region.endLine
        }
        output += lines[index...]
        bodyLines = bodyLines.filter { bodies[$0.key] != nil }
        return (output.joined(separator: "\n"), problems.sorted { ($0.line, $0.problem) < ($1.line, $1.problem) }, bodyLines)
    }

    /// The valid region bodies of a submitted file by exercise number, and what is
    /// wrong with the others. Lenient about where markers are, strict about what
    /// is between them.
    static func scan(_ text: String, file: String) -> (bodies: [String: [String]], problems: [Problem], bodyLines: [String: Int]) {
        let reading = ExerciseMarkers.read(text)
        var bodies: [String: [String]] = [:]
        var bodyLine: [String: Int] = [:]
        var rejected = Set<String>()
        var problems: [Problem] = []

        func reject(_ exercise: String?, line: Int, _ problem: String) {
            if let exercise { rejected.insert(exercise) }
            problems.append(Problem(file: file, line: line + 1, exercise: exercise, problem: problem))
        }

        for problem in reading.problems {
            reject(problem.exercise, line: problem.line, problem.problem)
        }
        for region in reading.regions {
            guard let exercise = region.header?.number else { continue }
            if let first = bodyLine[exercise] {
                reject(exercise, line: region.beginLine, "a second region for this exercise (the first begins on line \(first + 1))")
                continue
            }
            bodyLine[exercise] = region.beginLine
            let body = Array(region.body(in: reading.lines))
            if let problem = RegionRules.problem(in: body, startingAt: region.beginLine + 1) {
                reject(exercise, line: problem.line, problem.problem)
            } else {
                bodies[exercise] = body
            }
        }
        for exercise in rejected { bodies[exercise] = nil }
        return (bodies, problems, bodyLine.mapValues { $0 + 2 })
    }
}

/// What a solution region may contain, beyond what the compiler already guards.
///
/// The learner's module builds with strict memory safety as an error, so pointers,
/// `unsafeBitCast`, `Unmanaged` and every other unsafe construct fail to compile
/// there; the one way past that check, the `unsafe` keyword, is refused here.
/// The rest is an allow-list of what a region may hold: at most 60 lines and
/// 4 KB (`RegionSize`) of Swift statements and expressions, with
/// - attributes: only `@escaping` and `@Sendable`;
/// - no compiler directive or macro (`#if`, `#sourceLocation`, `#externalMacro`, …);
/// - no `import`, and no module named outright (`Foundation.exit`), so a region
///   reaches only what its file imports;
/// - no name beginning with `_` (the standard library's internals), and not
///   `unsafe`, `nonisolated`, `CommandLine` or `readLine`.
public enum RegionRules {
    /// The attributes a region may write.
    static let allowedAttributes: Set<String> = ["@escaping", "@Sendable"]
    /// Words refused wherever they occur as code (not in strings or comments).
    static let refusedWords: Set<String> = ["import", "unsafe", "nonisolated", "CommandLine", "readLine"]
    /// Modules a region may not name: its file imports what it may use.
    static let modules: Set<String> = [
        "Foundation", "FoundationEssentials", "FoundationNetworking", "CoreFoundation", "Glibc", "Musl",
        "Darwin", "Dispatch", "WASILibc", "Android", "Bionic", "WinSDK", "ucrt", "CRT", "Synchronization",
        "Distributed", "Observation", "RegexBuilder", "CourseData", "NeuralNetwork",
    ]

    /// The first construct of `body` a region may not contain, with its line in
    /// the file (0-based, `startingAt` is the body's first line), or nil.
    static func problem(in body: [String], startingAt first: Int) -> (line: Int, problem: String)? {
        // Before anything reads it: a region's size bounds what the build is handed.
        if let oversized = RegionSize.problem(in: body) {
            return (first + oversized.index, oversized.problem)
        }
        // Bidi controls make a line read otherwise than the compiler reads it.
        if let line = body.firstIndex(where: { $0.unicodeScalars.contains { (0x202A...0x202E).contains($0.value)
                || (0x2066...0x2069).contains($0.value) } }) {
            return (first + line, "a bidirectional control character (U+202A–202E, U+2066–2069) is not allowed in a "
                + "solution: it makes the code read otherwise than it compiles")
        }
        let scan: SwiftCodeScan
        do {
            scan = try SwiftCodeScan(body.joined(separator: "\n"))
        } catch let refusal as SwiftCodeScan.Refusal {
            return (first + refusal.line, refusal.problem)
        } catch {
            return (first, "\(error)")
        }
        for word in scan.words {
            let text = word.text
            if text.hasPrefix("#") {
                return (first + word.line, "`\(text)` is not allowed in a solution (no compiler directives or macros)")
            }
            if text.hasPrefix("@") && !allowedAttributes.contains(text) {
                return (first + word.line, "`\(text)` is not allowed in a solution (no attributes but @escaping and @Sendable)")
            }
            if text == "unsafe" {
                return (first + word.line, "`unsafe` is not allowed in a solution: a solution stays in the safe language")
            }
            if modules.contains(text) {
                return (first + word.line, "`\(text)` is not allowed in a solution: a solution uses what its file imports, without naming modules")
            }
            if text == "_" { continue }
            // The stub alone is an open exercise; beside code, or called from a
            // written region, it would pass the exercise off as open.
            if text == "exerciseNotDone",
               body.filter({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }).count != 1
                || !body.contains(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("exerciseNotDone(") }) {
                return (first + word.line, "`exerciseNotDone` may stand in a region only alone, as the stub: "
                    + "a written exercise returns its result")
            }
            if refusedWords.contains(text) || text.hasPrefix("_") {
                return (first + word.line, "`\(text)` is not allowed in a solution: it reaches outside the language's safe part")
            }
        }
        return nil
    }
}
