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
        map.reserveCapacity(0)
        #expect(map.capacity == 0)  // room for nothing takes no memory
        map.reserveCapacity(10)
        #expect(map.capacity >= 14)
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

    /// Growing by half keeps a map between half and three quarters full (doubling left it as
    /// little as three eighths full): the key table's memory is its slots.
    @Test func aGrowingMapStaysBetweenHalfAndThreeQuartersFull() {
        var map = FlatHashMap<SpreadKey, Int32>()
        var fills: [Double] = []
        for value in 0..<200_000 as Range<UInt32> {
            map.updateValue(Int32(truncatingIfNeeded: value), forKey: SpreadKey(value: value))
            if value >= 64 { fills.append(Double(map.count) / Double(map.capacity)) }
        }
        #expect(fills.min()! >= 0.49 && fills.max()! <= 0.75)
    }

    /// A map sized ahead for its keys takes them without growing and ends three quarters full;
    /// reserving a little more at a time still grows it by half, not a slot at a time.
    @Test func aMapSizedAheadEndsThreeQuartersFull() {
        var map = FlatHashMap<SpreadKey, Int32>()
        map.reserveCapacity(100_000)
        let capacity = map.capacity
        for value in 0..<100_000 as Range<UInt32> { map.updateValue(0, forKey: SpreadKey(value: value)) }
        #expect(map.capacity == capacity)
        #expect(Double(map.count) / Double(map.capacity) >= 0.74)
        var growing = FlatHashMap<SpreadKey, Int32>()
        var capacities: Set<Int> = []
        for count in stride(from: 1_000, through: 100_000, by: 1_000) {
            growing.reserveCapacity(count)
            capacities.insert(growing.capacity)
        }
        #expect(capacities.count < 15)
    }

    /// A copy is a value: changing either map — growing, replacing, removing — leaves the other
    /// as it was, and so does a sequence of entries taken before.
    @Test func aCopyIsUnchangedByChangesToTheOriginal() {
        var original = FlatHashMap<SpreadKey, Int>()
        for value in 0..<20 as Range<UInt32> { original.updateValue(Int(value), forKey: SpreadKey(value: value)) }
        let copy = original
        let entriesBefore = original.entries
        for value in 0..<1_000 as Range<UInt32> { original.updateValue(-1, forKey: SpreadKey(value: value)) }
        original.removeValue(forKey: SpreadKey(value: 3))
        original.modifyValue(forKey: SpreadKey(value: 4), initial: 0) { $0 = 99 }
        #expect(copy.count == 20 && original.count == 999)
        #expect((0..<20 as Range<UInt32>).allSatisfy { copy[SpreadKey(value: $0)] == Int($0) })
        #expect(entriesBefore.map(\.value).sorted() == Array(0..<20))
        var second = copy
        second.removeValue(forKey: SpreadKey(value: 0))
        #expect(copy[SpreadKey(value: 0)] == 0 && second[SpreadKey(value: 0)] == nil)
    }

    final class Payload {
        let number: Int
        init(_ number: Int) { self.number = number }
    }

    /// Values that own memory live exactly as long as the map holds them: none is released
    /// while its entry is there (through growth and backward shifts), each replaced or removed
    /// one is released then, and the rest when the map goes.
    @Test func valuesAreReleasedWhenReplacedRemovedOrTheMapGoes() {
        var watched: [Int: Weak] = [:]
        do {
            var map = FlatHashMap<CollidingKey, Payload>()
            for number in 0..<200 {
                let payload = Payload(number)
                watched[number] = Weak(payload)
                map.updateValue(payload, forKey: CollidingKey(value: number % 60))
            }
            // Keys 0..<60 hold the last payload written under them: numbers 140..<200.
            #expect(watched.filter { $0.value.object != nil }.keys.sorted() == Array(140..<200))
            for value in stride(from: 0, to: 60, by: 3) { map.removeValue(forKey: CollidingKey(value: value)) }
            #expect(watched.filter { $0.value.object != nil }.count == 40)
            #expect((0..<60).allSatisfy { value in
                map[CollidingKey(value: value)]?.number == (value % 3 == 0 ? nil : value < 20 ? value + 180 : value + 120)
            })
        }
        #expect(watched.allSatisfy { $0.value.object == nil })
    }

    struct Weak {
        weak var object: Payload?
        init(_ object: Payload) { self.object = object }
    }
}

