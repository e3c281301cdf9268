import Foundation
import Workbook

/// Builds one assembled submission in the slot, within the grader's bounds,
/// stubbing the regions that keep it from building.
///
/// - A region the compiler refuses (a type error, an unsafe construct, an
///   expression too hard to type-check in 1 s) is stubbed by its errors, round
///   after round, as `BrokenRegions` reads them.
/// - A build that breaks down (`BuildBreakdown`: the compiler crashed, took
///   longer than `timeLimit`, or needed more than `memoryLimit`) names no line,
///   so the region behind it is found by building with halves of the written
///   regions stubbed (`RegionBisection`, at most 5 extra builds); it is stubbed
///   and the rest is graded.
///
/// Every build takes at most `timeLimit` seconds, and all of one submission's
/// builds together at most `budgetFactor` × `timeLimit`: the first build, two
/// bisection trials that run out of time, and the build after them. A trial
/// starts only with one and a half time limits left, so it has a full one and
/// the build after it at least half of one (a submission's build takes a
/// third of a time limit or less: 3 × the reference's). Trials that do not run
/// out of time (a crash, memory) take a few seconds, so all five fit.
struct SubmissionBuild {
    /// A submission's builds take at most this many time limits in all.
    static let budgetFactor = 4.0

    let slot: GraderSlot
    /// The package's exercise files, package-relative.
    let exerciseFiles: [String]
    /// Rounds of stubbing by compile errors, at most: one per region.
    let regionCount: Int
    /// Seconds one build may take.
    let timeLimit: Double

    struct Result {
        /// Chapter number → why it did not build; empty when everything built.
        var failures: [Int: String]
        /// Why each stubbed region was stubbed, at the submitted file's line.
        var problems: [SubmissionRegions.Problem]
        /// Extra builds spent finding a region behind a breakdown.
        var bisectionBuilds: Int
    }

    /// One region: its file and exercise number.
    struct Region: Hashable, Sendable {
        var file: String
        var exercise: String
    }

    /// Builds `assembled` (package-relative path → contents), whose exercise
    /// files hold the submission's regions; `bodyLines` maps each region back to
    /// the submitted file's lines. Throws only when the slot cannot be written.
    func build(_ assembled: [String: Data], bodyLines: [String: [String: Int]]) throws -> Result {
        let deadline = Date().addingTimeInterval(Self.budgetFactor * timeLimit)
        var assembled = assembled
        var problems: [SubmissionRegions.Problem] = []
        var bisectionBuilds = 0

        func buildNow() throws -> [Int: String] {
            try slot.assemble(assembled)
            return slot.build(timeout: max(1, min(timeLimit, deadline.timeIntervalSinceNow)))
        }

        var failures = try buildNow()
        // With no region written there is nothing to blame: the failure is the build's.
        if let breakdown = slot.lastBreakdown, case let suspects = writtenRegions(in: assembled), !suspects.isEmpty {
            var trialFailures: [Int: String] = [:]
            let found = try RegionBisection.search(among: suspects) { stubbed in
                // A trial that cannot have a full time limit, with half of one left for the build after it, is not made.
                guard deadline.timeIntervalSinceNow >= 1.5 * timeLimit else { return nil }
                var trial = assembled
                try stub(stubbed, in: &trial, bodyLines: bodyLines, problem: nil)
                try slot.assemble(trial)
                trialFailures = slot.build(timeout: timeLimit)
                bisectionBuilds += 1
                return slot.lastBreakdown != nil
            }
            var problem = breakdown.regionProblem
            if found.suspects.count > 1 {
                problem += " with this region or another of exercises "
                    + found.suspects.map(\.exercise).joined(separator: ", ")
                    + ": the grader could not tell which within its bounds, so none of them was built"
            }
            problems += try stub(found.suspects, in: &assembled, bodyLines: bodyLines, problem: problem)
            // After a last trial with just the culprit stubbed, the slot holds this very build.
            failures = found.lastTrialStubbedOnly ? trialFailures : try buildNow()
        }

        // Each round stubs the regions that hold the compiler's errors (a type
        // error, an unsafe construct); the compiler stops at some errors, and a
        // region may hide another's, so more may follow. Errors outside every
        // region end the rounds: the build failure is then the grade.
        var rounds = 0
        while !failures.isEmpty, slot.lastBreakdown == nil, rounds < regionCount, deadline.timeIntervalSinceNow >= 1 {
            var stubbed = false
            for file in exerciseFiles {
                guard let data = assembled[file] else { continue }
                let text = String(decoding: data, as: UTF8.self)
                let broken = BrokenRegions.refusalsByExercise(slot.lastBuildErrors, in: text, file: file)
                guard !broken.isEmpty else { continue }
                let result = try BrokenRegions.stubbing(broken.compactMapValues(\.first), in: text,
                                                        file: file, bodyLines: bodyLines[file] ?? [:])
                assembled[file] = Data(result.text.utf8)
                problems += result.problems
                stubbed = stubbed || !result.problems.isEmpty
            }
            guard stubbed else { break }
            failures = try buildNow()
            rounds += 1
        }
        return Result(failures: failures, problems: problems, bisectionBuilds: bisectionBuilds)
    }

    /// The regions of `files` that hold more than the stub: the ones a
    /// breakdown can come from, file by file in their order.
    private func writtenRegions(in files: [String: Data]) -> [Region] {
        exerciseFiles.flatMap { file -> [Region] in
            guard let data = files[file] else { return [] }
            let text = String(decoding: data, as: UTF8.self)
            let lines = ExerciseMarkers.lines(of: text)
            let regions = (try? ExerciseMarkers.exercises(in: text, file: file)) ?? []
            return regions.filter { region in
                let body = lines[(region.beginLine + 1)..<region.endLine]
                    .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                return body != [region.indentation + ExerciseMarkers.stubCall(for: region)]
            }.map { Region(file: file, exercise: $0.number) }
        }
    }

    /// Stubs `regions` in `files`; returns the notes saying `problem` (none when nil).
    @discardableResult
    private func stub(_ regions: [Region], in files: inout [String: Data], bodyLines: [String: [String: Int]],
                      problem: String?) throws -> [SubmissionRegions.Problem] {
        var problems: [SubmissionRegions.Problem] = []
        for (file, inFile) in Dictionary(grouping: regions, by: \.file).sorted(by: { $0.key < $1.key }) {
            guard let data = files[file] else { continue }
            let text = String(decoding: data, as: UTF8.self)
            let regions = try ExerciseMarkers.exercises(in: text, file: file)
            var broken: [String: BrokenRegions.Refusal] = [:]
            for region in regions where inFile.contains(where: { $0.exercise == region.number }) {
                // The region's first body line, which `stubbing` maps to the submitted file's.
                broken[region.number] = BrokenRegions.Refusal(file: file, line: region.beginLine + 2,
                                                              message: problem ?? "")
            }
            let result = try BrokenRegions.stubbing(broken, in: text, file: file, bodyLines: bodyLines[file] ?? [:],
                                                    problem: problem ?? "")
            files[file] = Data(result.text.utf8)
            if problem != nil { problems += result.problems }
        }
        return problems
    }
}
