import CXXHash

/// A 128-bit digest of a record's key: what the key table stores instead of the key.
///
/// Two keys collide with probability about 2⁻¹²⁸ per pair, far below any chance that matters
/// for a few million keys. It is XXH3's 128-bit hash of the key's UTF-8 bytes — a hash made for
/// this, several times faster on short keys than the two SipHash passes it replaced. Digests are
/// compared, never written or ordered, so nothing the run writes depends on them.
struct KeyDigest: Hashable, Sendable, FlatHashable {
    /// The hash's two words: the low one places a key in a table, the high one picks its shard.
    let lowBits: UInt64
    let highBits: UInt64

    init(_ key: String) {
        self.init(key, nil)
    }

    /// The digest of the empty text.
    static let empty = KeyDigest("")

    /// The digest of two texts, the second optional: an enterprise's name and credit code.
    init(_ first: String, _ second: String?) {
        self = withUTF8Bytes(of: first) { first in
            guard let second else { return KeyDigest(utf8: first, nil) }
            return withUTF8Bytes(of: second) { KeyDigest(utf8: first, $0) }
        }
    }

    /// The digest of two texts given as their UTF-8 bytes: the same as of the strings.
    init(utf8 first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer?) {
        guard let second else {
            self.init(hashing: first)
            return
        }
        // The bytes of both, the first ended by 0xFF (never a UTF-8 byte), hashed as one text.
        let count = first.count + 1 + second.count
        self = withUnsafeTemporaryAllocation(byteCount: count, alignment: 1) { joined in
            joined.copyMemory(from: first)
            joined[first.count] = 0xFF
            UnsafeMutableRawBufferPointer(rebasing: joined[(first.count + 1)...]).copyMemory(from: second)
            return KeyDigest(hashing: UnsafeRawBufferPointer(joined))
        }
    }

    private init(hashing bytes: UnsafeRawBufferPointer) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        annual_return_xxh3_128(bytes.baseAddress, bytes.count, &low, &high)
        lowBits = low
        highBits = high
    }

    func hash(into hasher: inout Hasher) {
        // Already a good hash: feeding one word is enough for the table.
        hasher.combine(lowBits)
    }

    /// Already a good hash: the key table uses one word as it is.
    var flatHash: UInt64 { lowBits }

    /// Which of `count` shards (a power of two) the key belongs to, from the other word, so
    /// that the keys of one shard still spread over its whole table.
    func shard(of count: Int) -> Int { Int(highBits >> 32) & (count - 1) }
}

/// A 48-bit fingerprint of a record's normalised canonical content: equal for a duplicate,
/// different (with probability 1 − 2⁻⁴⁸) when a field changed. It is only ever compared with
/// the one version kept under the same key, so 48 bits are plenty, and they share a word with
/// the file's index in the key table. Like ``KeyDigest`` it is never written.
struct RecordFingerprint: Equatable, Sendable {
    static let bitWidth = 48

    /// The fingerprint in the low `bitWidth` bits; the others are zero.
    let bits: UInt64

    fileprivate init(hash: UInt64) {
        bits = hash & (1 << Self.bitWidth - 1)
    }

    /// The fingerprint `bits` (of at most `bitWidth` bits) stand for.
    init(bits: UInt64) {
        precondition(bits >> Self.bitWidth == 0, "a fingerprint has \(Self.bitWidth) bits")
        self.bits = bits
    }

    /// Stands in where there is no record.
    static let none = RecordFingerprint(bits: 0)
}

/// Builds a ``RecordFingerprint`` field by field: each value is hashed (XXH3) under the hash of
/// the values before it, so ("ab", "c") and ("a", "bc") differ, as do values in another order.
/// No Unicode normalisation is paid for: staging has already normalised every value.
struct FingerprintBuilder {
    /// The hash of the values so far; the seed of the next.
    private var chain: UInt64 = 0x5052_494E_5446_5031

    private mutating func add(bytes: UnsafeRawBufferPointer) {
        chain = annual_return_xxh3_64(bytes.baseAddress, bytes.count, chain)
    }

    private mutating func add(word: UInt64) {
        var word = word
        withUnsafeBytes(of: &word) { add(bytes: $0) }
    }

    mutating func add(_ text: String) {
        withUTF8Bytes(of: text) { add(bytes: $0) }
    }

    mutating func add(_ text: String?) {
        if let text {
            add(true)
            add(text)
        } else {
            add(false)
        }
    }

    mutating func add(_ number: Int) { add(word: UInt64(bitPattern: Int64(number))) }
    mutating func add(_ number: Int64) { add(word: UInt64(bitPattern: number)) }
    mutating func add(_ flag: Bool) { add(word: flag ? 1 : 0) }
    mutating func add(_ day: CalendarDay) { add(day.year * 10_000 + day.month * 100 + day.day) }

    mutating func add(_ day: CalendarDay?) {
        if let day {
            add(true)
            add(day)
        } else {
            add(false)
        }
    }

    /// A reference goes in as its number: equal texts have the same number for the whole run,
    /// which is as long as a fingerprint means anything.
    mutating func add(_ reference: EnterpriseRef) {
        add(word: UInt64(reference.id))
    }

    consuming func finish() -> RecordFingerprint { RecordFingerprint(hash: chain) }
}
