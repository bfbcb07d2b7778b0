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
///
/// Which slots hold an entry is kept in a bitmap beside them, not as an optional in each
/// slot: an optional's tag byte rounds a 32-byte key-table slot up to 40, a fifth more memory
/// for the largest table a run holds. A value type, copied on write like `Array`.
struct FlatHashMap<Key: FlatHashable, Value> {
    fileprivate struct Slot {
        var key: Key
        var value: Value
    }

    /// Nil until the first entry.
    private var storage: Storage?
    /// 64 − log2(capacity): the shift that turns a product into a slot index.
    private var shift = 64
    private(set) var count = 0

    init() {}

    var isEmpty: Bool { count == 0 }

    private var capacity: Int { storage?.capacity ?? 0 }

    subscript(key: Key) -> Value? {
        guard let index = find(key) else { return nil }
        return storage!.slots[index].value
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    /// Stores `value` under `key` and returns the value it replaced, if any.
    @discardableResult
    mutating func updateValue(_ value: Value, forKey key: Key) -> Value? {
        let storage = prepareToAdd()
        let mask = storage.capacity - 1
        var index = home(of: key)
        while storage.isOccupied(index) {
            if storage.slots[index].key == key {
                let old = storage.slots[index].value
                storage.slots[index].value = value
                return old
            }
            index = (index + 1) & mask
        }
        storage.occupy(index, with: Slot(key: key, value: value))
        count += 1
        return nil
    }

    /// Changes the value under `key` in place — `initial` first if there is none — with one
    /// probe, and returns the changed value.
    @discardableResult
    mutating func modifyValue(forKey key: Key, initial: Value, _ change: (inout Value) -> Void) -> Value {
        let storage = prepareToAdd()
        let mask = storage.capacity - 1
        var index = home(of: key)
        while storage.isOccupied(index) {
            if storage.slots[index].key == key {
                change(&storage.slots[index].value)
                return storage.slots[index].value
            }
            index = (index + 1) & mask
        }
        var value = initial
        change(&value)
        storage.occupy(index, with: Slot(key: key, value: value))
        count += 1
        return value
    }

    /// Removes `key` and returns its value, if it was there.
    @discardableResult
    mutating func removeValue(forKey key: Key) -> Value? {
        guard var hole = find(key) else { return nil }
        let storage = uniqueStorage()
        let removed = storage.vacate(hole).value
        count -= 1
        // Backward-shift deletion: every later entry of the run that could live in the hole
        // moves into it, so a lookup never stops early at a gap.
        let mask = storage.capacity - 1
        var next = (hole + 1) & mask
        while storage.isOccupied(next) {
            if (next - home(of: storage.slots[next].key)) & mask >= (next - hole) & mask {
                storage.occupy(hole, with: storage.vacate(next))
                hole = next
            }
            next = (next + 1) & mask
        }
        return removed
    }

    /// Makes room for `capacity` entries without growing again.
    mutating func reserveCapacity(_ capacity: Int) {
        var target = max(8, self.capacity)
        while capacity * 4 > target * 3 { target *= 2 }
        if target > self.capacity { rehash(into: target) }
    }

    /// Every entry, in no particular order.
    var entries: Entries { Entries(storage: storage) }

    struct Entries: Sequence {
        fileprivate let storage: Storage?

        func makeIterator() -> Iterator { Iterator(storage: storage) }

        struct Iterator: IteratorProtocol {
            /// Held so the slots outlive the map they were read from.
            fileprivate let storage: Storage?
            private var index = 0

            fileprivate init(storage: Storage?) { self.storage = storage }

            mutating func next() -> (key: Key, value: Value)? {
                guard let storage else { return nil }
                while index < storage.capacity {
                    defer { index += 1 }
                    if storage.isOccupied(index) {
                        let slot = storage.slots[index]
                        return (slot.key, slot.value)
                    }
                }
                return nil
            }
        }
    }

    private func find(_ key: Key) -> Int? {
        guard let storage else { return nil }
        let mask = storage.capacity - 1
        var index = home(of: key)
        while storage.isOccupied(index) {
            if storage.slots[index].key == key { return index }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Where `key`'s probe starts: Fibonacci hashing, the high bits of the hash times 2⁶⁴/φ,
    /// which spreads even consecutive numbers over the table.
    private func home(of key: Key) -> Int {
        shift == 64 ? 0 : Int(truncatingIfNeeded: (key.flatHash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    /// The storage, unshared and with room for one more entry.
    private mutating func prepareToAdd() -> Storage {
        if (count + 1) * 4 > capacity * 3 {
            rehash(into: max(8, capacity * 2))
        }
        return uniqueStorage()
    }

    /// The storage, copied first if another map shares it. Only called with storage.
    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage!) { storage = storage!.copy() }
        return storage!
    }

    /// Moves every entry into fresh storage of `capacity` slots (a power of two).
    private mutating func rehash(into capacity: Int) {
        let fresh = Storage(capacity: capacity)
        shift = 64 - capacity.trailingZeroBitCount
        let mask = capacity - 1
        // Unshared storage is emptied, its entries moved; shared storage is copied out of.
        let moving = storage != nil && isKnownUniquelyReferenced(&storage!)
        if let old = storage {
            for index in 0..<old.capacity where old.isOccupied(index) {
                let slot = moving ? old.vacate(index) : old.slots[index]
                var target = home(of: slot.key)
                while fresh.isOccupied(target) { target = (target + 1) & mask }
                fresh.occupy(target, with: slot)
            }
        }
        storage = fresh
    }

    /// The slots and the bitmap of which are occupied, in memory of their own; the map's
    /// copy-on-write keeps it from being changed while shared.
    fileprivate final class Storage: @unchecked Sendable {
        let capacity: Int
        let slots: UnsafeMutablePointer<Slot>
        private let occupied: UnsafeMutablePointer<UInt64>

        init(capacity: Int) {
            self.capacity = capacity
            slots = .allocate(capacity: capacity)
            let words = (capacity + 63) / 64
            occupied = .allocate(capacity: words)
            occupied.initialize(repeating: 0, count: words)
        }

        deinit {
            for index in 0..<capacity where isOccupied(index) { (slots + index).deinitialize(count: 1) }
            slots.deallocate()
            occupied.deallocate()
        }

        func isOccupied(_ index: Int) -> Bool { occupied[index >> 6] & (1 << UInt64(index & 63)) != 0 }

        /// Initialises the slot at `index`, which must be free.
        func occupy(_ index: Int, with slot: Slot) {
            (slots + index).initialize(to: slot)
            occupied[index >> 6] |= 1 << UInt64(index & 63)
        }

        /// Takes the entry out of the slot at `index`, which must be occupied.
        func vacate(_ index: Int) -> Slot {
            occupied[index >> 6] &= ~(1 << UInt64(index & 63))
            return (slots + index).move()
        }

        func copy() -> Storage {
            let copy = Storage(capacity: capacity)
            for index in 0..<capacity where isOccupied(index) { copy.occupy(index, with: slots[index]) }
            return copy
        }
    }
}

extension FlatHashMap: Sendable where Key: Sendable, Value: Sendable {}
extension FlatHashMap.Slot: Sendable where Key: Sendable, Value: Sendable {}
