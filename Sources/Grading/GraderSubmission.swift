import Foundation
import Workbook

/// One learner's submission: a folder holding their copy of the workbook, or
/// just the files they edited, at any depth.
public struct Submission: Sendable, Equatable {
    /// Unique within a grading run; names the submission's report folder.
    public var name: String
    public var folder: URL

    public init(name: String, folder: URL) {
        self.name = name
        self.folder = folder
    }

    /// Submissions named after their folders, made unique with "-2", "-3", … and
    /// kept to characters that are safe in a folder name.
    public static func named(_ folders: [URL]) -> [Submission] {
        var taken = Set<String>()
        return folders.map { folder in
            let base = safeName(folder.standardizedFileURL.lastPathComponent)
            var name = base
            var counter = 2
            while !taken.insert(name).inserted {
                name = "\(base)-\(counter)"
                counter += 1
            }
            return Submission(name: name, folder: folder)
        }
    }

    private static func safeName(_ text: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.@+"))
        let cleaned = String(text.unicodeScalars.map { allowed.contains($0) ? Character($0) : "_" })
        return cleaned.isEmpty || cleaned.hasPrefix(".") ? "submission" + cleaned : cleaned
    }
}

/// Where a submission keeps each file that holds exercises.
public struct SubmissionFiles: Sendable {
    /// Exercise file (package-relative, e.g. `Sources/NeuralNetwork/Layer.swift`)
    /// → the file in the submission that stands for it.
    public var found: [String: URL]
    /// Exercise files the submission does not have: graded as open exercises.
    public var missing: [String]
    /// Remarks for the feedback, e.g. which of two candidates was taken.
    public var notes: [String]

    /// Finds each exercise file by its name anywhere in `folder`. When a name
    /// occurs more than once, the copy at the package's own path
    /// (`…/Sources/NeuralNetwork/Layer.swift`) wins over a bare file, then the one
    /// nearest the top of the submission.
    public static func locate(_ exerciseFiles: [String], in folder: URL) -> SubmissionFiles {
        let wanted = Set(exerciseFiles.map { ($0 as NSString).lastPathComponent })
        var candidates: [String: [String]] = [:]
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey]) {
            for case let url as URL in walker {
                let name = url.lastPathComponent
                if PackageFiles.isLeftOut(name) || name == "__MACOSX" {
                    walker.skipDescendants()
                    continue
                }
                if wanted.contains(name), (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == false {
                    candidates[name, default: []].append(PackageFiles.relativePath(of: url, under: folder))
                }
            }
        }
        var result = SubmissionFiles(found: [:], missing: [], notes: [])
        for file in exerciseFiles {
            let name = (file as NSString).lastPathComponent
            let ranked = (candidates[name] ?? []).sorted { rank($0, for: file) < rank($1, for: file) }
            guard let best = ranked.first else {
                result.missing.append(file)
                continue
            }
            result.found[file] = folder.appendingPathComponent(best)
            if ranked.count > 1 {
                result.notes.append("\(name): found \(ranked.count) copies, graded \(best)")
            }
        }
        return result
    }

    /// Smaller is better: (not at the package path, depth, path).
    private static func rank(_ path: String, for file: String) -> (Int, Int, String) {
        let atPackagePath = path == file || path.hasSuffix("/" + file)
        return (atPackagePath ? 0 : 1, path.split(separator: "/").count, path)
    }
}
