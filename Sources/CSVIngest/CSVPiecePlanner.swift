import Glibc

/// One piece of a file to be parsed on its own: bytes `start..<end`, starting at physical line
/// `firstLine`. Only the last piece reaches the end of the file; every other one ends just
/// after a line feed.
struct PlannedPiece: Sendable, Equatable {
    /// Position in file order, from 0.
    var index: Int
    var start: Int
    var end: Int
    /// The file's physical line (1-based) on which the piece starts: one more than the line
    /// feeds before `start`.
    var firstLine: Int
    var isLast: Bool
}

/// Finds where a file can be cut into pieces, in one fast pass over its raw bytes that needs no
/// parsing: only quotes and line feeds are counted.
///
/// A piece ends just after a line feed at which the number of quotes since the start of the
/// file is even, once the piece has reached `pieceBytes`: in a well-formed file the parser is
/// outside any quoted field there. Each cut is only a guess (a stray quote or a runaway field
/// makes the parser's view differ from the count), which is why a piece says whether it ended
/// clean and the driver reads on from it when it did not. A stray quote, rejected with its line,
/// flips the count for good, so after a further `pieceBytes` without an even line end, a line
/// end with the other count is taken, and that count is what later cuts look for: pieces stay
/// parallel after a data error instead of the rest of the file becoming one piece.
///
/// Raw bytes are cut in every encoding read: a line feed (0x0A) and a quote (0x22) are never
/// part of another character, neither in UTF-8 (whose continuation bytes are 0x80 and up) nor
/// in GB18030 (whose second bytes are 0x30–0x39 or 0x40–0xFE), so a cut after a line feed never
/// splits a character and the count sees exactly the quotes the parser sees. (Invalid GB18030
/// can still make the decoder hold a line feed back at the end of a piece; the piece then does
/// not end clean: see ``CSVPieceReader/endedClean``.) A byte order mark holds neither byte, so
/// counting from the first byte is counting from after it.
struct PieceBoundaryScanner {
    /// The size a piece reaches before the next suitable line end ends it.
    let pieceBytes: Int
    /// No cut before this many line feeds: later pieces start after the header's lines.
    let firstCutAfterLines: Int
    /// Offset of the next byte to scan.
    private(set) var position = 0
    /// Line feeds scanned so far.
    private(set) var lineFeeds = 0
    /// Whether the quotes scanned so far are odd in number.
    private(set) var quotesOdd = false
    private var lastCut = 0
    /// The quote count's parity a cut looks for (see the type's comment).
    private var cutQuotesOdd = false

    init(pieceBytes: Int, firstCutAfterLines: Int = 0) {
        self.pieceBytes = max(1, pieceBytes)
        self.firstCutAfterLines = firstCutAfterLines
    }

    /// Scans `bytes[start...]`, the file's bytes from ``position`` on, and stops just after the
    /// next cut; returns the index in `bytes` one past the cut's line feed, or nil when the
    /// rest of `bytes` holds no cut (it is then all scanned).
    mutating func scan(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count else { return nil }
        let origin = position - start  // file offset of bytes[0]
        var index = start
        defer { position = origin + index }
        while index < bytes.count {
            let due = Self.saturatingSum(lastCut, pieceBytes) - origin
            if index < due || firstCutAfterLines == .max {
                // Before a cut is due only the counts matter: count a long run at full speed.
                let end = firstCutAfterLines == .max ? bytes.count : min(bytes.count, due)
                let counts = Self.countQuotesAndLineFeeds(base + index, count: end - index)
                lineFeeds += counts.lineFeeds
                if counts.quotes & 1 == 1 { quotesOdd.toggle() }
                index = end
                continue
            }
            // A cut is due: take the next line end whose quote count fits.
            guard let found = memchr(base + index, 0x0A, bytes.count - index) else {
                let counts = Self.countQuotesAndLineFeeds(base + index, count: bytes.count - index)
                if counts.quotes & 1 == 1 { quotesOdd.toggle() }
                index = bytes.count
                break
            }
            let lineFeed = base.distance(to: UnsafeRawPointer(found))
            if Self.countQuotesAndLineFeeds(base + index, count: lineFeed - index).quotes & 1 == 1 {
                quotesOdd.toggle()
            }
            lineFeeds += 1
            index = lineFeed + 1
            let pieceSize = origin + index - lastCut
            if lineFeeds >= firstCutAfterLines
                && (quotesOdd == cutQuotesOdd || pieceSize - pieceBytes >= pieceBytes) {
                cutQuotesOdd = quotesOdd
                lastCut = origin + index
                return index
            }
        }
        return nil
    }

    private static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    // MARK: Counting

    private static let lowSevenBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let quoteBytes: UInt64 = 0x2222_2222_2222_2222
    private static let lineFeedBytes: UInt64 = 0x0A0A_0A0A_0A0A_0A0A

