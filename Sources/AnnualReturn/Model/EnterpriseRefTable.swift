import Glibc

/// The texts of every enterprise reference the process has seen, each kept once under a
/// number (``EnterpriseRef``). The staging threads add references concurrently, so the table
/// is split into shards by the 128-bit digest of the texts' bytes, each with its own lock;
/// reading a reference's texts takes no lock (see ``name(of:)``).
///
/// Nothing is ever removed: the table lives as long as the process — one run of the command
/// line, or one test process — and holds each distinct enterprise once, which is what the
/// tallies' sets held anyway.
///
/// A large run names about a million enterprises, so each is kept small: its texts' bytes
/// side by side in blocks of bytes, and an entry of 48 bytes pointing at them with the digests
/// the figures find names and codes by (two strings and a struct of them took about 220
/// bytes). ``name(of:)`` and ``creditCode(of:)`` make the strings again when asked; the
/// counting never asks.
final class EnterpriseRefTable: @unchecked Sendable {
    // Safe to share (hence `@unchecked Sendable`): a shard's map and count are touched only
    // with its lock held, and a stored entry is never written again (see `Shard`).

    static let shared = EnterpriseRefTable()

    private static let shardBits = 4
    private let shards: [Shard]

    private init() {
        shards = (0..<(1 << Self.shardBits)).map { _ in Shard() }
    }

    /// The number of the texts whose normalised bytes are `name` and `code` (nil when there is
    /// none; never empty), `digest` being ``KeyDigest/init(utf8:_:)`` of them: found by the
    /// digest when seen before, else given now, from the row's bytes, without making strings.
    /// Not for the empty reference (0).
    func intern(name: UnsafeRawBufferPointer, code: UnsafeRawBufferPointer?, digest: KeyDigest) -> UInt32 {
        let shard = digest.shard(of: 1 << Self.shardBits)
        let index = shards[shard].intern(name: name, code: code, digest: digest)
        // Numbered from 1 within a shard, so no reference but the empty one is 0.
        precondition(index + 1 < 1 << (32 - Self.shardBits), "more distinct enterprise references than the table can number")
        return UInt32(index + 1) << Self.shardBits | UInt32(shard)
    }

    /// The name a number stands for, and its credit code (nil when it has none).
    ///
    /// No lock: the entry was stored before its number was handed out, and a thread holding
    /// a number got it from `intern` itself or from another thread through a hand-over that
    /// orders memory (a lock, a finished piece), so it sees the stored entry.
    func name(of id: UInt32) -> String {
        guard id != 0 else { return "" }
        let entry = entry(id).pointee
        return String(decoding: UnsafeBufferPointer(start: entry.bytes, count: Int(entry.nameBytes)), as: UTF8.self)
    }

