import Glibc

/// The texts of every enterprise reference the process has seen, each kept once under a
/// number (``EnterpriseRef``). The staging threads add references concurrently, so the table
/// is split into shards by the 128-bit digest of the texts' bytes, each with its own lock;
/// reading a reference's texts takes no lock (see ``texts(of:)``).
///
/// Nothing is ever removed: the table lives as long as the process — one run of the command
/// line, or one test process — and holds each distinct enterprise once, which is what the
/// tallies' sets held anyway.
final class EnterpriseRefTable: @unchecked Sendable {
    // Safe to share (hence `@unchecked Sendable`): a shard's map and count are touched only
    // with its lock held, and a stored entry is never written again (see `Shard`).

    static let shared = EnterpriseRefTable()

    private static let shardBits = 4
    private let shards: [Shard]

    private init() {
        shards = (0..<(1 << Self.shardBits)).map { _ in Shard() }
    }

    /// The number of `texts`, given it the first time they are seen. The empty reference is 0.
    func intern(_ texts: EnterpriseRef.Texts) -> UInt32 {
        guard !texts.isEmpty else { return 0 }
        let shard = texts.digest.shard(of: 1 << Self.shardBits)
        let index = shards[shard].intern(texts)
        // Numbered from 1 within a shard, so no reference but the empty one is 0.
        precondition(index + 1 < 1 << (32 - Self.shardBits), "more distinct enterprise references than the table can number")
        return UInt32(index + 1) << Self.shardBits | UInt32(shard)
    }

    /// The number of the texts whose digest is `digest`, if they have been seen; nil otherwise
    /// (then `intern` gives them one).
    func find(_ digest: KeyDigest) -> UInt32? {
        let shard = digest.shard(of: 1 << Self.shardBits)
        return shards[shard].find(digest).map { UInt32($0 + 1) << Self.shardBits | UInt32(shard) }
    }

    /// The texts a number stands for.
    ///
    /// No lock: the entry was stored before its number was handed out, and a thread holding
    /// a number got it from `intern` itself or from another thread through a hand-over that
    /// orders memory (a lock, a finished piece), so it sees the stored entry.
    func texts(of id: UInt32) -> EnterpriseRef.Texts {
        guard id != 0 else { return Self.empty }
        return entry(id).pointee
    }

    /// The digests of the name and of the code a number stands for, without copying (and so
    /// retaining) its texts: the figures ask for them for every enterprise.
    func partDigests(of id: UInt32) -> (name: KeyDigest, code: KeyDigest?) {
        guard id != 0 else { return (Self.empty.nameDigest, nil) }
        let entry = entry(id)
        return (entry.pointee.nameDigest, entry.pointee.codeDigest)
    }

    /// Where the texts of a number other than 0 are kept (read without a lock, as `texts(of:)`).
    private func entry(_ id: UInt32) -> UnsafeMutablePointer<EnterpriseRef.Texts> {
        let shard = Int(id) & ((1 << Self.shardBits) - 1)
        return shards[shard].entry(at: Int(id >> Self.shardBits) - 1)
    }

    private static let empty = EnterpriseRef.Texts(creditCode: nil, name: "").withPartDigests()

    /// One shard: a map from the texts' digest to their index, under a lock, and the entries by
    /// index in chunks that never move once allocated (so reading needs no lock).
    private final class Shard: @unchecked Sendable {
        private static let chunkBits = 12
        private static let chunkSlots = 1 << (32 - EnterpriseRefTable.shardBits - chunkBits)

        private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        private var indices = FlatHashMap<KeyDigest, Int32>()
        private var count = 0
        /// Chunk pointers, zeroed: the pages of slots never used are never touched.
        private let chunks: UnsafeMutablePointer<UnsafeMutablePointer<EnterpriseRef.Texts>?>

        init() {
            pthread_mutex_init(mutex, nil)
            chunks = calloc(Self.chunkSlots, MemoryLayout<UnsafeMutablePointer<EnterpriseRef.Texts>?>.stride)!
                .assumingMemoryBound(to: UnsafeMutablePointer<EnterpriseRef.Texts>?.self)
        }

        deinit {
            for chunk in 0..<((count + (1 << Self.chunkBits) - 1) >> Self.chunkBits) {
                let entries = min(1 << Self.chunkBits, count - chunk << Self.chunkBits)
                chunks[chunk]!.deinitialize(count: entries)
                chunks[chunk]!.deallocate()
            }
            free(chunks)
            pthread_mutex_destroy(mutex)
            mutex.deallocate()
        }

        func intern(_ texts: EnterpriseRef.Texts) -> Int {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            if let index = indices[texts.digest] { return Int(index) }
            let index = count
            let chunk = index >> Self.chunkBits
            precondition(chunk < Self.chunkSlots, "more distinct enterprise references than the table can hold")
            if chunks[chunk] == nil {
                chunks[chunk] = UnsafeMutablePointer<EnterpriseRef.Texts>.allocate(capacity: 1 << Self.chunkBits)
            }
            (chunks[chunk]! + (index & ((1 << Self.chunkBits) - 1))).initialize(to: texts.withPartDigests())
            count += 1
            indices.updateValue(Int32(index), forKey: texts.digest)
            return index
        }

        func find(_ digest: KeyDigest) -> Int? {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return indices[digest].map(Int.init)
        }

        func entry(at index: Int) -> UnsafeMutablePointer<EnterpriseRef.Texts> {
            chunks[index >> Self.chunkBits]! + (index & ((1 << Self.chunkBits) - 1))
        }
    }
}
