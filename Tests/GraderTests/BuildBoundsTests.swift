import Foundation
import Testing
@testable import Grading

/// How long a submission's build may take, and that the worst submission still
/// fits Gradescope's default limit.
struct BuildBoundsTests {
    @Test func aBuildMayTakeThreeTimesTheReferencesWithinItsFloorAndCap() {
        let settings = GraderSettings(packageRoot: URL(fileURLWithPath: "/tmp/p"), output: URL(fileURLWithPath: "/tmp/o"))
        #expect(settings.submissionBuildLimit(referenceSeconds: 20) == 60)
        #expect(settings.submissionBuildLimit(referenceSeconds: 1) == GraderSettings.minimumBuildTime,
                "a reference build that recompiled nothing")
        #expect(settings.submissionBuildLimit(referenceSeconds: 75) == 180, "a reference built from scratch")
        var gradescope = settings
        gradescope.buildTimeLimit = 30
        #expect(gradescope.submissionBuildLimit(referenceSeconds: 1) == 30)
    }

    @Test func theWorstSubmissionFitsGradescopesDefaultLimit() {
        let settings = AutograderBundle.Settings(swiftVersion: "6.3.1")
        #expect(settings.worstCaseSeconds == Int(SubmissionBuild.budgetFactor) * 30 + 10 * 40)
        // The reference run takes about 13 s at half a CPU; Gradescope's default is 10 minutes.
        #expect(settings.worstCaseSeconds + 13 < settings.gradingTimeLimit && settings.gradingTimeLimit < 600)
        #expect(settings.conf.contains(#"BUILD_TIME_LIMIT="${BUILD_TIME_LIMIT:-30}""#))
    }
}
