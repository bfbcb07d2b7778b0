/// Decides the encoding of a file for `--encoding auto` by reading it once before parsing.
///
/// The rule is about the whole file, so it needs a whole pass: valid UTF-8 is UTF-8 (a file that
/// is valid but for a character cut by its end counts as UTF-8 too); otherwise a file that
/// decodes wholly as GB18030 is GB18030; otherwise it is read as UTF-8 and every row holding a
/// bad byte is rejected. A pipe cannot be read twice and is taken as UTF-8.
enum EncodingDetector {
    static func detect(_ file: InputFile, chunkBytes: Int) throws(IngestError) -> TextEncoding {
        guard file.isSeekable else { return .utf8 }
        if try isValidUTF8(file, chunkBytes: chunkBytes) { return .utf8 }
        return try isValidGB18030(file, chunkBytes: chunkBytes) ? .gb18030 : .invalid
    }

    private static func isValidUTF8(_ file: InputFile, chunkBytes: Int) throws(IngestError) -> Bool {
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
                return false
            case .truncated(let offset):
                // Cut inside its very last character (a truncated export), the file is still
                // UTF-8: its last row is rejected, rather than the whole file being taken for
                // GB18030, as which UTF-8 Chinese often happens to decode.
                if count == 0 { return true }
                carried = available - offset
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + offset, byteCount: carried)
            }
            if count == 0 { return true }
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
