/// A small deterministic random number generator (SplitMix64) for the dataset.
///
/// The same seed gives the same numbers on every machine and Swift version: the dataset
/// depends only on `--seed` and `--as-of`. The helpers below do their own arithmetic instead
/// of the standard library's `random(in:using:)`, whose algorithm is not promised to stay.
struct SeedRandom: RandomNumberGenerator {
    private var state: UInt64

    /// A generator for one stream of the dataset: `stream` keeps tables independent, so
    /// adding rows to one table does not change another.
    init(seed: UInt64, stream: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stream.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        state = seed ^ hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `0..<bound` (bound > 0).
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// A whole number in `range`.
    mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// A number in `0..<1`.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// True with probability `share`.
    mutating func chance(_ share: Double) -> Bool {
        unit() < share
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }
}
