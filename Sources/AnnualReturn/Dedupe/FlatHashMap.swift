import CPrefetch

/// A key whose 64-bit hash is already well spread, or cheap to spread: a digest, an interned
/// number. ``FlatHashMap`` uses it as it is, without running a hasher.
protocol FlatHashable: Equatable {
    var flatHash: UInt64 { get }
}

/// A hash map in one flat array — open addressing, linear probing, at most three quarters
/// full, growing by half — for the pipeline's largest tables: the key table (a digest per record key), the
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
/// for the largest table a run holds. It grows by half, not by doubling, so a table is between
/// half and three quarters full rather than between three eighths and three quarters: an
/// eighth fewer slots on average over sizes. A value type, copied on write like `Array`.
struct FlatHashMap<Key: FlatHashable, Value> {
    fileprivate struct Slot {
        var key: Key
        var value: Value
    }

    /// Nil until the first entry.
    private var storage: Storage?
    private(set) var count = 0

    init() {}

    var isEmpty: Bool { count == 0 }

    /// How many slots the map has.
    var capacity: Int { storage?.capacity ?? 0 }

    subscript(key: Key) -> Value? {
        guard let index = find(key) else { return nil }
        return storage!.slots[index].value
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    /// Starts loading the slot where `key`'s probe starts, and its word of the bitmap, without
    /// waiting: a caller about to look up or add keys it already knows asks for one a few keys
    /// ahead, so that in a table larger than the cache the lookup finds the slot there.
    func prefetch(_ key: Key) {
        guard let storage else { return }
        let home = storage.home(of: key)
        storage.prefetch(slot: home)
    }

    /// Stores `value` under `key` and returns the value it replaced, if any.
    @discardableResult
    mutating func updateValue(_ value: Value, forKey key: Key) -> Value? {
        let storage = prepareToAdd()
        var index = storage.home(of: key)
        while storage.isOccupied(index) {
            if storage.slots[index].key == key {
                let old = storage.slots[index].value
                storage.slots[index].value = value
                return old
            }
            index = storage.after(index)
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
        var index = storage.home(of: key)
        while storage.isOccupied(index) {
            if storage.slots[index].key == key {
                change(&storage.slots[index].value)
                return storage.slots[index].value
            }
            index = storage.after(index)
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
        var next = storage.after(hole)
        while storage.isOccupied(next) {
            if storage.distance(from: storage.home(of: storage.slots[next].key), to: next)
                >= storage.distance(from: hole, to: next) {
                storage.occupy(hole, with: storage.vacate(next))
                hole = next
            }
            next = storage.after(next)
        }
        return removed
    }

    /// Makes room for `capacity` entries without growing again: just enough slots for them at
    /// three quarters full (a table sized ahead of its keys ends that full rather than wherever
    /// growing by half left it), or half as many again as now if that is more, so that
    /// reserving a little more at a time still grows by half.
    mutating func reserveCapacity(_ capacity: Int) {
        guard capacity > 0 else { return }
        let needed = (capacity * 4 + 2) / 3
        guard needed > self.capacity else { return }
        rehash(into: max(needed, self.capacity == 0 ? Self.smallestCapacity : Self.grown(self.capacity)))
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
        var index = storage.home(of: key)
        while storage.isOccupied(index) {
            if storage.slots[index].key == key { return index }
            index = storage.after(index)
        }
        return nil
    }

    private static var smallestCapacity: Int { 8 }

    /// The capacity after `capacity`: half as large again.
    private static func grown(_ capacity: Int) -> Int { capacity + capacity / 2 }

    /// The storage, unshared and with room for one more entry.
    private mutating func prepareToAdd() -> Storage {
        if (count + 1) * 4 > capacity * 3 {
            rehash(into: capacity == 0 ? Self.smallestCapacity : Self.grown(capacity))
        }
        return uniqueStorage()
    }

    /// The storage, copied first if another map shares it. Only called with storage.
    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage!) { storage = storage!.copy() }
        return storage!
    }

    /// Moves every entry into fresh storage of `capacity` slots.
    private mutating func rehash(into capacity: Int) {
        let fresh = Storage(capacity: capacity)
        // Unshared storage is emptied, its entries moved; shared storage is copied out of.
        let moving = storage != nil && isKnownUniquelyReferenced(&storage!)
        if let old = storage {
            for index in 0..<old.capacity where old.isOccupied(index) {
                let slot = moving ? old.vacate(index) : old.slots[index]
                var target = fresh.home(of: slot.key)
                while fresh.isOccupied(target) { target = fresh.after(target) }
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
            // Plain-data slots (the key table's, the enterprise table's) need nothing done to
            // them: a run frees tables of millions of slots, and walking them slot by slot, each
            // call through the generic type's metadata, took a tenth of the booking thread.
            if !_isPOD(Slot.self) {
                for word in 0..<(capacity + 63) / 64 {
                    var bits = occupied[word]
                    while bits != 0 {
                        (slots + word * 64 + bits.trailingZeroBitCount).deinitialize(count: 1)
                        bits &= bits - 1
                    }
                }
            }
            slots.deallocate()
            occupied.deallocate()
        }

        func isOccupied(_ index: Int) -> Bool { occupied[index >> 6] & (1 << UInt64(index & 63)) != 0 }

        func prefetch(slot index: Int) {
            annual_return_prefetch(slots + index)
            annual_return_prefetch(occupied + (index >> 6))
        }

        /// Where `key`'s probe starts: Fibonacci hashing — the hash times 2⁶⁴/φ, which spreads
        /// even consecutive numbers — scaled to the capacity by its high bits.
        func home(of key: Key) -> Int {
            Int(truncatingIfNeeded: (key.flatHash &* 0x9E37_79B9_7F4A_7C15).multipliedFullWidth(by: UInt64(capacity)).high)
        }

        /// The slot a probe goes on to from `index`, wrapping at the end.
        func after(_ index: Int) -> Int { index + 1 == capacity ? 0 : index + 1 }

        /// How many steps a probe takes from `start` to `end`, wrapping at the end.
        func distance(from start: Int, to end: Int) -> Int { end >= start ? end - start : end + capacity - start }

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

/// How many keys ahead of the one it adds a caller asks for a table's slot
/// (`FlatHashMap.prefetch`): enough for a load from memory to arrive while those before it are
/// added. On the 1 GB sample the booking thread's key table and the run's enterprise sets hold
/// millions of slots; asking ahead took about 4 % off the run's processor time.
enum TablePrefetch {
    static let distance = 8
}

extension FlatHashMap: Sendable where Key: Sendable, Value: Sendable {}
extension FlatHashMap.Slot: Sendable where Key: Sendable, Value: Sendable {}
