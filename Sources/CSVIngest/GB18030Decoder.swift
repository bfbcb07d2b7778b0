import Glibc

/// Streams GB18030 (and so GBK and GB2312) bytes into UTF-8 through the C library's iconv.
///
/// Foundation on Linux has no GB18030. A byte that is not valid GB18030 is copied through
/// unchanged rather than replaced: on its own it is never valid UTF-8, so the row that holds it
/// is later rejected as `invalid-encoding` instead of silently carrying a U+FFFD.
final class GB18030Decoder {
    private let descriptor: iconv_t
    /// How many invalid bytes were copied through so far.
    private(set) var invalidByteCount = 0
    /// Offset, in the input stream, of the first invalid byte.
    private(set) var firstInvalidOffset: Int?
    private var inputOffset = 0

    init() throws(IngestError) {
        let descriptor = iconv_open("UTF-8", "GB18030")
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else {
            throw .encodingUnavailable(name: "GB18030")
        }
        self.descriptor = descriptor
    }

    deinit { iconv_close(descriptor) }

    /// Decodes as much of `input` as forms whole characters and appends the UTF-8 to `output`.
    ///
    /// Returns how many input bytes were consumed; the rest (at most 3 bytes, a character cut by
    /// the end of the buffer) must be passed again in front of the next input. With
    /// `isFinal`, everything is consumed and a cut-off character is copied through as invalid.
    func decode(_ input: UnsafeRawBufferPointer, isFinal: Bool, into output: inout [UInt8]) -> Int {
        guard let inputBase = input.baseAddress, input.count > 0 else { return 0 }
        var consumed = 0
        // UTF-8 of GB18030 text is at most 1.5 times as long; a little more covers pass-through.
        var scratch = [UInt8](repeating: 0, count: input.count * 2 + 16)
        scratch.withUnsafeMutableBufferPointer { out in
            var inPointer = UnsafeMutablePointer(mutating: inputBase.assumingMemoryBound(to: CChar.self))
            var inLeft = input.count
            while inLeft > 0 {
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = out.count
                var inOptional: UnsafeMutablePointer<CChar>? = inPointer
                let result = iconv(descriptor, &inOptional, &inLeft, &outPointer, &outLeft)
                let savedErrno = errno
                inPointer = inOptional!
                let produced = out.count - outLeft
                output.append(contentsOf: UnsafeBufferPointer(start: out.baseAddress, count: produced))
                consumed = input.count - inLeft
                if result != -1 { break }
                switch savedErrno {
                case E2BIG:
                    continue
                case EINVAL where !isFinal:
                    // A character cut by the end of the buffer: the caller passes it again.
                    return
                default:
                    // EILSEQ, or a cut-off character at the very end: copy one byte through.
                    if firstInvalidOffset == nil { firstInvalidOffset = inputOffset + consumed }
                    invalidByteCount += 1
                    output.append(UInt8(bitPattern: inPointer.pointee))
                    inPointer += 1
                    inLeft -= 1
                    consumed += 1
                }
            }
        }
        inputOffset += consumed
        return consumed
    }
}
