/// Dedupe across cumulative exports, kept compact: for every key of one dataset, a digest of
/// the key, a fingerprint of the winning version's content and where that version was read.
///
/// Exports repeat earlier records. The same key with the same normalised content is a
/// duplicate, counted once; the same key with different content is a conflict, and the newer
/// export (later in `inputs`, then the later row) wins. The records themselves are counted into
/// the aggregate as they arrive, so the table never holds one: a conflict tells the pipeline
/// which older version to take out again. 28 bytes a slot (12 bytes of the key's digest, a
/// 16-byte entry), whatever the records hold, in tables at most three quarters full; split
/// into shards by the digest, so that when a shard grows only its own slots are copied and the
/// peak memory of a large run is not the whole table twice over.
struct KeyTable {
    /// The part of a key's digest a shard keeps: 96 of its bits, in 32-bit words so that a slot
    /// packs into 28 bytes (with 64-bit words it would take 32). With the 6 bits that chose the
    /// shard, 102 bits tell keys apart: for 10 million keys, two collide with a chance of about
    /// 10⁻¹⁷.
    struct StoredKey: FlatHashable {
        private let low0: UInt32
        private let low1: UInt32
        private let high: UInt32

        init(_ digest: KeyDigest) {
            low0 = UInt32(truncatingIfNeeded: digest.lowBits)
            low1 = UInt32(truncatingIfNeeded: digest.lowBits >> 32)
            // The high word's low half: its high half chose the shard.
            high = UInt32(truncatingIfNeeded: digest.highBits)
        }

        /// The digest's low word, as ``KeyDigest/flatHash``.
        var flatHash: UInt64 { UInt64(low1) << 32 | UInt64(low0) }
    }

    /// Where the winning version of a key was read, in four 32-bit words.
    struct Entry {
        /// The fingerprint's low 32 bits.
        private var fingerprintLow: UInt32
        /// The file's index in its dataset's inputs (high 16 bits) and the fingerprint's high 16.
        private var fileAndFingerprintHigh: UInt32
        private var rowWord: UInt32
        /// The physical line the row starts on.
        private var lineWord: UInt32

        init(fingerprint: RecordFingerprint, fileIndex: Int, row: Int, line: Int) {
            precondition(fileIndex < KeyTable.maximumFiles && row <= KeyTable.maximumLine && line <= KeyTable.maximumLine,
                         "more export files, rows or lines than the key table can tell apart")
            fingerprintLow = UInt32(truncatingIfNeeded: fingerprint.bits)
            fileAndFingerprintHigh = UInt32(fileIndex) << 16 | UInt32(truncatingIfNeeded: fingerprint.bits >> 32)
            rowWord = UInt32(row)
            lineWord = UInt32(line)
        }

        var fingerprint: RecordFingerprint {
            RecordFingerprint(bits: UInt64(fileAndFingerprintHigh & 0xFFFF) << 32 | UInt64(fingerprintLow))
        }
        var fileIndex: Int { Int(fileAndFingerprintHigh >> 16) }
        var row: Int { Int(rowWord) }
        var line: Int { Int(lineWord) }
    }

    /// How many files one dataset may list: the configuration refuses more.
    static let maximumFiles = 1 << 16

    /// The last physical line a record can start on, and the last row (the pipeline refuses a
    /// longer file). Both are needed: lines count line feeds, and a bare carriage return ends a
    /// record too, so rows can outrun lines.
    static let maximumLine = Int(UInt32.max)

    private static let shardCount = 64
    private var shards = Array(repeating: FlatHashMap<StoredKey, Entry>(), count: shardCount)

    enum Insertion {
        case new
        /// The same content as the version read at `original`, which stays the winner.
        case duplicate(of: Entry)
        /// Different content: this version wins and `replaced` no longer counts.
        case conflict(replaced: Entry)
    }

    var count: Int { shards.reduce(0) { $0 + $1.count } }

    /// The slots of all shards: the table's memory, 28 bytes each.
    var capacity: Int { shards.reduce(0) { $0 + $1.capacity } }

    /// Makes room for about `keys` keys: each shard for its share and three standard
    /// deviations more (keys fall into shards at random).
    mutating func reserveCapacity(_ keys: Int) {
        let share = Double(keys) / Double(Self.shardCount)
        let perShard = Int((share + 3 * share.squareRoot()).rounded(.up))
        for shard in shards.indices { shards[shard].reserveCapacity(perShard) }
    }

    func contains(_ key: KeyDigest) -> Bool { shards[key.shard(of: Self.shardCount)].contains(StoredKey(key)) }

    /// Starts loading the slot `insert(key, _)` will look at first (see `FlatHashMap.prefetch`).
    func prefetch(_ key: KeyDigest) {
        shards[key.shard(of: Self.shardCount)].prefetch(StoredKey(key))
    }

    /// Files are read in input order and rows in file order, so every insertion is newer than
    /// what the table holds.
    mutating func insert(_ key: KeyDigest, _ entry: Entry) -> Insertion {
        // One lookup for the common case (a new key); a duplicate puts the original back.
        let shard = key.shard(of: Self.shardCount)
        let stored = StoredKey(key)
        guard let old = shards[shard].updateValue(entry, forKey: stored) else { return .new }
        if old.fingerprint == entry.fingerprint {
            shards[shard].updateValue(old, forKey: stored)
            return .duplicate(of: old)
        }
        return .conflict(replaced: old)
    }
}

/// A record read again with the same content.
public struct DuplicateEntry: Sendable, Equatable {
    public var dataset: Dataset
    public var key: String
    public var location: SourceLocation
    public var original: SourceLocation
}

/// A record read again with different content; the newer version is the one counted.
public struct ConflictEntry: Sendable, Equatable {
    public var dataset: Dataset
    public var key: String
    public var older: SourceLocation
    public var newer: SourceLocation
    public var changes: [FieldChange]
}