    /// The high bit of each byte of the result is set exactly where that byte of `word` is 0.
    /// (Adding to the low seven bits never carries into the next byte, so there are no false
    /// matches, unlike the shorter `(x - 0x01…) & ~x & 0x80…` test.)
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & lowSevenBits) &+ lowSevenBits) | word) & highBits
    }

    /// The sum of the eight byte lanes of `lanes`, each at most 255.
    @inline(__always)
    private static func laneSum(_ lanes: UInt64) -> Int {
        let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
    }

    /// Counts the quotes and line feeds in `count` bytes at `start`, eight bytes at a time: each
    /// match adds one to its byte's lane, and the lanes are summed every 255 words, before one
    /// can overflow. (No population count: it is not in the baseline x86-64 the build targets.)
    static func countQuotesAndLineFeeds(_ start: UnsafeRawPointer, count: Int) -> (quotes: Int, lineFeeds: Int) {
        var quotes = 0
        var lineFeeds = 0
        var offset = 0
        while count - offset >= 8 {
            let blockEnd = offset + min((count - offset) / 8, 255) * 8
            var quoteLanes: UInt64 = 0
            var lineFeedLanes: UInt64 = 0
            while offset < blockEnd {
                let word = start.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                quoteLanes &+= zeroBytes(word ^ quoteBytes) >> 7
                lineFeedLanes &+= zeroBytes(word ^ lineFeedBytes) >> 7
                offset &+= 8
            }
            quotes += laneSum(quoteLanes)
            lineFeeds += laneSum(lineFeedLanes)
        }
        while offset < count {
            switch start.load(fromByteOffset: offset, as: UInt8.self) {
            case 0x22: quotes += 1
            case 0x0A: lineFeeds += 1
            default: break
            }
            offset += 1
        }
        return (quotes, lineFeeds)
    }
}

/// Reads a file once, in order, showing every byte to `onBytes` (the hash) and cutting it into
/// pieces with a ``PieceBoundaryScanner`` as it goes; the pieces' bytes are read again by
/// whoever parses them.
final class CSVPiecePlanner {
    private let file: InputFile
    private let chunkBytes: Int
    private var scanner: PieceBoundaryScanner
    private let buffer: UnsafeMutableRawBufferPointer
    /// The bytes of `buffer` read last, at file offset `chunkOffset`, scanned up to `scanned`.
    private var chunkCount = 0
    private var chunkOffset = 0
    private var scanned = 0
    /// A cut found at the very end of what was read: whether it ends a piece or the file is
    /// known only once the next read says whether more bytes follow.
    private var cutAtChunkEnd: (offset: Int, lineFeeds: Int)?
    private var pieceStart = 0
    private var pieceFirstLine = 1
    private var nextIndex = 0
    private var finished = false

    /// Plans `file` from its first byte; the file must be at its start (see
    /// ``InputFile/rewind()``). `headerLines`: no cut before that many line feeds, nil for no
    /// cut at all.
    init(file: InputFile, chunkBytes: Int, pieceBytes: Int, headerLines: Int?) {
        self.file = file
        self.chunkBytes = max(1, chunkBytes)
        scanner = PieceBoundaryScanner(pieceBytes: pieceBytes, firstCutAfterLines: headerLines ?? .max)
        buffer = .allocate(byteCount: self.chunkBytes, alignment: 8)
    }

    deinit { buffer.deallocate() }

    /// The next piece in file order, or nil after the last one. Reads on as far as the piece's
    /// end (and, for a piece ending at the end of a read, one read further).
    func next(onBytes: (UnsafeRawBufferPointer) -> Void) throws(IngestError) -> PlannedPiece? {
        guard !finished else { return nil }
        while true {
            if let cut = cutAtChunkEnd, scanned < chunkCount {
                cutAtChunkEnd = nil
                return piece(endingAt: cut.offset, lineFeeds: cut.lineFeeds)
            }
            if cutAtChunkEnd == nil && scanned < chunkCount {
                let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<chunkCount])
                if let cut = scanner.scan(chunk, from: scanned) {
                    scanned = cut
                    if cut < chunkCount { return piece(endingAt: chunkOffset + cut, lineFeeds: scanner.lineFeeds) }
                    cutAtChunkEnd = (chunkOffset + cut, scanner.lineFeeds)
                } else {
                    scanned = chunkCount
                }
                continue
            }
            chunkOffset += chunkCount
            chunkCount = try file.read(into: buffer)
            scanned = 0
            onBytes(UnsafeRawBufferPointer(rebasing: buffer[0..<chunkCount]))
            if chunkCount == 0 {
                // A cut at the very end of the file would leave an empty last piece: the piece
                // before it is the last one instead.
                finished = true
                return PlannedPiece(index: nextIndex, start: pieceStart, end: chunkOffset,
                                    firstLine: pieceFirstLine, isLast: true)
            }
        }
    }

    private func piece(endingAt end: Int, lineFeeds: Int) -> PlannedPiece {
        let piece = PlannedPiece(index: nextIndex, start: pieceStart, end: end, firstLine: pieceFirstLine, isLast: false)
        nextIndex += 1
        pieceStart = end
        pieceFirstLine = lineFeeds + 1
        return piece
    }
}
