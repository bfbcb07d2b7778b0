import Glibc

/// Converts UTF-8 text to GB18030 through the C library's iconv, for the sample of an older
/// system's export.
///
/// Every character of the sample has a GB18030 form (GB18030 covers all of Unicode), so a
/// failed conversion is a programming error, not a data problem.
final class GB18030Encoder {
    private let descriptor: iconv_t

    init() throws(GenerateError) {
        let descriptor = iconv_open("GB18030", "UTF-8")
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else {
            throw .encodingUnavailable(name: "GB18030")
        }
        self.descriptor = descriptor
    }

    deinit { iconv_close(descriptor) }

    /// Appends the GB18030 bytes of `text` to `output`.
    func encode(_ text: String, into output: inout [UInt8]) {
        var input = Array(text.utf8)
        guard !input.isEmpty else { return }
        // A GB18030 character is at most 4 bytes and never longer than its UTF-8 form plus one.
        var scratch = [UInt8](repeating: 0, count: input.count * 2 + 8)
        let produced = input.withUnsafeMutableBytes { inBytes in
            scratch.withUnsafeMutableBytes { outBytes in
                var inPointer: UnsafeMutablePointer<CChar>? = inBytes.baseAddress!.assumingMemoryBound(to: CChar.self)
                var inLeft = inBytes.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBytes.baseAddress!.assumingMemoryBound(to: CChar.self)
                var outLeft = outBytes.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                precondition(result != -1 && inLeft == 0, "iconv could not convert sample text to GB18030")
                return outBytes.count - outLeft
            }
        }
        output.append(contentsOf: scratch[0..<produced])
    }
}
