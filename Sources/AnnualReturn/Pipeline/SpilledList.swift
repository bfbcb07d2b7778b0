import Glibc

/// A value a ``SpilledList`` can keep on disk: written as bytes and read back equal.
protocol SpillCodable {
    func encode(to encoder: inout SpillEncoder)
    init(from decoder: inout SpillDecoder)
}

/// A list that may outgrow memory: appended to in order while a run is read, then read back in
/// that order as often as needed (from any thread) once sealed.
///
/// The problems of a run (every warning, rejected row and duplicate) grow with its exports: a
/// gigabyte of exports can list a million of them. The first `memoryLimit` elements are held
/// as values; past that the list moves to a temporary file, deleted as soon as it is made (the
/// open descriptor keeps it), so a killed run leaves nothing behind. If no temporary file can
/// be made the list simply stays in memory.
public final class SpilledList<Element>: Sequence, @unchecked Sendable {
    // Safe to share once sealed (hence `@unchecked Sendable`): appending happens on one thread
    // before `seal()`, and reading after it only reads the file at offsets of its own.

    private var values: [Element] = []
    let memoryLimit: Int
    /// The temporary file, once the list has moved there.
    private var descriptor: Int32 = -1
    /// Encoded elements not yet written to the file.
    private var pending = SpillEncoder()
    private var fileBytes = 0
    private var isSealed = false
    /// True once making the temporary file failed: the list stays in memory, and no file is
    /// tried again for every element after.
    private var staysInMemory = false
    /// How an element becomes bytes and back; nil for a list that never leaves memory.
    private let encodeElement: ((Element, inout SpillEncoder) -> Void)?
    private let decodeElement: ((inout SpillDecoder) -> Element)?
    public private(set) var count = 0
    /// Why the file could not be written (a full disk), which loses elements: the run that
    /// appended must stop with this instead of publishing.
    private(set) var writeFailure: String?

    /// The most elements kept as values before the list moves to a file.
    static var defaultMemoryLimit: Int { 20_000 }
    /// How many encoded bytes are gathered before one write, and read at a time.
    private static var blockBytes: Int { 1 << 18 }

    init(memoryLimit: Int = defaultMemoryLimit) where Element: SpillCodable {
        self.memoryLimit = Swift.max(0, memoryLimit)
        encodeElement = { element, encoder in element.encode(to: &encoder) }
        decodeElement = { decoder in Element(from: &decoder) }
    }

    /// A sealed list of `elements`, held in memory.
    public init(_ elements: [Element]) {
        memoryLimit = Int.max
        values = elements
        count = elements.count
        isSealed = true
        encodeElement = nil
        decodeElement = nil
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    public var isEmpty: Bool { count == 0 }

    /// True when the elements are in a file rather than in memory.
    var isOnDisk: Bool { descriptor >= 0 }

    func append(_ element: Element) {
        precondition(!isSealed, "append to a sealed list")
        count += 1
        if descriptor < 0 {
            values.append(element)
            if values.count > memoryLimit && !staysInMemory { moveToFile() }
            return
        }
        encode(element)
    }

    func append(contentsOf elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    /// Ends appending; the list can be read from now on.
    func seal() {
        guard !isSealed else { return }
        isSealed = true
        if descriptor >= 0 { flush() }
    }

    private func moveToFile() {
        guard encodeElement != nil else { return }
        var template = Array("\(Self.temporaryFolder)/annual-return-list-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else {
            staysInMemory = true
            return
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        descriptor = made
        for value in values { encode(value) }
        values = []
    }

    private static var temporaryFolder: String {
        if let folder = getenv("TMPDIR"), folder.pointee != 0 { return String(cString: folder) }
        return "/tmp"
    }

    private func encode(_ element: Element) {
        // Each element is its length and its bytes, so a reader can take whole elements only.
        let start = pending.bytes.count
        pending.append(UInt32(0))
        encodeElement!(element, &pending)
        let length = UInt32(pending.bytes.count - start - 4)
        withUnsafeBytes(of: length.littleEndian) { pending.bytes.replaceSubrange(start..<start + 4, with: $0) }
        if pending.bytes.count >= Self.blockBytes { flush() }
    }

    private func flush() {
        defer { pending.bytes.removeAll(keepingCapacity: true) }
        guard writeFailure == nil else { return }
        let failure: String? = pending.bytes.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let result = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written,
                                    off_t(fileBytes + written))
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else { return String(cString: strerror(result < 0 ? errno : ENOSPC)) }
                written += result
            }
            return nil
        }
        if let failure {
            writeFailure = failure
            return
        }
        fileBytes += pending.bytes.count
    }

