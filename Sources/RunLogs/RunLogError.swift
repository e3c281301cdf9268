/// A log `workbook plot` cannot draw, or an option that does not fit it: one line
/// naming the file and the line and column, or the columns found.
public struct RunLogError: Error, CustomStringConvertible, Equatable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
