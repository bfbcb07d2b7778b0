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
    static func detect(_ file: InputFile, chunkBytes: Int) throws(IngestError) -> EncodingDecision {
        guard file.isSeekable else { return EncodingDecision(.utf8, isWhollyValid: false) }
        switch try utf8Verdict(file, chunkBytes: chunkBytes) {
        case .valid: return EncodingDecision(.utf8, isWhollyValid: true)
        case .validButCutAtEnd: return EncodingDecision(.utf8, isWhollyValid: false)
        case .invalid: break
        }
        // A GB18030 file decodes wholly, or it is not taken for GB18030.
        return try isValidGB18030(file, chunkBytes: chunkBytes)
            ? EncodingDecision(.gb18030, isWhollyValid: true) : EncodingDecision(.invalid, isWhollyValid: false)
    }

    private enum UTF8Verdict {
        case valid
        /// Valid but for a character cut by the file's end.
        case validButCutAtEnd
        case invalid
    }

    private static func utf8Verdict(_ file: InputFile, chunkBytes: Int) throws(IngestError) -> UTF8Verdict {
        try file.rewind()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkBytes + 4, alignment: 8)
        defer { buffer.deallocate() }
        var carried = 0  // a sequence cut by the previous chunk's end
        while true {
            let count = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[carried..<chunkBytes + carried]))
            let available = carried + count
            switch UTF8Validation.check(UnsafeRawBufferPointer(rebasing: buffer[0..<available])) {
            case .valid:
                carried = 0
            case .invalid:
                return .invalid
            case .truncated(let offset):
                // Cut inside its very last character (a truncated export), the file is still
                // UTF-8: its last row is rejected, rather than the whole file being taken for
                // GB18030, as which UTF-8 Chinese often happens to decode.
                if count == 0 { return .validButCutAtEnd }
                carried = available - offset
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + offset, byteCount: carried)
            }
            if count == 0 { return .valid }
        }
    }

    private static func isValidGB18030(_ file: InputFile, chunkBytes: Int) throws(IngestError) -> Bool {
        try file.rewind()
        let decoder = try GB18030Decoder()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkBytes + 4, alignment: 8)
        defer { buffer.deallocate() }
        var sink: [UInt8] = []
        var carried = 0
        while true {
            let count = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[carried..<chunkBytes + carried]))
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
