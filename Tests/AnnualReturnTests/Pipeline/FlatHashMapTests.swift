import PropertyBased
import Testing
@testable import AnnualReturn

/// The flat hash map behaves as a `Dictionary` does, through any mix of insertions,
/// replacements and removals — with keys whose hashes collide on purpose, so probe runs form,
/// wrap around the table's end and close up again when an entry leaves.
struct FlatHashMapTests {
    struct CollidingKey: FlatHashable, Hashable {
        var value: Int
        /// Only five hashes for every key: long runs of neighbours.
        var flatHash: UInt64 { UInt64(value % 5) }
    }

    struct SpreadKey: FlatHashable, Hashable {
        var value: UInt32
        var flatHash: UInt64 { UInt64(value) }
    }

    /// An operation from `code`: insert or replace, change in place, or remove a key of a
    /// small range.
    static func apply(_ code: Int, to map: inout FlatHashMap<CollidingKey, Int>, _ reference: inout [CollidingKey: Int]) {
        let key = CollidingKey(value: (code / 4) % 40)
        switch code % 4 {
        case 0, 1:
            #expect(map.updateValue(code, forKey: key) == reference.updateValue(code, forKey: key))
        case 2:
            reference[key, default: 7] += code
            #expect(map.modifyValue(forKey: key, initial: 7) { $0 += code } == reference[key])
        default:
            #expect(map.removeValue(forKey: key) == reference.removeValue(forKey: key))
        }
    }

    @Test func collidingKeysBehaveAsInADictionary() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...10_000).array(of: 0...300)) { codes in
            var map = FlatHashMap<CollidingKey, Int>()
            var reference: [CollidingKey: Int] = [:]
            for code in codes {
                Self.apply(code, to: &map, &reference)
                #expect(map.count == reference.count)
            }
            for value in 0..<40 {
                let key = CollidingKey(value: value)
                #expect(map[key] == reference[key])
                #expect(map.contains(key) == (reference[key] != nil))
            }
            #expect(Dictionary(uniqueKeysWithValues: map.entries.map { ($0.key, $0.value) }) == reference)
        }
    }

    @Test func manyConsecutiveNumbersGrowAndEmptyAgain() {
        var map = FlatHashMap<SpreadKey, Int32>()
        map.reserveCapacity(10)
        for value in 0..<50_000 as Range<UInt32> { map.updateValue(Int32(value), forKey: SpreadKey(value: value)) }
        #expect(map.count == 50_000)
        #expect(map[SpreadKey(value: 49_999)] == 49_999)
        #expect(map[SpreadKey(value: 50_000)] == nil)
        for value in stride(from: 0, to: 50_000, by: 2) as StrideTo<UInt32> { map.removeValue(forKey: SpreadKey(value: value)) }
        #expect(map.count == 25_000)
        #expect((0..<50_000 as Range<UInt32>).allSatisfy { map.contains(SpreadKey(value: $0)) == ($0 % 2 == 1) })
        for value in 0..<50_000 as Range<UInt32> { map.removeValue(forKey: SpreadKey(value: value)) }
        #expect(map.isEmpty && map.entries.allSatisfy { _ in false })
    }
}
