import Foundation

/// Stops a program that reached an exercise the learner has not written yet.
///
/// The learner edition puts a call to this in place of every solution, so that
/// running a chapter says which exercise is open, where to write it and which
/// chapter explains it, instead of crashing with a trace. The exit status 3
/// tells the workbook that the chapter stopped at an open exercise, not at a bug.
public func exerciseNotDone(_ number: String, _ name: String, chapter: Int, file: String = #fileID) -> Never {
    let message = """

        ✎ Exercise \(number) (\(name)) is still open.
          Write it in Sources/\(file), between the BEGIN SOLUTION and END SOLUTION
          markers under "Exercise \(number)"; chapter \(chapter) explains it
          (./workbook list shows where each chapter lives).

        """
    FileHandle.standardError.write(Data(message.utf8))
    exit(exerciseNotDoneExitStatus)
}

/// The exit status of a program stopped by `exerciseNotDone`.
public let exerciseNotDoneExitStatus: Int32 = 3
