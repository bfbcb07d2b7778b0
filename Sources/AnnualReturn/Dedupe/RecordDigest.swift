/// A 128-bit digest of a record's key: what the key table stores instead of the key.
///
/// Two keys collide with probability about 2⁻¹²⁸ per pair, far below any chance that matters
/// for a few million keys. It is Swift's SipHash over the key's UTF-8 bytes under two different
/// prefixes, so it is only meaningful inside one run (the seed changes between processes), which
/// is all the pipeline needs: digests are compared, never written or ordered.
struct KeyDigest: Hashable, Sendable, FlatHashable {
    private let high: Int
    private let low: Int

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
        var high = Hasher()
        var low = Hasher()
        high.combine(1 as UInt8)
        low.combine(2 as UInt8)
        high.combine(bytes: first)
        low.combine(bytes: first)
        if let second {
            // Never a UTF-8 byte: the first text ends here.
            high.combine(UInt8(0xFF))
            low.combine(UInt8(0xFF))
            high.combine(bytes: second)
            low.combine(bytes: second)
        }
        self.high = high.finalize()
        self.low = low.finalize()
    }

    func hash(into hasher: inout Hasher) {
        // Already a good hash: feeding one word is enough for the table.
        hasher.combine(low)
    }

    /// Already a good hash: the key table uses one word as it is.
    var flatHash: UInt64 { UInt64(bitPattern: Int64(low)) }

    /// Which of `count` shards (a power of two) the key belongs to, from the other word, so
    /// that the keys of one shard still spread over its whole table.
    func shard(of count: Int) -> Int { Int(UInt64(bitPattern: Int64(high)) >> 32) & (count - 1) }
}

/// A 48-bit fingerprint of a record's normalised canonical content: equal for a duplicate,
/// different (with probability 1 − 2⁻⁴⁸) when a field changed. It is only ever compared with
/// the one version kept under the same key, so 48 bits are plenty, and they share a word with
/// the file's index in the key table. Like ``KeyDigest`` it is valid within one run only.
struct RecordFingerprint: Equatable, Sendable {
    static let bitWidth = 48

    /// The fingerprint in the low `bitWidth` bits; the others are zero.
    let bits: UInt64

    fileprivate init(hash: Int) {
        bits = UInt64(bitPattern: Int64(hash)) & (1 << Self.bitWidth - 1)
    }

    /// The fingerprint `bits` (of at most `bitWidth` bits) stand for.
    init(bits: UInt64) {
        precondition(bits >> Self.bitWidth == 0, "a fingerprint has \(Self.bitWidth) bits")
        self.bits = bits
    }

    /// Stands in where there is no record.
    static let none = RecordFingerprint(bits: 0)
}

/// Builds a ``RecordFingerprint`` field by field. Strings go in as their UTF-8 bytes with their
/// length, so ("ab", "c") and ("a", "bc") differ, and no Unicode normalisation is paid for:
/// staging has already normalised every value.
struct FingerprintBuilder {
    private var hasher = Hasher()

    mutating func add(_ text: String) {
        withUTF8Bytes(of: text) { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: bytes)
        }
    }

    mutating func add(_ text: String?) {
        if let text {
            hasher.combine(true)
            add(text)
        } else {
            hasher.combine(false)
        }
    }

    mutating func add(_ number: Int) { hasher.combine(number) }
    mutating func add(_ number: Int64) { hasher.combine(number) }
    mutating func add(_ flag: Bool) { hasher.combine(flag) }
    mutating func add(_ day: CalendarDay) { add(day.year * 10_000 + day.month * 100 + day.day) }

    mutating func add(_ day: CalendarDay?) {
        if let day {
            hasher.combine(true)
            add(day)
        } else {
            hasher.combine(false)
        }
    }

    /// A reference goes in as its number: equal texts have the same number for the whole run,
    /// which is as long as a fingerprint means anything.
    mutating func add(_ reference: EnterpriseRef) {
        hasher.combine(reference.id)
    }

    consuming func finish() -> RecordFingerprint { RecordFingerprint(hash: hasher.finalize()) }
}
