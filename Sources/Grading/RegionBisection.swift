/// Finds the region behind a build that breaks down (`BuildBreakdown`) by
/// building with halves of the suspects stubbed.
///
/// Each trial stubs the first half of the suspects and keeps everything else:
/// if the build still breaks down, the cause lies in the other half; if not, in
/// the half stubbed. Compile errors do not count as breaking down (the grader
/// stubs those regions by their errors afterwards). At most `maximumBuilds`
/// trials, so 32 suspects at most are told apart; with more, or when the
/// trials run out of time, what is left is reported as suspects together.
struct RegionBisection<Region: Hashable & Sendable> {
    /// Extra builds one submission's bisection may cost.
    static var maximumBuilds: Int { 5 }

    /// The suspects still standing, in their order: one when the culprit was
    /// found. `breaksDown(stubbed)` builds with `stubbed` (and what was stubbed
    /// before) stubbed and tells whether it broke down again, or nil when it
    /// could not tell (no time left), which ends the search.
    /// `lastTrialStubbedOnly` is true when the last trial built with exactly the
    /// one suspect found stubbed and did not break down: that build is the one
    /// the grader would make next, and need not be repeated.
    static func search(among suspects: [Region], maximumBuilds: Int = maximumBuilds,
                       breaksDown: ([Region]) throws -> Bool?) rethrows -> (suspects: [Region], lastTrialStubbedOnly: Bool) {
        var suspects = suspects
        var builds = 0
        var lastTrialStubbedOnly = false
        while suspects.count > 1, builds < maximumBuilds {
            let half = Array(suspects.prefix(suspects.count / 2))
            guard let broke = try breaksDown(half) else { break }
            builds += 1
            suspects = broke ? Array(suspects.dropFirst(half.count)) : half
            lastTrialStubbedOnly = !broke && half.count == 1
        }
        return (suspects, lastTrialStubbedOnly)
    }
}
