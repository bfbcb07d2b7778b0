/// Dedupe across cumulative exports, kept compact: for every key of one dataset, a digest of
/// the key, a fingerprint of the winning version's content and where that version was read.
///
/// Exports repeat earlier records. The same key with the same normalised content is a
/// duplicate, counted once; the same key with different content is a conflict, and the newer
/// export (later in `inputs`, then the later row) wins. The records themselves are counted into
/// the aggregate as they arrive, so the table never holds one: a conflict tells the pipeline
/// which older version to take out again. 32 bytes a slot (a 16-byte digest, a 16-byte entry),
/// whatever the records hold, in tables at most three quarters full; split into shards by the
/// digest, so that when a shard grows only its own slots are copied and the peak memory of a
/// large run is not the whole table twice over.
struct KeyTable {
    /// Where the winning version of a key was read, in two words.
    struct Entry {
        /// The file's index in its dataset's inputs (high 16 bits) and the fingerprint (low 48).
        private var fileAndFingerprint: UInt64
        /// The row (high 32 bits) and the physical line it starts on (low 32).
        private var rowAndLine: UInt64

        init(fingerprint: RecordFingerprint, fileIndex: Int, row: Int, line: Int) {
            precondition(fileIndex < KeyTable.maximumFiles && row <= KeyTable.maximumLine && line <= KeyTable.maximumLine,
                         "more export files, rows or lines than the key table can tell apart")
            fileAndFingerprint = UInt64(fileIndex) << RecordFingerprint.bitWidth | fingerprint.bits
            rowAndLine = UInt64(row) << 32 | UInt64(line)
        }

        var fingerprint: RecordFingerprint {
            RecordFingerprint(bits: fileAndFingerprint & (1 << RecordFingerprint.bitWidth - 1))
        }
        var fileIndex: Int { Int(fileAndFingerprint >> RecordFingerprint.bitWidth) }
        var row: Int { Int(rowAndLine >> 32) }
        var line: Int { Int(rowAndLine & 0xFFFF_FFFF) }
    }

    /// How many files one dataset may list: the configuration refuses more.
    static let maximumFiles = 1 << 16

    /// The last physical line a record can start on, and the last row (the pipeline refuses a
    /// longer file). Both are needed: lines count line feeds, and a bare carriage return ends a
    /// record too, so rows can outrun lines.
    static let maximumLine = Int(UInt32.max)

    private static let shardCount = 64
    private var shards = Array(repeating: FlatHashMap<KeyDigest, Entry>(), count: shardCount)

    enum Insertion {
        case new
        /// The same content as the version read at `original`, which stays the winner.
        case duplicate(of: Entry)
        /// Different content: this version wins and `replaced` no longer counts.
        case conflict(replaced: Entry)
    }

    var count: Int { shards.reduce(0) { $0 + $1.count } }

    func contains(_ key: KeyDigest) -> Bool { shards[key.shard(of: Self.shardCount)].contains(key) }

    /// Files are read in input order and rows in file order, so every insertion is newer than
    /// what the table holds.
    mutating func insert(_ key: KeyDigest, _ entry: Entry) -> Insertion {
        // One lookup for the common case (a new key); a duplicate puts the original back.
        let shard = key.shard(of: Self.shardCount)
        guard let old = shards[shard].updateValue(entry, forKey: key) else { return .new }
        if old.fingerprint == entry.fingerprint {
            shards[shard].updateValue(old, forKey: key)
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
