/// Decides the encoding of a file for `--encoding auto` by reading it once before parsing.
///
/// The rule is about the whole file, so it needs a whole pass: valid UTF-8 is UTF-8 (a file that
/// is valid but for a character cut by its end counts as UTF-8 too); otherwise a file that
/// decodes wholly as GB18030 is GB18030; otherwise it is read as UTF-8 and every row holding a
/// bad byte is rejected. A pipe cannot be read twice and is taken as UTF-8.
///
/// The pass also tells the reader whether every byte was found to be part of a whole, valid
/// character: then no field can hold a bad sequence, and fields need not be checked one by one.
enum EncodingDetector {
    /// - Parameter threads: how many threads may check parts of a large file at once.
    static func detect(_ file: InputFile, chunkBytes: Int, threads: Int = 1) throws(IngestError) -> EncodingDecision {
        guard file.isSeekable else { return EncodingDecision(.utf8, isWhollyValid: false) }
        switch try utf8Verdict(file, chunkBytes: chunkBytes, threads: threads) {
        case .valid: return EncodingDecision(.utf8, isWhollyValid: true)
        case .validButCutAtEnd: return EncodingDecision(.utf8, isWhollyValid: false)
        case .invalid: break
        }
        // A GB18030 file decodes wholly, or it is not taken for GB18030.
        return try isValidGB18030(file, chunkBytes: chunkBytes, threads: threads)
            ? EncodingDecision(.gb18030, isWhollyValid: true) : EncodingDecision(.invalid, isWhollyValid: false)
    }

    private enum UTF8Verdict {
        case valid
        /// Valid but for a character cut by the file's end.
        case validButCutAtEnd
        case invalid
    }

    /// The verdict on the whole file, its parts checked on `threads` threads when it is large.
    ///
    /// UTF-8 can be checked in parts: each part but the first starts where a character starts
    /// (after at most three continuation bytes, which belong to the part before). A valid file
    /// is then valid part by part; in an invalid one some part is invalid — a character cut at
    /// a part's end is followed by a byte that cannot continue it, unless the part ends where
    /// the file does.
    private static func utf8Verdict(_ file: InputFile, chunkBytes: Int, threads: Int) throws(IngestError) -> UTF8Verdict {
        let positional = file.positional
        let ranges = try parts(of: file, chunkBytes: chunkBytes, threads: threads) { (cut) throws(IngestError) -> Int in
            var head: (UInt8, UInt8, UInt8) = (0, 0, 0)
            let count = try withUnsafeMutableBytes(of: &head) { (buffer) throws(IngestError) -> Int in
                try positional.read(into: buffer, at: cut)
            }
            return cut + [head.0, head.1, head.2].prefix(count).prefix { $0 & 0xC0 == 0x80 }.count
        }
        let end = file.size
        let verdicts = ConcurrentWork.map(ranges.count, threads: ranges.count) { part -> Result<UTF8Verdict, IngestError> in
            Result { () throws(IngestError) -> UTF8Verdict in
                // A part followed by none but empty ones ends where the file does.
                try utf8Verdict(positional, ranges[part], isLast: ranges[part].upperBound == end, chunkBytes: chunkBytes)
            }
        }
        var whole = UTF8Verdict.valid
        for verdict in verdicts {
            switch try verdict.get() {
            case .invalid: return .invalid
            case .validButCutAtEnd: whole = .validButCutAtEnd  // only the last part can say so
            case .valid: break
            }
        }
        return whole
    }