    public func makeIterator() -> Iterator {
        precondition(isSealed || descriptor < 0, "a list on disk is read only once sealed")
        return Iterator(list: self)
    }

    /// Reads the elements in order: from memory, or from the file a block at a time.
    public struct Iterator: IteratorProtocol {
        private let list: SpilledList
        private var index = 0
        private var block: [UInt8] = []
        private var blockStart = 0  // offset in `block` of the next element
        private var fileOffset = 0  // where the next read starts

        fileprivate init(list: SpilledList) {
            precondition(list.writeFailure == nil, "a list that could not be written is read")
            self.list = list
        }

        public mutating func next() -> Element? {
            guard list.descriptor >= 0 else {
                guard index < list.values.count else { return nil }
                defer { index += 1 }
                return list.values[index]
            }
            guard index < list.count else { return nil }
            index += 1
            let length = Int(readLength())
            ensure(length)
            var decoder = SpillDecoder(block, from: blockStart)
            let element = list.decodeElement!(&decoder)
            blockStart += length
            return element
        }

        private mutating func readLength() -> UInt32 {
            ensure(4)
            let length = block.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: blockStart, as: UInt32.self) }
            blockStart += 4
            return UInt32(littleEndian: length)
        }

        /// Makes `block` hold at least `bytes` bytes from `blockStart` on.
        private mutating func ensure(_ bytes: Int) {
            guard block.count - blockStart < bytes else { return }
            block.removeSubrange(0..<blockStart)
            blockStart = 0
            let wanted = Swift.max(bytes - block.count, SpilledList.blockBytes)
            let available = Swift.min(wanted, list.fileBytes - fileOffset)
            let old = block.count
            block.append(contentsOf: repeatElement(0, count: available))
            block.withUnsafeMutableBytes { buffer in
                var done = 0
                while done < available {
                    let result = pread(list.descriptor, buffer.baseAddress! + old + done, available - done,
                                       off_t(fileOffset + done))
                    if result < 0 && errno == EINTR { continue }
                    // The file was written whole a moment ago by this process; a read failing
                    // now is a failing disk, and going on would list problems wrongly.
                    precondition(result > 0, "cannot read the temporary list file back: \(String(cString: strerror(errno)))")
                    done += result
                }
            }
            fileOffset += available
            precondition(block.count >= bytes, "the temporary list file ends inside an element")
        }
    }
}

extension SpilledList: ExpressibleByArrayLiteral {
    public convenience init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension SpilledList {
    /// The first element, nil when the list is empty.
    public var first: Element? {
        var iterator = makeIterator()
        return iterator.next()
    }
}

/// Appends values as bytes for a ``SpilledList``: integers little-endian, texts as their UTF-8
/// with its length.
struct SpillEncoder {
    fileprivate(set) var bytes: [UInt8] = []

    mutating func append(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func append(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func append(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            append(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func append(_ text: String?) {
        append(text != nil)
        if let text { append(text) }
    }
}

/// Reads back what a ``SpillEncoder`` wrote, in the same order.
struct SpillDecoder {
    private let bytes: [UInt8]
    private var offset: Int

    fileprivate init(_ bytes: [UInt8], from offset: Int) {
        self.bytes = bytes
        self.offset = offset
    }

    mutating func int() -> Int {
        defer { offset += 8 }
        return Int(Int64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int64.self) }))
    }

    mutating func bool() -> Bool {
        defer { offset += 1 }
        return bytes[offset] != 0
    }

    mutating func string() -> String {
        let count = int()
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    mutating func optionalString() -> String? { bool() ? string() : nil }
}
