import Foundation
import Workbook

/// Builds the reference's mutants into one copy of the package and runs each
/// one's chapter, to see which change a result and what the learner would see.
///
/// The copy lives under `.build/mutants/` (`package/`, its build folder
/// `build/`, the runs' records in `runs/`), kept between runs and rewritten file
/// by file as `IsolatedBuild` does, so a second run rebuilds only the
/// learner's module and what links it. It is a grading build: the reference
/// compiles as `ReferenceNetwork` beside the mutated `NeuralNetwork`, and the
/// hidden checks hold one to the other on inputs drawn from each seed.
public struct MutantRunner {
    public var packageRoot: URL
    /// The hidden seeds tried, in order, until one tells the mutant apart.
    public var seeds: ClosedRange<UInt32> = 1...5
    /// A mutant's run may take this many times the reference's run of the chapter.
    public var timeFactor = 10.0
    /// How much of each failed check's message an outcome keeps.
    public var messageLength = MutantTable.messageLength
    /// One line per step, for the terminal.
    public var progress: (String) -> Void = { _ in }

    public init(packageRoot: URL) {
        self.packageRoot = packageRoot
    }

    var folder: URL { packageRoot.appendingPathComponent(".build/mutants") }
    var copy: URL { folder.appendingPathComponent("package") }
    var scratch: URL { folder.appendingPathComponent("build") }
    var runs: URL { folder.appendingPathComponent("runs") }

