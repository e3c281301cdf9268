import Workbook

extension ChapterRun {
    /// This run of a chapter's own checks with the checks of its hidden-checks
    /// run (`HiddenChecks.runAlone`) after them, where the chapter used to run
    /// them: one record, as the reference's lists them. The chapter's status is
    /// its own run's, but that a chapter whose own checks passed fails when a
    /// hidden check does not pass, and tampering in either run is tampering.
    /// The output is the own run's: the hidden run's names checks learners never see.
    func joined(withHiddenChecksOf hidden: ChapterRun) -> ChapterRun {
        var joined = self
        var record = self.record ?? ChapterRecord(chapter: info.number, title: info.title)
        record.checks += hidden.record?.checks ?? []
        joined.record = record
        joined.seconds += hidden.seconds
        if case .tamperingSuspected = hidden.status {
            joined.status = hidden.status
        } else if status == .passed, hidden.status != .passed || !record.checks.allSatisfy(\.passed) {
            joined.status = .failed
        }
        return joined
    }
}
