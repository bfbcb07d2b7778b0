import Glibc

/// What a stream has read so far — one piece's, or, added up, a whole file's.
struct CSVPieceCounts: Sendable, Equatable {
    var records = 0
    var accepted = 0
    var rejected = 0
    var blankRows = 0
    /// The rows the stream took (records and blank lines): what the rows after it are offset by.
    var rows = 0
    /// The file's physical lines up to the last one the stream reached (the file's line numbers,
    /// not the piece's).
    var lines = 0

    /// Adds the counts of the stream that read on after these.
    mutating func add(_ later: CSVPieceCounts) {
        records += later.records
        accepted += later.accepted
        rejected += later.rejected
        blankRows += later.blankRows
        rows += later.rows
        lines = max(lines, later.lines)
    }
}

extension CSVByteStream {
    var counts: CSVPieceCounts {
        CSVPieceCounts(records: records, accepted: accepted, rejected: rejected,
                       blankRows: blankRows, rows: row, lines: physicalLines)
    }
}

extension CSVFileSummary {
    /// Takes the counts of the stream (or streams) that read the file, and the encoding it was
    /// read in — UTF-8 with a byte order mark told apart.
    mutating func take(_ counts: CSVPieceCounts, encoding: TextEncoding, sawByteOrderMark: Bool) {
        self.encoding = (encoding == .utf8 && sawByteOrderMark) ? .utf8WithBOM : encoding
        records = counts.records
        accepted = counts.accepted
        rejected = counts.rejected
        blankRows = counts.blankRows
        lines = counts.lines
    }
}

/// Parses pieces of a file with one ``CSVByteStream``, as the serial reader would: from the
/// start of the file, or from the start of a line after the header given the state the serial
/// reader would be in there.
///
/// After a piece the reader says whether it ended clean (``endedClean``): at a line start,
/// outside any record, with nothing pending. Only then may the next piece be read by a fresh
/// reader; otherwise this reader must read the next piece itself, since it goes on from where
/// it stopped exactly as the serial reader would. End-of-file handling (a quote never closed,
/// a last line with no line end) happens only for the piece read with `isLast`, and a piece
/// that is not last and ends inside a line is simply not clean.
///
/// Rows are counted from the reader's first piece (add the rows before it); lines are the
/// file's, so that messages naming a line are the same as the serial reader's.
final class CSVPieceReader {
    /// Where a reader starts.
    enum Start {
        /// At the file's first byte (which may be a byte order mark), before the header.
        case fileStart
        /// At the start of physical line `line`, after the header, outside any record.
        case line(Int, header: CSVHeaderState)
    }

    /// Where the stream's records and diagnostics go; set before each piece. The stream holds
    /// on to these closures, so they go through this box and can change between pieces.
    private final class Outlet {
        var onRecord: (CSVRecord) -> Void = { _ in }
        var onDiagnostic: (Diagnostic) -> Void = { _ in }
    }

    let stream: CSVByteStream
    private let outlet = Outlet()
    private let file: PositionalFile
    private let decoder: GB18030Decoder?
    private let chunkBytes: Int
    /// The first bytes of a GB18030 character cut by the end of the last read.
    private var carried: [UInt8] = []
    /// The offset at which the next piece must start.
    private(set) var position: Int
    /// True once a piece was read with `isLast`.
    private(set) var finished = false

    init(file: PositionalFile, fileName: String, options: CSVReadOptions, encoding: EncodingDecision,
         start: Start, at offset: Int) throws(IngestError) {
        self.file = file
        chunkBytes = max(1, options.chunkBytes)
        decoder = encoding.encoding == .gb18030 ? try GB18030Decoder() : nil
        position = offset
        let outlet = outlet
        stream = CSVByteStream(
            fileName: fileName, maxFieldBytes: options.maxFieldBytes, encoding: encoding,
            onDiagnostic: { outlet.onDiagnostic($0) }, onRecord: { outlet.onRecord($0) })
        if case .line(let line, let header) = start {
            stream.resume(atLine: line, header: header)
        }
    }

    /// Sets where the next pieces' accepted records and diagnostics go.
    func route(onRecord: @escaping (CSVRecord) -> Void, onDiagnostic: @escaping (Diagnostic) -> Void) {
        outlet.onRecord = onRecord
        outlet.onDiagnostic = onDiagnostic
    }

    /// True when the last piece read left the stream where a fresh reader could take over.
    ///
    /// The decoder must hold nothing either: glibc's iconv waits for all four bytes of what may
    /// be a four-byte GB18030 character before judging them, so at the end of a piece it can
    /// hold back an invalid lead pair with the line feed after it (`84 31 0A`), which the serial
    /// read, with more bytes after them, copies through as invalid before reading the line feed.
    var endedClean: Bool { !finished && carried.isEmpty && stream.isAtCleanLineStart }

