import Workbook

/// How much one solution region may hold: at most 60 lines and 4 KB.
///
/// The longest region of the reference solution is 15 lines, so the bound leaves
/// four times that for a learner's longer way round, while keeping the work a
/// region can hand the compiler small: a 5 MB region built in 166 s with a 3 GB
/// compiler, over the memory a Gradescope container has (768 MB). The grader
/// refuses a bigger region before it builds anything (its exercise keeps the
/// stub and grades as open, like any region `RegionRules` refuses); `workbook
/// run` warns about one, so the learner hears of it before they submit.
public enum RegionSize {
    /// Lines between a region's BEGIN and END markers, blank ones included.
    public static let maximumLines = 60
    /// UTF-8 bytes of those lines, newlines included: 4 KB.
    public static let maximumBytes = 4096

    /// Why `body` (a region's lines between its markers) is too big, with the
    /// 0-based index of the first line past the bound; nil when it fits.
    static func problem(in body: [String]) -> (index: Int, problem: String)? {
        if body.count > maximumLines {
            return (maximumLines, "the region has \(body.count) lines, more than the \(maximumLines) a solution may have")
        }
        var bytes = 0
        for (index, line) in body.enumerated() {
            bytes += line.utf8.count + (index + 1 < body.count ? 1 : 0)
            if bytes > maximumBytes {
                let total = body.reduce(0) { $0 + $1.utf8.count } + body.count - 1
                return (index, "the region holds \(total) bytes, more than the \(maximumBytes) (4 KB) a solution may hold")
            }
        }
        return nil
    }

    /// The regions of a learner's own file `text` (package-relative `file`) that
    /// the grader would refuse for their size, each at its 1-based line.
    public static func oversizedRegions(in text: String, file: String) -> [SubmissionRegions.Problem] {
        let reading = ExerciseMarkers.read(text)
        return reading.regions.compactMap { region in
            problem(in: Array(region.body(in: reading.lines))).map {
                SubmissionRegions.Problem(file: file, line: region.beginLine + 2 + $0.index,
                                          exercise: region.header?.number, problem: $0.problem)
            }
        }
    }
}
