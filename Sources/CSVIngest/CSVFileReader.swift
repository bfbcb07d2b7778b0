import Glibc

/// Reads one CSV file in a streaming pass and hands every accepted record to a closure.
///
/// Memory does not grow with the file: the file is read in chunks, one record is held at a time,
/// and the only other buffer is the bytes of a quoted field that spans lines (kept so the lines
/// after a runaway quote can be read again; bounded by the field cap).
public enum CSVFileReader {
    /// Reads `path`, calling `onRecord` for each accepted record (the header first, as row 1)
    /// and `onDiagnostic` for each problem, in file order.
    ///
    /// - Parameter displayName: how diagnostics name the file; defaults to `path`.
    /// - Parameter onBytes: sees the file's raw bytes in order as they are read (for hashing).
    /// - Throws: ``IngestError`` when the file cannot be opened or read at all, and
    ///   ``IngestError/notCSV(path:looksLike:)`` when its first bytes show it is another kind of
    ///   file (a workbook, a PDF, UTF-16 text…); nothing has been reported or read then.
    @discardableResult
    public static func read(
        path: String,
        displayName: String? = nil,
        options: CSVReadOptions = CSVReadOptions(),
        onBytes: (UnsafeRawBufferPointer) -> Void = { _ in },
        onDiagnostic: (Diagnostic) -> Void,
        onRecord: (CSVRecord) -> Void
    ) throws(IngestError) -> CSVFileSummary {
        let file = try InputFile(path: path)
        defer { file.close() }
        // Before anything else: a workbook renamed .csv gets one sentence saying so, not a
        // page of invalid-encoding errors.
        if let format = NonCSVFormat.identify(try file.peek(NonCSVFormat.sniffBytes)) {
            throw .notCSV(path: path, looksLike: format)
        }
        var summary = CSVFileSummary(path: path)
        summary.bytes = file.size

        let decision = try decideEncoding(of: file, options: options)

        let decoder: GB18030Decoder? = decision.encoding == .gb18030 ? try GB18030Decoder() : nil
        // The stream keeps the callbacks only while this call runs.
        let result: Result<CSVFileSummary, IngestError> = withoutActuallyEscaping(onDiagnostic) { onDiagnostic in
            withoutActuallyEscaping(onRecord) { onRecord in
                let stream = CSVByteStream(
                    fileName: displayName ?? path, maxFieldBytes: options.maxFieldBytes, encoding: decision,
                    onDiagnostic: onDiagnostic, onRecord: onRecord)
                return stream.parser.withFieldCap {
                    do throws(IngestError) {
                        try file.rewind()
                        try pump(file: file, decoder: decoder, chunkBytes: options.chunkBytes,
                                 onBytes: onBytes, into: stream)
                        summary.take(stream.counts, encoding: decision.encoding, sawByteOrderMark: stream.sawByteOrderMark)
                        summary.header = stream.header
                        return .success(summary)
                    } catch {
                        return .failure(error)
                    }
                }
            }
        }
        return try result.get()
    }

    /// Moves the file through the decoder (if any) into the byte stream, a chunk at a time.
    static func pump(file: InputFile, decoder: GB18030Decoder?, chunkBytes: Int,
                     onBytes: (UnsafeRawBufferPointer) -> Void,
                     into stream: CSVByteStream) throws(IngestError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkBytes + 8, alignment: 8)
        defer { buffer.deallocate() }
        var decoded: [UInt8] = []
        var carried = 0  // bytes of a GB18030 character cut by the previous chunk's end
        while true {
            let count = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[carried..<chunkBytes + carried]))
            let isFinal = count == 0
            onBytes(UnsafeRawBufferPointer(rebasing: buffer[carried..<carried + count]))
            let available = carried + count
            if let decoder {
                decoded.removeAll(keepingCapacity: true)
                let used = decoder.decode(UnsafeRawBufferPointer(rebasing: buffer[0..<available]),
                                          isFinal: isFinal, into: &decoded)
                carried = available - used
                if carried > 0 {
                    buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + used, byteCount: carried)
                }
                decoded.withUnsafeBytes { stream.consume($0) }
            } else if count > 0 {
                stream.consume(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            }
            if isFinal { break }
        }
        stream.finish()
    }
}

/// An open input file: a descriptor with the errors mapped to ``IngestError``.
final class InputFile {
    let path: String
    let size: Int
    let isSeekable: Bool
    private var descriptor: Int32
    /// Bytes taken from a pipe by ``peek(_:)``, handed out again by the next reads.
    private var peeked: [UInt8] = []

    init(path: String) throws(IngestError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .fromErrno(errno, path: path) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            Glibc.close(descriptor)
            throw .fromErrno(code, path: path)
        }
        let type = info.st_mode & S_IFMT
        guard type != S_IFDIR else {
            Glibc.close(descriptor)
            throw .isDirectory(path: path)
        }
        guard type == S_IFREG || type == S_IFIFO || type == S_IFCHR else {
            Glibc.close(descriptor)
            throw .notRegularFile(path: path)
        }
        size = type == S_IFREG ? Int(info.st_size) : 0
        isSeekable = type == S_IFREG
    }

    /// Reads up to `buffer.count` bytes; 0 means end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
        if !peeked.isEmpty {
            let count = min(buffer.count, peeked.count)
            peeked.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: count) }
            peeked.removeFirst(count)
            return count
        }
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw .fromErrno(errno, path: path)
        }
    }

    /// The file's first bytes, up to `limit`, without moving the read position.
    ///
    /// A regular file is read at offset 0 and may give all `limit` bytes. A pipe cannot go back,
    /// so what it gives is kept for the next reads; and since a pipe may be fed slowly, only
    /// a few bytes are waited for: enough for a signature, not for a whole zip part name.
    func peek(_ limit: Int) throws(IngestError) -> [UInt8] {
        if isSeekable {
            var bytes = [UInt8](repeating: 0, count: limit)
            var filled = 0
            while filled < limit {
                let count = bytes.withUnsafeMutableBytes {
                    pread(descriptor, $0.baseAddress! + filled, limit - filled, off_t(filled))
                }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw .fromErrno(errno, path: path)
                }
                if count == 0 { break }
                filled += count
            }
            bytes.removeLast(limit - filled)
            return bytes
        }
        let wanted = min(limit, 16)
        var chunk = [UInt8](repeating: 0, count: wanted)
        while peeked.count < wanted {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted - peeked.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .fromErrno(errno, path: path)
            }
            if count == 0 { break }
            peeked.append(contentsOf: chunk[0..<count])
        }
        return peeked
    }

    /// Goes back to the start of the file. A no-op for a pipe, which was not read yet except by
    /// ``peek(_:)``, whose bytes the next reads hand out again.
    func rewind() throws(IngestError) {
        guard isSeekable else { return }
        if lseek(descriptor, 0, SEEK_SET) < 0 { throw .fromErrno(errno, path: path) }
    }

    func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    /// A handle that reads any part of the file without moving the read position, from any
    /// thread; valid until ``close()``. Regular files only.
    var positional: PositionalFile {
        precondition(isSeekable, "a pipe cannot be read by position")
        return PositionalFile(descriptor: descriptor, path: path)
    }
}

/// Reads an open regular file at given offsets (`pread`), so that threads can read their own
/// parts of it at once.
struct PositionalFile: Sendable {
    let descriptor: Int32
    let path: String

    /// Reads up to `buffer.count` bytes at `offset`; 0 means end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(IngestError) -> Int {
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw .fromErrno(errno, path: path)
        }
    }
}
