/// How the grader hands the hidden checks the seed of their inputs: drawn for
/// each grading run, passed to every chapter in this environment variable.
public enum HiddenCheckSeed {
    public static let environmentKey = "WORKBOOK_HIDDEN_SEED"
}
