import Foundation
import Testing
import Workbook

/// The course's structure is written once, in `Catalog` and `ExerciseCatalog`;
/// whatever else states it (Package.swift's targets, the chapters' check tags,
/// the exercise files' markers, README's table) must agree with them.
struct CourseManifestTests {
    static let root = HintTests.packageRoot

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func packageSwiftBuildsTheCatalogsChapters() throws {
        let manifest = try Self.text("Package.swift")
        let start = try #require(manifest.range(of: "let chapters = ["))
        let end = try #require(manifest[start.upperBound...].range(of: "]"))
        let folders = manifest[start.upperBound..<end.lowerBound].split(separator: "\"").enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        #expect(folders == Catalog.chapters.map(\.folder))
    }

    @Test func everyExerciseHasItsRegionInItsFile() throws {
        for exercise in ExerciseCatalog.exercises {
            let text = try Self.text(exercise.file)
            let regions = try ExerciseMarkers.exercises(in: text, file: exercise.file)
            let region = regions.first { $0.number == exercise.number }
            #expect(region?.name == exercise.name, "\(exercise.file) has no region `// Exercise \(exercise.number): \(exercise.name)`")
            #expect(region?.chapter == exercise.chapter)
        }
    }

    /// A check's exercise tag names an exercise of its chapter or an earlier one.
    @Test func everyCheckTagNamesAnExerciseTheChapterHasReached() throws {
        var tags = 0
        for info in Catalog.chapters {
            let source = try Self.text(info.sourcePath)
            for piece in source.components(separatedBy: "exercise: \"").dropFirst() {
                let number = String(piece.prefix { $0 != "\"" })
                tags += 1
                let exercise = ExerciseCatalog.exercise(number)
                #expect(exercise != nil && exercise!.chapter <= info.number, "chapter \(info.number) tags a check \(number)")
            }
        }
        #expect(tags > 40, "the tags were read: \(tags)")
    }

    /// A chapter needs, from earlier chapters, everything its exercises call.
    @Test func aChaptersNeedsHoldWhatItsExercisesCall() {
        for info in Catalog.chapters {
            for exercise in info.exercises {
                for called in ExerciseCatalog.calledExercises(of: exercise.number)
                where ExerciseCatalog.exercise(called)!.chapter < info.number {
                    #expect(info.needs.contains(called), "chapter \(info.number): \(exercise.number) calls \(called)")
                }
            }
        }
    }

    @Test func readmesTableListsTheCatalogsChapters() throws {
        let readme = try Self.text("README.md")
        for info in Catalog.chapters {
            #expect(readme.contains("| \(info.number) | `Chapters/\(info.folder)` |"), "README's table lacks chapter \(info.number)")
        }
    }
}
