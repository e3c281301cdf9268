extension DataSet {
    /// A test part drawn at random but stratified by class: of the n_c samples of
    /// class c, round(n_c · testFraction) test, chosen as the first ones of
    /// `generator.permutation(n_c)` over that class's samples in file order
    /// (class 0 first). Both parts keep file order.
    ///
    /// Use a generator of its own, so that the draws of the weights and the
    /// epochs' shuffles stay those of the course.
    public func stratifiedSplit(testFraction: Double, generator: inout NumPyRandom) -> (train: DataSet, test: DataSet) {
        precondition((0..<1).contains(testFraction), "the test fraction must be in [0, 1)")
        var isTest = [Bool](repeating: false, count: count)
        for label in Set(labels).sorted() {
            let members = labels.indices.filter { labels[$0] == label }
            let testCount = Int((Double(members.count) * testFraction).rounded())
            for position in generator.permutation(members.count).prefix(testCount) {
                isTest[members[position]] = true
            }
        }
        let train = indices(where: { !isTest[$0] }), test = indices(where: { isTest[$0] })
        return (reordered(by: train), reordered(by: test))
    }

    private func indices(where keep: (Int) -> Bool) -> [Int] { (0..<count).filter(keep) }
}