    var counts: CSVPieceCounts { stream.counts }

    /// Parses the file's bytes `range`, which must start where the last piece ended. With
    /// `isLast`, the range ends at the end of the file and the stream is finished.
    func read(_ range: Range<Int>, isLast: Bool) throws(IngestError) {
        precondition(range.lowerBound == position && !finished, "pieces must follow one another")
        _ = try pump(range, isLast: isLast, stopAtLineEnd: nil)
    }

    /// Parses from ``position`` to the end of the file a line at a time, stopping just after
    /// the first line end at which `stop` holds; returns how many line feeds were read then,
    /// or nil when the file ended first (the stream is then finished). Either way the reader
    /// reads nothing more.
    func readLines(until stop: (CSVByteStream) -> Bool) throws(IngestError) -> Int? {
        precondition(!finished, "the reader is finished")
        defer { finished = true }
        return try withoutActuallyEscaping(stop) { stop throws(IngestError) in
            try pump(position..<Int.max, isLast: true, stopAtLineEnd: stop)
        }
    }

    private func pump(_ range: Range<Int>, isLast: Bool,
                      stopAtLineEnd stop: ((CSVByteStream) -> Bool)?) throws(IngestError) -> Int? {
        let outcome: Result<Int?, IngestError> = stream.parser.withFieldCap {
            do throws(IngestError) {
                return .success(try pumpWithCap(range, isLast: isLast, stopAtLineEnd: stop))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    private func pumpWithCap(_ range: Range<Int>, isLast: Bool,
                             stopAtLineEnd stop: ((CSVByteStream) -> Bool)?) throws(IngestError) -> Int? {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkBytes + 8, alignment: 8)
        defer { buffer.deallocate() }
        var carriedCount = carried.count
        buffer.copyBytes(from: carried)
        carried = []
        var decoded: [UInt8] = []
        var lineFeeds = 0
        var offset = range.lowerBound
        while offset < range.upperBound {
            let want = min(chunkBytes, range.upperBound - offset)
            let count = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[carriedCount..<carriedCount + want]),
                                      at: offset)
            if count == 0 {
                guard range.upperBound == .max else {
                    throw .readFailed(path: file.path, reason: "the file got shorter while it was read")
                }
                break
            }
            offset += count
            position = offset
            let stopped: Bool
            if let decoder {
                let available = carriedCount + count
                decoded.removeAll(keepingCapacity: true)
                let used = decoder.decode(UnsafeRawBufferPointer(rebasing: buffer[0..<available]), isFinal: false, into: &decoded)
                carriedCount = available - used
                if carriedCount > 0 {
                    buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + used, byteCount: carriedCount)
                }
                stopped = decoded.withUnsafeBytes { feed($0, lineFeeds: &lineFeeds, stop: stop) }
            } else {
                stopped = feed(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), lineFeeds: &lineFeeds, stop: stop)
            }
            if stopped { return lineFeeds }
        }
        if isLast {
            // As at the end of a serial read: a character cut by the end of the file is
            // decoded as invalid, then the stream reports what is left open.
            if let decoder, carriedCount > 0 {
                decoded.removeAll(keepingCapacity: true)
                _ = decoder.decode(UnsafeRawBufferPointer(rebasing: buffer[0..<carriedCount]), isFinal: true, into: &decoded)
                carriedCount = 0
                if decoded.withUnsafeBytes({ feed($0, lineFeeds: &lineFeeds, stop: stop) }) { return lineFeeds }
            }
            stream.finish()
            finished = true
            return nil
        }
        carried = Array(buffer[0..<carriedCount])
        return nil
    }

    /// Feeds decoded bytes to the stream; with `stop`, a line at a time. Returns true when
    /// `stop` held after a line end (the bytes after it are not fed).
    private func feed(_ text: UnsafeRawBufferPointer, lineFeeds: inout Int,
                      stop: ((CSVByteStream) -> Bool)?) -> Bool {
        guard let stop else {
            stream.consume(text)
            return false
        }
        guard let base = text.baseAddress else { return false }
        var start = 0
        while start < text.count {
            let found = memchr(base + start, 0x0A, text.count - start)
            let end = found.map { base.distance(to: UnsafeRawPointer($0)) + 1 } ?? text.count
            stream.consume(UnsafeRawBufferPointer(rebasing: text[start..<end]))
            start = end
            if found != nil {
                lineFeeds += 1
                if stop(stream) { return true }
            }
        }
        return false
    }
}
