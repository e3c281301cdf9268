import Foundation

/// Makes sure a build sees every source as it is on disk now.
///
/// SwiftPM (llbuild and the Swift driver) decides what to rebuild from a file's
/// size and modification time. Two saves of the same length within one tick of
/// the kernel's file clock (a few milliseconds), or a file whose time was set
/// back (`touch -d`, a copy that keeps times, a checkout), look unchanged, and
/// the build keeps the binary of the earlier content: the learner is told about
/// code that is no longer there, and a grader slot would grade one submission
/// with another's file.
///
/// So each build records a hash of every source's content (in the build folder,
/// `workbook-source-hashes`); before the next build, a file whose content no
/// longer matches its recorded hash gets a modification time later than any it
/// had, which SwiftPM cannot miss. Only the time changes, never the content.
public struct SourceStamps {
    /// The package whose `Sources/` and `Chapters/` are compared.
    public var packageRoot: URL
    /// Where the hashes of the last build are kept: the build folder.
    public var buildFolder: URL

    public init(packageRoot: URL, buildFolder: URL) {
        self.packageRoot = packageRoot
        self.buildFolder = buildFolder
    }

    /// The folders whose Swift files a build compiles.
    static let sourceFolders = ["Sources", "Chapters"]

    var recordURL: URL { buildFolder.appendingPathComponent("workbook-source-hashes") }

    /// Moves the modification time of every source whose content changed since
    /// the last build forward, then records the hashes this build starts from.
    /// Returns the package-relative paths it moved. Best effort: a file or record
    /// that cannot be read or written costs only this safeguard, never the build.
    @discardableResult
    public func prepareBuild(now: Date = Date()) -> [String] {
        let recorded = readRecord()
        var current: [String: String] = [:]
        var moved: [String] = []
        for path in swiftFiles() {
            let url = packageRoot.appendingPathComponent(path)
            guard let contents = FileManager.default.contents(atPath: url.path) else { continue }
            let hash = StableHash.hex(StableHash.fnv1a(bytes: contents))
            current[path] = hash
            if let previous = recorded[path], previous != hash, moveForward(url, now: now) {
                moved.append(path)
            }
        }
        let lines = current.keys.sorted().map { "\(current[$0]!) \($0)" }
        try? AtomicFile.write(lines.joined(separator: "\n") + "\n", to: recordURL)
        return moved
    }

    /// A time later than the file's own and than now: the build's record of the
    /// file holds a time no later than the file's.
    private func moveForward(_ url: URL, now: Date) -> Bool {
        let manager = FileManager.default
        let modified = (try? manager.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? now
        let later = max(now, modified.addingTimeInterval(1))
        return (try? manager.setAttributes([.modificationDate: later], ofItemAtPath: url.path)) != nil
    }

    private func readRecord() -> [String: String] {
        guard let text = try? String(contentsOf: recordURL, encoding: .utf8) else { return [:] }
        var record: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            record[String(line[line.index(after: space)...])] = String(line[..<space])
        }
        return record
    }

    /// Package-relative paths of the Swift files under `sourceFolders`.
    func swiftFiles() -> [String] {
        var paths: [String] = []
        for folder in Self.sourceFolders {
            let root = packageRoot.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: root.path) else { continue }
            while let relative = walker.nextObject() as? String {
                if relative.hasSuffix(".swift") { paths.append(folder + "/" + relative) }
            }
        }
        return paths.sorted()
    }
}
