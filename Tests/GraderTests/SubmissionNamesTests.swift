import Foundation
import Testing
@testable import Grading
import Workbook

/// Every grade names its learner exactly, and every learner's reports go to a
/// folder of their own.
struct SubmissionNamesTests {
    static let awkwardNames = [
        "a b", "a_b", "A_B", "O'Brien, Jr.", "Zoë \"Zed\" Ünal", "🦊", "=HYPERLINK(\"x\")", ".hidden", "a b-2",
        "line\nbreak", "pipe | name", "ada",
    ]

    @Test func namesStayExactAndReportFoldersAreSafeAndDistinct() {
        let submissions = Submission.named(Self.awkwardNames.map { URL(fileURLWithPath: "/submissions/\($0)") })
        #expect(submissions.map(\.name) == Self.awkwardNames)
        let folders = submissions.map(\.reportFolder)
        #expect(Set(folders.map { $0.lowercased() }).count == folders.count, "\(folders)")
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.@+")
        for folder in folders {
            #expect(folder.allSatisfy(safe.contains) && !folder.hasPrefix("."), "\(folder)")
        }
        // No folder carries the exact name of another learner, and a safe, unique name keeps its own.
        let names = Set(Self.awkwardNames.map { $0.lowercased() })
        for submission in submissions where submission.reportFolder.lowercased() != submission.name.lowercased() {
            #expect(!names.contains(submission.reportFolder.lowercased()), "\(submission.name) → \(submission.reportFolder)")
        }
        #expect(submissions.last?.reportFolder == "ada")
        #expect(submissions[0].reportFolder.hasPrefix("a_b-"))
    }

    /// The work folder's name dropped a hash's leading zeros, and report folders
    /// took a 32-bit FNV-1a of their own: both are made from `StableHash` now.
    @Test func namesMadeFromAHashUseTheOneStableHash() {
        #expect(GraderSettings.defaultWorkFolder(for: URL(fileURLWithPath: "/courses/neural-800")).lastPathComponent
                == "neuralworkbook-grader-0c150364ff138e5b")
        #expect(Submission.named([URL(fileURLWithPath: "/submissions/a b")]).map(\.reportFolder) == ["a_b-e63f9919"])
    }

    @Test func reportFoldersDoNotDependOnOrder() {
        let urls = Self.awkwardNames.map { URL(fileURLWithPath: "/submissions/\($0)") }
        let forward = Dictionary(uniqueKeysWithValues: Submission.named(urls).map { ($0.name, $0.reportFolder) })
        let backward = Dictionary(uniqueKeysWithValues: Submission.named(urls.reversed()).map { ($0.name, $0.reportFolder) })
        #expect(forward == backward)
    }

    /// Every name reads back exactly, but for the characters a terminal or a
    /// spreadsheet would act on, which are written out (`line\u{A}break`).
    @Test func gradesCSVReadsBackWithEveryNameExact() throws {
        let submissions = Submission.named(Self.awkwardNames.map { URL(fileURLWithPath: "/submissions/\($0)") })
        let graded = submissions.enumerated().map { index, submission in
            GradedSubmission(submission: submission, chapters: [], files: SubmissionFiles(found: [:], missing: [], notes: []),
                             seconds: Double(index))
        }
        let rows = try CSVReader.rows(GraderReports.csv(graded))
        #expect(rows.count == submissions.count + 1)
        // No chapters graded here: name, folder, total, max, notes.
        #expect(rows.dropFirst().allSatisfy { $0.count == 5 }, "\(rows)")
        let names = rows.dropFirst().map { $0[0] }
        // A name a spreadsheet would run as a formula carries a leading apostrophe, and only that.
        #expect(names.map { $0.hasPrefix("'=") ? String($0.dropFirst()) : $0 }
                == Self.awkwardNames.map { UntrustedText.escaped($0, keepingLineBreaks: false) })
        #expect(names.contains("line\\u{A}break"))
        #expect(rows.dropFirst().map { $0[1] } == submissions.map(\.reportFolder))
    }

    @Test func summaryKeepsOneTableRowPerSubmission() throws {
        let submissions = Submission.named(Self.awkwardNames.map { URL(fileURLWithPath: "/submissions/\($0)") })
        let graded = submissions.map {
            GradedSubmission(submission: $0, chapters: [], files: SubmissionFiles(found: [:], missing: [], notes: []), seconds: 0)
        }
        let summary = GraderReports.summary(graded, reference: ReferenceChecks(runs: []), settings: "", seconds: 0)
        let rows = summary.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Submission") && !$0.hasPrefix("| *maximum*") }
        #expect(rows.count == submissions.count)
        // Only the table's own pipes count: a name's are escaped.
        let cellCounts = rows.map {
            $0.replacingOccurrences(of: "\\|", with: "").split(separator: "|", omittingEmptySubsequences: false).count
        }
        let plain = try #require(rows.firstIndex { $0.hasPrefix("| a\\_b |") })
        #expect(cellCounts.allSatisfy { $0 == cellCounts[plain] }, "\(rows)")
    }
}
