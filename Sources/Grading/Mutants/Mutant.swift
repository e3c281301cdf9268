import Workbook

/// One single-edit change of a reference solution: the code a learner would
/// have written had they made that one slip.
public struct Mutant: Equatable, Sendable {
    /// What kind of edit made it.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case operatorSwapped = "operator"
        case operandReplaced = "operand"
        case constantChanged = "constant"
        case statementsSwapped = "statements"
        case callLeftOut = "call-left-out"
        case callTwice = "call-twice"
        case memberLeftOut = "member-left-out"
        case indexOffByOne = "index"
        case argumentsSwapped = "arguments"
        case parenthesesMoved = "parentheses"
        /// Two of the above at once: made only to measure causes (`SlipMeasure`).
        case twoEdits = "two-edits"
        /// No edit: a second solution run as it is, to see that it is correct.
        case unchanged
    }

    /// Stable while the region stays the same: the exercise, the kind and a hash
    /// of the mutated body ("7.1-statements-3f2a9c01").
    public var id: String
    /// "7.1"
    public var exercise: String
    public var kind: Kind
    /// One line in the course's notation: "`−` instead of `+` (line 2)".
    public var description: String
    /// The region's body with the edit made, its indentation removed.
    public var body: String

    public init(exercise: String, kind: Kind, description: String, body: String) {
        self.exercise = exercise
        self.kind = kind
        self.description = description
        self.body = body
        id = "\(exercise)-\(kind.rawValue)-\(StableHash.hex(exercise + "\u{0}" + body).prefix(8))"
    }
}
