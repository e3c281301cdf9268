/// Which of a data file's columns a model was trained on, kept in the model file
/// (`"columns"`) so that `workbook predict` finds them again by name, in files that
/// still hold left-out columns, and writes predictions in the file's own labels.
public struct DataColumns: Codable, Equatable, Sendable {
    /// The feature columns' header names, in the order the network takes them.
    public var features: [String]
    /// The label column's header name.
    public var label: String
    /// The label value read as class 1 and the one read as class 0, when the labels
    /// were written as words (`M`/`B`, `yes`/`no`); nil for labels written 0 and 1.
    public var positive: String?
    public var negative: String?
    /// Columns left out with `--ignore`.
    public var ignored: [String]

    public init(features: [String], label: String, positive: String? = nil, negative: String? = nil,
                ignored: [String] = []) {
        self.features = features
        self.label = label
        self.positive = positive
        self.negative = negative
        self.ignored = ignored
    }

    /// A label as the file wrote it: `M` for class 1 when the labels were words.
    public func labelText(forClass value: Int) -> String {
        if let positive, let negative { return value == 1 ? positive : negative }
        return String(value)
    }
}

/// How `workbook train` reads a data file's columns: `--label`, `--ignore`, `--positive`.
public struct ColumnChoice: Sendable, Equatable {
    /// The label column by header name or by number from 1; nil for the last column.
    public var label: String?
    /// Columns to leave out, by header name or number from 1.
    public var ignore: [String]
    /// The label value that is class 1, for labels written as two words.
    public var positive: String?

    public init(label: String? = nil, ignore: [String] = [], positive: String? = nil) {
        self.label = label
        self.ignore = ignore
        self.positive = positive
    }

    /// Nothing asked: every column but the last a feature, the last the label 0 or 1.
    public var isDefault: Bool { label == nil && ignore.isEmpty && positive == nil }
}
