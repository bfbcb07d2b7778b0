/// A small seeded pseudo-random generator (SplitMix64) whose output is fixed by its seed.
///
/// The sample exports must be byte-identical for the same seed on every machine and Swift
/// version, so the generator never uses the system random source nor the standard library's
/// `random(in:using:)`, whose algorithm may change between releases: every draw goes through
/// the methods below, whose arithmetic is spelled out here.
public struct SplitMix64: Sendable {
    private var state: UInt64

    /// A generator that starts from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one independent stream of draws, such as one day of one export.
    ///
    /// Deriving a fresh generator per day and per export means a record's content depends only
    /// on the seed and its place, never on how many draws other files made: the December export
    /// can regenerate the June records without keeping them in memory.
    public init(seed: UInt64, stream: UInt64, index: UInt64 = 0) {
        var mixer = SplitMix64(seed: seed ^ 0x5851_F42D_4C95_7F2D)
        let first = mixer.next()
        var streamMixer = SplitMix64(seed: first ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        let second = streamMixer.next()
        state = second ^ (index &* 0xD1B5_4A32_D192_ED03)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A uniform integer in `range` (both ends included).
    ///
    /// Uses a 128-bit multiply of a 64-bit draw by the range's width (Lemire's method without
    /// the rejection step); the bias is below 2^-40 for the small ranges used here.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) &+ 1
        if width == 0 { return Int(bitPattern: UInt(next())) }
        let scaled = next().multipliedFullWidth(by: width).high
        return range.lowerBound + Int(scaled)
    }

    /// A uniform double in [0, 1), from the top 53 bits of a draw.
    public mutating func unitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        unitInterval() < probability
    }

    /// A uniformly chosen element of a non-empty array.
    public mutating func element<T>(of array: [T]) -> T {
        array[int(in: 0...(array.count - 1))]
    }

    /// An index chosen with probability proportional to `weights` (non-negative, not all zero).
    public mutating func index(weightedBy weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var draw = int(in: 0...(total - 1))
        for (index, weight) in weights.enumerated() {
            if draw < weight { return index }
            draw -= weight
        }
        return weights.count - 1
    }

    /// An element chosen with probability proportional to its weight.
    public mutating func element<T>(weighted table: [(T, Int)]) -> T {
        table[index(weightedBy: table.map(\.1))].0
    }
}
