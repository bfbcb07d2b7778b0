import Testing
@testable import AnnualReturn

/// The seeded generator: its output is pinned, so the sample files cannot drift silently.
struct SplitMix64Tests {
    @Test func matchesTheReferenceSequence() {
        // The first outputs of the reference SplitMix64 for seed 0.
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(random.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func streamsAreIndependentAndRepeatable() {
        var first = SplitMix64(seed: 2022, stream: Streams.inspectionDay, index: 5)
        var again = SplitMix64(seed: 2022, stream: Streams.inspectionDay, index: 5)
        var otherDay = SplitMix64(seed: 2022, stream: Streams.inspectionDay, index: 6)
        var otherStream = SplitMix64(seed: 2022, stream: Streams.penaltyDay, index: 5)
        let value = first.next()
        #expect(value == again.next())
        #expect(value != otherDay.next())
        #expect(value != otherStream.next())
    }

    @Test(arguments: [0...0, 1...6, -3...3, 8...15, 0...999])
    func integersStayInTheirRange(_ range: ClosedRange<Int>) {
        var random = SplitMix64(seed: 99)
        var seen = Set<Int>()
        for _ in 0..<5_000 {
            let value = random.int(in: range)
            #expect(range.contains(value))
            seen.insert(value)
        }
        if range.count <= 16 { #expect(seen.count == range.count) }
    }

    @Test func weightsAreRespected() {
        var random = SplitMix64(seed: 1)
        var counts = [0, 0, 0]
        for _ in 0..<10_000 { counts[random.index(weightedBy: [1, 0, 3])] += 1 }
        #expect(counts[1] == 0)
        #expect((2_200...2_800).contains(counts[0]))
        #expect((7_200...7_800).contains(counts[2]))
    }

    @Test func unitIntervalIsHalfOpen() {
        var random = SplitMix64(seed: 3)
        for _ in 0..<10_000 {
            let value = random.unitInterval()
            #expect(value >= 0 && value < 1)
        }
    }
}
