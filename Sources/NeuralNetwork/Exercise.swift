import Foundation

/// Stops a program that reached an exercise the learner has not written yet.
///
/// The learner edition puts a call to this in place of every solution, so that
/// running a chapter says which exercise is open and where to read about it,
/// instead of crashing with a trace. The exit status 3 tells the workbook that
/// the chapter stopped at an open exercise rather than at a bug.
public func exerciseNotDone(_ number: String, _ name: String, chapter: Int) -> Never {
    let message = """

        ✎ Exercise \(number) (\(name)) is still open.
          Read chapter \(chapter) (Chapters/\(String(format: "%02d", chapter))-…/main.swift), \
        write the code between the markers, and run the chapter again.

        """
    FileHandle.standardError.write(Data(message.utf8))
    exit(exerciseNotDoneExitStatus)
}

/// The exit status of a program stopped by `exerciseNotDone`.
public let exerciseNotDoneExitStatus: Int32 = 3