    /// The verdict on the bytes `range` of `file`; a character cut by the range's end makes it
    /// invalid unless the range is the file's last part.
    private static func utf8Verdict(_ file: PositionalFile, _ range: Range<Int>, isLast: Bool,
                                    chunkBytes: Int) throws(IngestError) -> UTF8Verdict {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkBytes + 4, alignment: 8)
        defer { buffer.deallocate() }
        var offset = range.lowerBound
        var carried = 0
        while offset < range.upperBound {
            let wanted = min(chunkBytes, range.upperBound - offset)
            let count = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[carried..<carried + wanted]), at: offset)
            if count == 0 { break }  // the file shrank: what was read is judged
            offset += count
            let available = carried + count
            switch UTF8Validation.check(UnsafeRawBufferPointer(rebasing: buffer[0..<available])) {
            case .valid:
                carried = 0
            case .invalid:
                return .invalid
            case .truncated(let cut):
                carried = available - cut
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + cut, byteCount: carried)
            }
        }
        guard carried > 0 else { return .valid }
        // Cut inside its very last character (a truncated export), the file is still UTF-8: its
        // last row is rejected, rather than the whole file being taken for GB18030, as which
        // UTF-8 Chinese often happens to decode.
        return isLast ? .validButCutAtEnd : .invalid
    }

    /// Whether the whole file decodes as GB18030, its parts checked on `threads` threads when
    /// it is large.
    ///
    /// GB18030 can be checked in parts cut after a line feed: 0x0A is never a byte of a
    /// two- or four-byte character (their bytes are 0x30 and up), so the byte after one always
    /// starts a character. A part that finds no line feed joins the next.
    private static func isValidGB18030(_ file: InputFile, chunkBytes: Int, threads: Int) throws(IngestError) -> Bool {
        let positional = file.positional
        let ranges = try parts(of: file, chunkBytes: chunkBytes, threads: threads) { (cut) throws(IngestError) -> Int in
            try lineStart(from: cut, in: positional, end: file.size, chunkBytes: chunkBytes)
        }
        let verdicts = ConcurrentWork.map(ranges.count, threads: ranges.count) { part -> Result<Bool, IngestError> in
            Result { () throws(IngestError) -> Bool in
                try isValidGB18030(positional, ranges[part], chunkBytes: chunkBytes)
            }
        }
        for verdict in verdicts where try !verdict.get() { return false }
        return true
    }

    /// The file cut into up to `threads` parts of at least `chunkBytes` each (one part when it
    /// is smaller), for checking on as many threads: each part but the first starts where
    /// `start` moves its even cut to, and never before the part ahead of it starts.
    private static func parts(of file: InputFile, chunkBytes: Int, threads: Int,
                              startingAt start: (_ cut: Int) throws(IngestError) -> Int) throws(IngestError) -> [Range<Int>] {
        let count = max(1, min(threads, file.size / max(1, chunkBytes)))
        var starts = [0]
        for part in 1..<count {
            starts.append(max(try start(file.size * part / count), starts.last!))
        }
        starts.append(file.size)
        return (0..<count).map { starts[$0]..<starts[$0 + 1] }
    }

    /// Where the first line after `offset` starts: just past the next line feed, or `end`.
    private static func lineStart(from offset: Int, in file: PositionalFile, end: Int,
                                  chunkBytes: Int) throws(IngestError) -> Int {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(chunkBytes, 64 << 10), alignment: 8)
        defer { buffer.deallocate() }
        var position = offset
        while position < end {
            let count = try file.read(into: buffer, at: position)
            if count == 0 { break }
            if let lineFeed = UnsafeRawBufferPointer(rebasing: buffer[..<count]).firstIndex(of: 0x0A) {
                return position + lineFeed + 1
            }
            position += count
        }
        return end
    }

    /// Whether the bytes `range` of `file`, which start a character and end one (or the file),
    /// decode as GB18030.
    private static func isValidGB18030(_ file: PositionalFile, _ range: Range<Int>,
                                       chunkBytes: Int) throws(IngestError) -> Bool {
        let decoder = try GB18030Decoder()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkBytes + 4, alignment: 8)
        defer { buffer.deallocate() }
        var sink: [UInt8] = []
        var offset = range.lowerBound
        var carried = 0
        while true {
            let wanted = min(chunkBytes, range.upperBound - offset)
            let count = wanted > 0
                ? try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[carried..<carried + wanted]), at: offset)
                : 0
            offset += count
            let available = carried + count
            sink.removeAll(keepingCapacity: true)
            let used = decoder.decode(UnsafeRawBufferPointer(rebasing: buffer[0..<available]),
                                      isFinal: count == 0, into: &sink)
            if decoder.invalidByteCount > 0 { return false }
            carried = available - used
            if carried > 0 {
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + used, byteCount: carried)
            }
            if count == 0 { return true }
        }
    }
}

/// The encoding a file is read in, and whether a pass over all of it found every byte part of
/// a whole, valid character.
struct EncodingDecision {
    var encoding: TextEncoding
    /// True when no field can hold a bad sequence, so fields are not checked one by one. (A
    /// file rewritten while it is read could still bring one; Swift's strings then show it as
    /// U+FFFD: a wrong character, never a crash, and a file rewritten mid-run is wrong anyway.)
    var isWhollyValid: Bool

    init(_ encoding: TextEncoding, isWhollyValid: Bool) {
        self.encoding = encoding
        self.isWhollyValid = isWhollyValid
    }

    /// How the reader names a field's bad bytes: the file's encoding, UTF-8 unless GB18030.
    var invalidEncodingName: String { encoding == .gb18030 ? "GB18030" : "UTF-8" }
}