    /// Generates, builds and runs the mutants of `exercises` (every exercise
    /// when empty): the reference's, and those of the second solution
    /// (`OtherSolution.second`) where the package holds it.
    public func run(exercises: [String] = []) throws -> MutantTable {
        let regions = try MutantRegion.all(in: packageRoot).filter { exercises.isEmpty || exercises.contains($0.exercise) }
        guard !regions.isEmpty else { throw CheckFailure("no exercise region matches \(exercises.joined(separator: ", "))") }
        let reference = regions.flatMap(\.mutants)
        var second: (unchanged: [Mutant], singleEdits: [Mutant]) = ([], [])
        if OtherSolution.second.isPresent(in: packageRoot) {
            second = try OtherSolution.second.mutants(of: regions, in: packageRoot)
            // A second-solution mutant that reads as one of the reference's is that one.
            let bodies = Set(reference.map(\.body))
            second.singleEdits.removeAll { bodies.contains($0.body) }
        }
        let batch = try run(reference + second.unchanged + second.singleEdits, of: regions)
        let outcomes = Dictionary(batch.outcomes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        try OtherSolution.requireCorrect(second.unchanged, in: outcomes)
        var table = MutantTable(buildSeconds: batch.buildSeconds)
        let fromSecond = Set(second.singleEdits.map(\.id))
        table.mutants = batch.outcomes.filter { $0.compiles && $0.kind != Mutant.Kind.unchanged.rawValue }.map { outcome in
            var outcome = outcome
            if fromSecond.contains(outcome.id) { outcome.solution = OtherSolution.second.name }
            return outcome
        }
        for region in regions {
            let own = batch.outcomes.filter { $0.exercise == region.exercise && $0.kind != Mutant.Kind.unchanged.rawValue && !fromSecond.contains($0.id) }
            table.exercises.append(.init(exercise: region.exercise,
                                         sourceHash: try MutantTable.sourceHash(of: region.exercise, in: packageRoot),
                                         generated: own.count, compiling: own.filter(\.compiles).count,
                                         referenceSeconds: batch.referenceSeconds[region.exercise] ?? 0,
                                         runSeconds: batch.runSeconds[region.exercise] ?? 0))
        }
        return table
    }

    /// What running a batch of mutants gave: every mutant's outcome (those the
    /// compiler refused with `compiles` false and nothing run), and times.
    public struct Batch: Sendable {
        public var outcomes: [MutantTable.Outcome] = []
        public var buildSeconds = 0.0
        /// Per exercise: the reference's run of its chapter, and all its mutants' runs.
        public var referenceSeconds: [String: Double] = [:]
        public var runSeconds: [String: Double] = [:]
    }

    /// Builds `mutants` (of `regions`, whose reference code the other cases
    /// keep) in one schema and runs each one's chapter.
    public func run(_ list: [Mutant], of regions: [MutantRegion]) throws -> Batch {
        var mutants: [Int: Mutant] = [:]
        for mutant in list { mutants[mutants.count + 1] = mutant }
        progress("\(mutants.count) mutants of \(regions.count) exercise\(regions.count == 1 ? "" : "s"); building them in one copy…")
        let started = Date()
        let (bin, refused) = try build(regions: regions, mutants: mutants)
        var batch = Batch(buildSeconds: tenths(Date().timeIntervalSince(started)))
        progress("Built in \(Int(batch.buildSeconds)) s; \(refused.count) do not compile.")

        for region in regions {
            guard let chapter = Catalog.chapter(region.chapter) else { continue }
            let numbers = mutants.keys.sorted().filter { mutants[$0]!.exercise == region.exercise }
            guard !numbers.isEmpty else { continue }
            let reference = runChapter(chapter, bin: bin, mutant: 0, seed: seeds.lowerBound, timeout: 600)
            guard let record = reference.record, record.checks.allSatisfy(\.passed) else {
                throw CheckFailure("the reference fails chapter \(chapter.number) in the mutant build (\(reference.status.label))")
            }
            let timeout = max(timeFactor * reference.seconds, 2)
            let exerciseStarted = Date()
            for number in numbers {
                let mutant = mutants[number]!
                if refused.contains(number) {
                    batch.outcomes.append(.init(id: mutant.id, exercise: mutant.exercise, kind: mutant.kind.rawValue,
                                                description: mutant.description, compiles: false, changesResult: false,
                                                seedsRun: 0, visibleFail: false, blamed: false, status: "", failures: []))
                    continue
                }
                batch.outcomes.append(outcome(of: mutant, number: number, chapter: chapter, bin: bin, timeout: timeout))
            }
            let runSeconds = Date().timeIntervalSince(exerciseStarted)
            batch.referenceSeconds[region.exercise] = tenths(reference.seconds)
            batch.runSeconds[region.exercise] = tenths(runSeconds)
            progress("\(region.exercise): \(numbers.count) mutants run in \(Int(runSeconds)) s (reference chapter \(String(format: "%.1f", reference.seconds)) s).")
        }
        return batch
    }

    /// Seconds to a tenth: the table changes only where the results do, or nearly.
    private func tenths(_ seconds: Double) -> Double {
        (seconds * 10).rounded() / 10
    }

    // MARK: - Build

    /// Builds the schema of `mutants`, leaving out, build after build, those the
    /// compiler refuses (by the lines of its errors). Returns the built chapters'
    /// folder and the refused mutants.
    func build(regions: [MutantRegion], mutants: [Int: Mutant]) throws -> (URL, Set<Int>) {
        var base: [String: Data] = [:]
        for path in PackageFiles.list(in: packageRoot, entries: PackageFiles.buildEntries) {
            base[path] = FileManager.default.contents(atPath: packageRoot.appendingPathComponent(path).path)
            if path.hasPrefix("Sources/NeuralNetwork/") {
                base[GraderPackage.referenceFolder + path.dropFirst("Sources/NeuralNetwork/".count)] = base[path]
            }
        }
        base[MutantSchema.switchPath] = Data(MutantSchema.switchFile.utf8)
        var texts: [String: String] = [:]
        for file in Set(regions.map(\.file)) {
            texts[file] = base[file].map { String(decoding: $0, as: UTF8.self) }
        }
        let products = Array(Set(regions.compactMap { Catalog.chapter($0.chapter)?.target })).sorted()
        var active = mutants
        var refused: Set<Int> = []
        while true {
            let schema = MutantSchema(regions: regions, mutants: active, texts: texts)
            var files = base
            for (path, text) in schema.files { files[path] = Data(text.utf8) }
            try PackageFiles.sync(files, into: copy)
            let swiftBuild = SwiftBuild(packageRoot: copy, scratchPath: scratch)
            let outcome = swiftBuild.build(products: products)
            if outcome.succeeded { return (try swiftBuild.binFolder(), refused) }
            let errors = BrokenRegions.refusals(in: outcome.output, relativeTo: copy)
            let blamed = Set(errors.compactMap { schema.mutant(at: $0.file, line: $0.line) })
            guard !blamed.isEmpty else {
                throw CheckFailure("the mutants' build fails outside every mutant:\n" + CompilerError.summary(of: outcome.output, relativeTo: copy))
            }
            progress("  \(blamed.count) mutants do not compile; building again without them…")
            refused.formUnion(blamed)
            for number in blamed { active[number] = nil }
        }
    }

    // MARK: - Runs

    /// Runs `mutant`'s chapter at each seed until its exercise's hidden check fails.
    func outcome(of mutant: Mutant, number: Int, chapter: ChapterInfo, bin: URL, timeout: Double) -> MutantTable.Outcome {
        var result = MutantTable.Outcome(id: mutant.id, exercise: mutant.exercise, kind: mutant.kind.rawValue,
                                         description: mutant.description, compiles: true, changesResult: false,
                                         seedsRun: 0, visibleFail: false, blamed: false, status: "", failures: [])
        // The chapter's own checks do not depend on the seed: one run of them,
        // then its hidden checks alone (`HiddenChecks.runAlone`) seed by seed.
        let own = runChapter(chapter, bin: bin, mutant: number, seed: nil, timeout: timeout)
        for seed in seeds {
            let hidden = runChapter(chapter, bin: bin, mutant: number, seed: seed, timeout: timeout)
            result.seedsRun += 1
            result.status = own.status.label
            result.judge((own.record?.checks ?? []) + (hidden.record?.checks ?? []), messageLength: messageLength)
            if result.changesResult { break }
        }
        return result
    }

    /// One run of `chapter`'s built program with `mutant`: its own checks, or
    /// with a hidden `seed` its hidden checks alone.
    func runChapter(_ chapter: ChapterInfo, bin: URL, mutant: Int, seed: UInt32?, timeout: Double) -> ChapterRun {
        var runner = ChapterRunner(binFolder: bin, outputFolder: runs, recordFolder: runs, timeout: timeout, echo: false,
                                   resumingIn: copy)
        runner.launcher = { program, environment, handOff in
            var environment = environment
            environment[MutantSchema.environmentKey] = String(mutant)
            var handOff = handOff
            handOff.hiddenSeed = seed
            handOff.hiddenChecksAlone = seed != nil
            return ChapterLaunch(executable: program, arguments: [], environment: environment, handOff: handOff)
        }
        return runner.run(chapter)
    }
}
