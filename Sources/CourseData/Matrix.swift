import Foundation

/// A matrix of doubles stored row by row, with just the operations the course uses.
///
/// Column vectors are `n×1` matrices, as in the course: an input `x`, a bias `b`,
/// a layer's output `a`. The operators are chosen so that code reads like the
/// course's formulas: `*` is the matrix product, `⊙` the element-wise product,
/// `.transposed` the transpose, `α * M` a scalar multiple.
public struct Matrix: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    /// The entries, row after row (row-major, like NumPy's default).
    public var elements: [Double]

    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(rows >= 0 && columns >= 0, "a matrix cannot have negative size")
        precondition(elements.count == rows * columns,
                     "\(rows)×\(columns) matrix needs \(rows * columns) elements, got \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.init(rows: rows, columns: columns, elements: Array(repeating: value, count: rows * columns))
    }

    /// A matrix from its rows: `Matrix([[1, 2], [3, 4]])`.
    public init(_ rowArrays: [[Double]]) {
        let columns = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columns }, "every row needs \(columns) entries")
        self.init(rows: rowArrays.count, columns: columns, elements: rowArrays.flatMap { $0 })
    }

    /// A column vector (`n×1`): `Matrix(column: [0.5, 0.2, -0.8])`.
    public init(column values: [Double]) {
        self.init(rows: values.count, columns: 1, elements: values)
    }

    public subscript(row: Int, column: Int) -> Double {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    /// (rows, columns), as NumPy's `shape`.
    public var shape: (rows: Int, columns: Int) { (rows, columns) }

    /// The rows as arrays, handy for printing and JSON.
    public var rowArrays: [[Double]] {
        (0..<rows).map { Array(elements[($0 * columns)..<(($0 + 1) * columns)]) }
    }

    /// Mᵀ
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for r in 0..<rows {
            for c in 0..<columns {
                result.elements[c * rows + r] = elements[r * columns + c]
            }
        }
        return result
    }

    /// Applies `transform` to every entry.
    public func map(_ transform: (Double) throws -> Double) rethrows -> Matrix {
        Matrix(rows: rows, columns: columns, elements: try elements.map(transform))
    }

    /// The one entry of a 1×1 matrix, such as the network's output ŷ.
    public var scalar: Double {
        precondition(rows == 1 && columns == 1, "scalar needs a 1×1 matrix, this one is \(rows)×\(columns)")
        return elements[0]
    }
}

infix operator ⊙: MultiplicationPrecedence

/// Why A·B has no meaning for these shapes, and which transpose would give it one.
private func productMismatch(_ lhs: Matrix, _ rhs: Matrix) -> String {
    var message = "cannot multiply \(lhs.rows)×\(lhs.columns) by \(rhs.rows)×\(rhs.columns): "
        + "the left one's columns (\(lhs.columns)) must equal the right one's rows (\(rhs.rows))"
    if lhs.columns == rhs.columns {
        message += "; a .transposed missing on the right?"
    } else if lhs.rows == rhs.rows {
        message += "; the two in the wrong order, or a .transposed missing on the left?"
    }
    return message
}

extension Matrix {
    /// The matrix product A·B, summed left to right as NumPy's `@` would on paper.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.columns == rhs.rows, productMismatch(lhs, rhs))
        var result = Matrix(rows: lhs.rows, columns: rhs.columns)
        for i in 0..<lhs.rows {
            for j in 0..<rhs.columns {
                var sum = 0.0
                for k in 0..<lhs.columns {
                    sum += lhs.elements[i * lhs.columns + k] * rhs.elements[k * rhs.columns + j]
                }
                result.elements[i * rhs.columns + j] = sum
            }
        }
        return result
    }

    /// The element-wise (Hadamard) product A ⊙ B.
    public static func ⊙ (lhs: Matrix, rhs: Matrix) -> Matrix {
        elementwise(lhs, rhs, "⊙", *)
    }

    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
        elementwise(lhs, rhs, "+", +)
    }

    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
        elementwise(lhs, rhs, "-", -)
    }

    public static func * (scalar: Double, matrix: Matrix) -> Matrix {
        matrix.map { scalar * $0 }
    }

    public static func -= (lhs: inout Matrix, rhs: Matrix) {
        lhs = lhs - rhs
    }

    private static func elementwise(
        _ lhs: Matrix, _ rhs: Matrix, _ symbol: String, _ operation: (Double, Double) -> Double
    ) -> Matrix {
        precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns,
                     "\(lhs.rows)×\(lhs.columns) \(symbol) \(rhs.rows)×\(rhs.columns): shapes differ")
        return Matrix(rows: lhs.rows, columns: lhs.columns,
                      elements: zip(lhs.elements, rhs.elements).map(operation))
    }
}

extension NumPyRandom {
    /// `np.random.uniform(low, high, (rows, columns))`, filled row by row.
    public mutating func uniform(_ low: Double, _ high: Double, rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: uniform(low, high, count: rows * columns))
    }
}

extension Matrix: CustomStringConvertible {
    /// Rows in brackets with eight significant digits, as NumPy prints arrays.
    public var description: String {
        let body = rowArrays.map { row in
            "[" + row.map { String(format: "%.8g", $0) }.joined(separator: ", ") + "]"
        }
        return "[" + body.joined(separator: ",\n ") + "]"
    }
}
