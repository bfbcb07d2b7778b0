/// A key whose 64-bit hash is already well spread, or cheap to spread: a digest, an interned
/// number. ``FlatHashMap`` uses it as it is, without running a hasher.
protocol FlatHashable: Equatable {
    var flatHash: UInt64 { get }
}

/// A hash map in one flat array — open addressing, linear probing, at most three quarters
/// full — for the pipeline's largest tables: the key table (a digest per record key), the
/// enterprise reference table (a digest per distinct enterprise) and the tallies' sets of
/// enterprise references (an interned number each).
///
/// `Dictionary` runs SipHash over every key on every lookup and again on every resize; these
/// keys need none, and for the millions of lookups a large run makes, that was a large part
/// of the booking thread's time. Iteration order depends on the keys' hashes, so it is
/// arbitrary, as a `Dictionary`'s is: callers sort what they write.
struct FlatHashMap<Key: FlatHashable, Value> {
    fileprivate struct Slot {
        var key: Key
        var value: Value
    }

    private var slots: [Slot?] = []
    /// 64 − log2(slots.count): the shift that turns a product into a slot index.
    private var shift = 64
    private(set) var count = 0

    init() {}

    var isEmpty: Bool { count == 0 }

    subscript(key: Key) -> Value? {
        guard let index = find(key) else { return nil }
        return slots[index]!.value
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    /// Stores `value` under `key` and returns the value it replaced, if any.
    @discardableResult
    mutating func updateValue(_ value: Value, forKey key: Key) -> Value? {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        var index = home(of: key)
        while let slot = slots[index] {
            if slot.key == key {
                slots[index]!.value = value
                return slot.value
            }
            index = (index + 1) & (slots.count - 1)
        }
        slots[index] = Slot(key: key, value: value)
        count += 1
        return nil
    }

    /// Changes the value under `key` in place — `initial` first if there is none — with one
    /// probe, and returns the changed value.
    @discardableResult
    mutating func modifyValue(forKey key: Key, initial: Value, _ change: (inout Value) -> Void) -> Value {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        var index = home(of: key)
        while let slot = slots[index] {
            if slot.key == key {
                change(&slots[index]!.value)
                return slots[index]!.value
            }
            index = (index + 1) & (slots.count - 1)
        }
        var value = initial
        change(&value)
        slots[index] = Slot(key: key, value: value)
        count += 1
        return value
    }

    /// Removes `key` and returns its value, if it was there.
    @discardableResult
    mutating func removeValue(forKey key: Key) -> Value? {
        guard var hole = find(key) else { return nil }
        let removed = slots[hole]!.value
        slots[hole] = nil
        count -= 1
        // Backward-shift deletion: every later entry of the run that could live in the hole
        // moves into it, so a lookup never stops early at a gap.
        let mask = slots.count - 1
        var next = (hole + 1) & mask
        while let slot = slots[next] {
            if (next - home(of: slot.key)) & mask >= (next - hole) & mask {
                slots[hole] = slot
                slots[next] = nil
                hole = next
            }
            next = (next + 1) & mask
        }
        return removed
    }

    /// Makes room for `capacity` entries without growing again.
    mutating func reserveCapacity(_ capacity: Int) {
        while capacity * 4 > slots.count * 3 { grow() }
    }

    /// Every entry, in no particular order.
    var entries: Entries { Entries(slots: slots) }

    struct Entries: Sequence {
        fileprivate let slots: [Slot?]

        func makeIterator() -> Iterator { Iterator(slots: slots) }

        struct Iterator: IteratorProtocol {
            fileprivate let slots: [Slot?]
            private var index = 0

            fileprivate init(slots: [Slot?]) { self.slots = slots }

            mutating func next() -> (key: Key, value: Value)? {
                while index < slots.count {
                    defer { index += 1 }
                    if let slot = slots[index] { return (slot.key, slot.value) }
                }
                return nil
            }
        }
    }

    private func find(_ key: Key) -> Int? {
        guard !slots.isEmpty else { return nil }
        var index = home(of: key)
        while let slot = slots[index] {
            if slot.key == key { return index }
            index = (index + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Where `key`'s probe starts: Fibonacci hashing, the high bits of the hash times 2⁶⁴/φ,
    /// which spreads even consecutive numbers over the table.
    private func home(of key: Key) -> Int {
        shift == 64 ? 0 : Int(truncatingIfNeeded: (key.flatHash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    private mutating func grow() {
        let old = slots
        let capacity = max(8, old.count * 2)
        slots = Array(repeating: nil, count: capacity)
        shift = 64 - capacity.trailingZeroBitCount
        let mask = capacity - 1
        for case let slot? in old {
            var index = home(of: slot.key)
            while slots[index] != nil { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}

extension FlatHashMap: Sendable where Key: Sendable, Value: Sendable {}
extension FlatHashMap.Slot: Sendable where Key: Sendable, Value: Sendable {}
