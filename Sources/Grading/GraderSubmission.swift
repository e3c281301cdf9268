import Foundation
import Workbook

/// One learner's submission: a folder holding their copy of the workbook, or
/// just the files they edited, at any depth.
public struct Submission: Sendable, Equatable {
    /// The submission folder's own name, unchanged: what every report calls the
    /// learner, so a grade always names the learner it belongs to.
    public var name: String
    /// The folder under the output that holds this submission's reports: the name
    /// when it is safe as a folder name and unique in the run, otherwise a safe
    /// form of it with a hash of the exact name (`a b` → `a_b-e63f9919`), so no
    /// two learners ever share a folder and no folder borrows another's name.
    public var reportFolder: String
    public var folder: URL

    /// The name as reports and the terminal show it: one line, its control
    /// characters escaped (`UntrustedText`), since the learner chose it.
    public var displayName: String { UntrustedText.escaped(name, keepingLineBreaks: false) }

    public init(name: String, reportFolder: String? = nil, folder: URL) {
        self.name = name
        self.reportFolder = reportFolder ?? Submission.safeName(name)
        self.folder = folder
    }

    /// Submissions named after their folders, each with a report folder of its own.
    public static func named(_ folders: [URL]) -> [Submission] {
        let names = folders.map { $0.standardizedFileURL.lastPathComponent }
        // Which names are already safe: they keep their own folder, whatever order
        // the folders come in, and rewritten names can never take it from them.
        // Compared case-insensitively, for file systems that fold case.
        var taken = Set<String>()
        var counts: [String: Int] = [:]
        for name in names { counts[name.lowercased(), default: 0] += 1 }
        for name in names where safeName(name) == name && counts[name.lowercased()] == 1 {
            taken.insert(name.lowercased())
        }
        return zip(names, folders).map { name, folder in
            if safeName(name) == name && counts[name.lowercased()] == 1 {
                return Submission(name: name, reportFolder: name, folder: folder)
            }
            let base = safeName(name) + "-" + hash(name)
            var candidate = base
            var counter = 2
            while !taken.insert(candidate.lowercased()).inserted {
                candidate = "\(base)-\(counter)"
                counter += 1
            }
            return Submission(name: name, reportFolder: candidate, folder: folder)
        }
    }

    /// Letters, digits and `-_.@+` of ASCII; anything else becomes `_`, and a
    /// name that is empty or starts with a dot gets a prefix.
    static func safeName(_ text: String) -> String {
        let cleaned = String(text.unicodeScalars.prefix(80).map { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.@+".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        })
        return cleaned.isEmpty || cleaned.hasPrefix(".") ? "submission" + cleaned : cleaned
    }

    /// The first eight hex digits of the name's `StableHash`: the same in every run.
    private static func hash(_ text: String) -> String {
        String(StableHash.hex(text).prefix(8))
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
    /// nearest the top of the submission. A symbolic link is never followed (it
    /// could point at the instructor's own solutions): an exercise file found
    /// only as a link is missing, with a note that says so.
    public static func locate(_ exerciseFiles: [String], in folder: URL) -> SubmissionFiles {
        let wanted = Set(exerciseFiles.map { ($0 as NSString).lastPathComponent })
        var candidates: [String: [String]] = [:]
        var links: [String: [String]] = [:]
        let keys: Set<URLResourceKey> = [.isDirectoryKey, .isSymbolicLinkKey]
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: Array(keys)) {
            for case let url as URL in walker {
                let name = url.lastPathComponent
                if PackageFiles.isLeftOut(name) || name == "__MACOSX" {
                    walker.skipDescendants()
                    continue
                }
                guard wanted.contains(name), let values = try? url.resourceValues(forKeys: keys) else { continue }
                if values.isSymbolicLink == true {
                    // The link's own path, not its target's.
                    let parent = PackageFiles.relativePath(of: url.deletingLastPathComponent(), under: folder)
                    links[name, default: []].append(parent.isEmpty ? name : "\(parent)/\(name)")
                } else if values.isDirectory == false {
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
                if let link = links[name]?.sorted(by: { rank($0, for: file) < rank($1, for: file) }).first {
                    result.notes.append("\(link): is a symbolic link: submit the file itself")
                }
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