    func creditCode(of id: UInt32) -> String? {
        guard id != 0 else { return nil }
        let entry = entry(id).pointee
        guard entry.codeBytes >= 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: entry.bytes + Int(entry.nameBytes), count: Int(entry.codeBytes)),
                      as: UTF8.self)
    }

    /// Calls `body` with the UTF-8 bytes of the name a number stands for and of its credit code
    /// (nil when it has none), without making their strings: return.json hashes them for
    /// every enterprise.
    func withTexts<Result>(of id: UInt32,
                           _ body: (_ name: UnsafeRawBufferPointer, _ code: UnsafeRawBufferPointer?) -> Result) -> Result {
        guard id != 0 else { return body(UnsafeRawBufferPointer(start: nil, count: 0), nil) }
        let entry = entry(id).pointee
        let name = UnsafeRawBufferPointer(start: entry.bytes, count: Int(entry.nameBytes))
        guard entry.codeBytes >= 0 else { return body(name, nil) }
        return body(name, UnsafeRawBufferPointer(start: entry.bytes + Int(entry.nameBytes), count: Int(entry.codeBytes)))
    }

    /// The digests of the name and of the code a number stands for, without making its
    /// texts: the figures ask for them for every enterprise.
    func partDigests(of id: UInt32) -> (name: KeyDigest, code: KeyDigest?) {
        guard id != 0 else { return (KeyDigest.empty, nil) }
        let entry = entry(id)
        return (entry.pointee.nameDigest, entry.pointee.codeBytes < 0 ? nil : entry.pointee.codeDigest)
    }

    /// Where the texts of a number other than 0 are kept (read without a lock, as `name(of:)`).
    private func entry(_ id: UInt32) -> UnsafeMutablePointer<Entry> {
        let shard = Int(id) & ((1 << Self.shardBits) - 1)
        return shards[shard].entry(at: Int(id >> Self.shardBits) - 1)
    }

    /// One reference's texts as the table keeps them: the name's bytes and then the code's,
    /// in a shard's byte blocks, and the digests of each.
    fileprivate struct Entry {
        let bytes: UnsafePointer<UInt8>
        let nameBytes: Int32
        /// −1 when the reference has no credit code.
        let codeBytes: Int32
        let nameDigest: KeyDigest
        /// `KeyDigest.empty` when there is no code.
        let codeDigest: KeyDigest
    }

    /// One shard: a map from the texts' digest to their index, under a lock, and the entries by
    /// index in chunks that never move once allocated (so reading needs no lock), their bytes
    /// in blocks that never move either.
    private final class Shard: @unchecked Sendable {
        private static let chunkBits = 12
        private static let chunkSlots = 1 << (32 - EnterpriseRefTable.shardBits - chunkBits)
        /// Texts longer than a quarter of this get a block of their own.
        private static let blockBytes = 1 << 16

        private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        private var indices = FlatHashMap<KeyDigest, Int32>()
        private var count = 0
        /// Chunk pointers, zeroed: the pages of slots never used are never touched. Mapped, not
        /// allocated: the heap would zero all 512 KiB of each shard's, which took a run's first
        /// enterprise 2 ms.
        private let chunks: UnsafeMutablePointer<UnsafeMutablePointer<Entry>?>
        /// Every block of bytes, and where the free part of the last one starts.
        private var blocks: [UnsafeMutablePointer<UInt8>] = []
        private var free: UnsafeMutableBufferPointer<UInt8> = .init(start: nil, count: 0)

        init() {
            pthread_mutex_init(mutex, nil)
            // An anonymous mapping reads as zeros, and only the pages written take memory.
            guard let mapped = mmap(nil, Self.chunkDirectoryBytes, PROT_READ | PROT_WRITE,
                                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                  mapped != MAP_FAILED else {
                fatalError("cannot map \(Self.chunkDirectoryBytes) bytes for the enterprise table")
            }
            chunks = mapped.assumingMemoryBound(to: UnsafeMutablePointer<Entry>?.self)
        }

        private static var chunkDirectoryBytes: Int { chunkSlots * MemoryLayout<UnsafeMutablePointer<Entry>?>.stride }

        deinit {
            for chunk in 0..<((count + (1 << Self.chunkBits) - 1) >> Self.chunkBits) {
                chunks[chunk]!.deallocate()
            }
            munmap(chunks, Self.chunkDirectoryBytes)
            for block in blocks { block.deallocate() }
            pthread_mutex_destroy(mutex)
            mutex.deallocate()
        }

        func intern(name: UnsafeRawBufferPointer, code: UnsafeRawBufferPointer?, digest: KeyDigest) -> Int {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            // One probe finds the texts or makes room for them: every index handed out is
            // below `count`, so getting `count` back means they are new.
            let index = count
            let found = indices.modifyValue(forKey: digest, initial: Int32(index), { _ in })
            guard found == Int32(index) else { return Int(found) }
            let chunk = index >> Self.chunkBits
            precondition(chunk < Self.chunkSlots, "more distinct enterprise references than the table can hold")
            if chunks[chunk] == nil {
                chunks[chunk] = UnsafeMutablePointer<Entry>.allocate(capacity: 1 << Self.chunkBits)
            }
            (chunks[chunk]! + (index & ((1 << Self.chunkBits) - 1))).initialize(to: store(name: name, code: code))
            count += 1
            return index
        }

        /// Copies the texts' bytes into the blocks and works out the digests of each.
        private func store(name: UnsafeRawBufferPointer, code: UnsafeRawBufferPointer?) -> Entry {
            let codeCount = code?.count ?? 0
            let bytes = reserve(name.count + codeCount)
            let raw = UnsafeMutableRawBufferPointer(bytes)
            raw.copyMemory(from: name)
            if let code { UnsafeMutableRawBufferPointer(rebasing: raw[name.count...]).copyMemory(from: code) }
            return Entry(bytes: UnsafePointer(bytes.baseAddress!), nameBytes: Int32(name.count),
                         codeBytes: code == nil ? -1 : Int32(codeCount),
                         nameDigest: KeyDigest(utf8: name, nil),
                         codeDigest: code.map { KeyDigest(utf8: $0, nil) } ?? KeyDigest.empty)
        }

        /// `count` bytes in a block, never moved or freed while the table lives.
        private func reserve(_ count: Int) -> UnsafeMutableBufferPointer<UInt8> {
            if count > Self.blockBytes / 4 {
                let block = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, count))
                blocks.append(block)
                return UnsafeMutableBufferPointer(start: block, count: count)
            }
            if count > free.count || free.baseAddress == nil {
                let block = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.blockBytes)
                blocks.append(block)
                free = UnsafeMutableBufferPointer(start: block, count: Self.blockBytes)
            }
            let reserved = UnsafeMutableBufferPointer(rebasing: free[..<count])
            free = UnsafeMutableBufferPointer(rebasing: free[count...])
            return reserved
        }

        func entry(at index: Int) -> UnsafeMutablePointer<Entry> {
            chunks[index >> Self.chunkBits]! + (index & ((1 << Self.chunkBits) - 1))
        }
    }
}
