extension Canvas {
    /// What is wrong with the placement of the texts drawn so far: each one
    /// that leaves the image, and each pair whose boxes overlap by more than a
    /// pixel both ways. Empty when every string is inside and clear of the others.
    public var textLayoutProblems: [String] {
        var problems: [String] = []
        for (text, box) in drawnTexts
        where box.minX < 0 || box.minY < 0 || box.maxX > Double(width) || box.maxY > Double(height) {
            problems.append("\"\(text)\" leaves the image: \(box)")
        }
        for first in drawnTexts.indices {
            for second in drawnTexts.indices where second > first {
                let a = drawnTexts[first].box, b = drawnTexts[second].box
                let overlapX = min(a.maxX, b.maxX) - max(a.minX, b.minX), overlapY = min(a.maxY, b.maxY) - max(a.minY, b.minY)
                if overlapX > 1 && overlapY > 1 {
                    problems.append("\"\(drawnTexts[first].text)\" overlaps \"\(drawnTexts[second].text)\"")
                }
            }
        }
        return problems
    }
}
