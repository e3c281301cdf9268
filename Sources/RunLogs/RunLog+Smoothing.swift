import Foundation

extension RunLog {
    /// The exponential moving average with its start-up bias corrected, as TensorBoard's
    /// smoothing slider computes it: m_t = S·m_(t−1) + (1 − S)·v_t from m_0 = 0, shown as
    /// m_t / (1 − S^t), t counting the finite values so far. The correction keeps the first
    /// values from being pulled towards 0. A gap (NaN) stays a gap and does not count.
    /// `weight` S is in [0, 1); 0 returns the values unchanged.
    public static func smoothed(_ values: [Double], weight: Double) -> [Double] {
        var average = 0.0
        var correction = 1.0
        return values.map { value in
            guard value.isFinite else { return .nan }
            average = weight * average + (1 - weight) * value
            correction *= weight
            return average / (1 - correction)
        }
    }
}
