/// The normalisations of `TextNormalizer` straight from a cell's UTF-8 bytes.
///
/// Nearly every cell of a real export is ASCII, CJK ideographs and common CJK punctuation, which
/// NFKC leaves alone (`isKnownNFKC`). For those the only whitespace there can be is ASCII, so
/// each function here works on the bytes and builds at most the one `String` it returns. Any
/// other cell takes the general path through `String`, so the result is always exactly that of
/// the function of the same name on `String(decoding: bytes, as: UTF8.self)`.
extension TextNormalizer {
    /// `compact` of the text whose UTF-8 is `bytes`.
    static func compact(utf8 bytes: UnsafeRawBufferPointer) -> String {
        guard isKnownNFKC(utf8: bytes) else { return compact(String(decoding: bytes, as: UTF8.self)) }
        return string(removingASCIIWhitespaceFrom: bytes)
    }

    /// Calls `body` with the UTF-8 of `compact` of the text whose UTF-8 is `bytes`, made
    /// without a `String`, when the text is one `isKnownNFKC` admits; nil for any other text,
    /// whose compact form only the general path gives.
    static func withCompacted<Result>(utf8 bytes: UnsafeRawBufferPointer,
                                      _ body: (UnsafeRawBufferPointer) -> Result) -> Result? {
        guard isKnownNFKC(utf8: bytes) else { return nil }
        return withASCIIWhitespaceRemoved(from: bytes, body)
    }

    /// Calls `body` with `bytes` without their ASCII whitespace: the bytes themselves when they
    /// hold none, else a copy in scratch space.
    static func withASCIIWhitespaceRemoved<Result>(from bytes: UnsafeRawBufferPointer,
                                                   _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        guard containsASCIIWhitespace(bytes) else { return body(bytes) }
        return withUnsafeTemporaryAllocation(byteCount: max(1, bytes.count), alignment: 1) { output in
            var count = 0
            for byte in bytes where !isASCIIWhitespace(byte) {
                output[count] = byte
                count += 1
            }
            return body(UnsafeRawBufferPointer(rebasing: output[..<count]))
        }
    }

    /// `trimmingWhitespace(nfkc(text))` of the text whose UTF-8 is `bytes`: free text as records
    /// keep it.
    static func trimmedNFKC(utf8 bytes: UnsafeRawBufferPointer) -> String {
        guard isKnownNFKC(utf8: bytes) else {
            return trimmingWhitespace(nfkc(String(decoding: bytes, as: UTF8.self)))
        }
        return String(decoding: trimmingASCIIWhitespace(bytes), as: UTF8.self)
    }

    /// `creditCode` of the text whose UTF-8 is `bytes`.
    static func creditCode(utf8 bytes: UnsafeRawBufferPointer) -> String {
        guard isKnownNFKC(utf8: bytes) else { return creditCode(String(decoding: bytes, as: UTF8.self)) }
        // Upper-casing changes only ASCII letters here: CJK ideographs and punctuation have no case.
        return String(unsafeUninitializedCapacity: bytes.count) { output in
            var count = 0
            for byte in bytes where !isASCIIWhitespace(byte) {
                output[count] = (0x61...0x7A).contains(byte) ? byte - 0x20 : byte
                count += 1
            }
            return count
        }
    }

    /// The NFKC form of `text` when it holds only scalars `isKnownNFKC` admits and the
    /// full-width forms exports type by mistake: full-width ASCII (`Ａ１，`, U+FF01...U+FF5E),
    /// the ideographic space and `￥`; nil for any other text.
    ///
    /// NFKC maps each of those to one scalar (`A1,`, a space, `¥`) whatever surrounds it, and
    /// what comes out never composes with a neighbour, so the mapping scalar by scalar is the
    /// whole normalisation, without Foundation's round trip. Full-width credit codes and
    /// amounts are common enough for this to matter.
    static func widthFolded(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            let count = bytes.count
            var index = 0
            // First a check, so that text the mapping cannot handle costs no allocation.
            while index < count {
                let lead = bytes[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                guard lead & 0xF0 == 0xE0, index + 2 < count else { return nil }
                let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                    | UInt32(bytes[index + 2] & 0x3F)
                guard isKnownNFKC(scalarValue: value) || widthFoldedForm(of: value) != nil else { return nil }
                index += 3
            }
            // Every three-byte sequence becomes one or two bytes, or stays as it is.
            return String(unsafeUninitializedCapacity: count) { output in
                var written = 0
                var index = 0
                while index < count {
                    let lead = bytes[index]
                    if lead < 0x80 {
                        output[written] = lead
                        written += 1
                        index += 1
                        continue
                    }
                    let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                        | UInt32(bytes[index + 2] & 0x3F)
                    if let folded = widthFoldedForm(of: value) {
                        for byte in folded.utf8 {
                            output[written] = byte
                            written += 1
                        }
                    } else {
                        output[written] = lead
                        output[written + 1] = bytes[index + 1]
                        output[written + 2] = bytes[index + 2]
                        written += 3
                    }
                    index += 3
                }
                return written
            }
        }
    }

    /// The NFKC form of the full-width form with scalar value `value`, for `widthFolded`; nil
    /// for any other scalar.
    private static func widthFoldedForm(of value: UInt32) -> Unicode.Scalar? {
        switch value {
        case 0xFF01...0xFF5E: Unicode.Scalar(value - 0xFEE0)  // full-width ASCII
        case 0x3000: " "                                      // ideographic space
        case 0xFFE5: "¥"                                      // full-width yen sign
        default: nil
        }
    }

    // MARK: - Bytes

    /// Whether the UTF-8 `bytes` hold only scalars `isKnownNFKC` admits, so that the text is
    /// its own NFKC form and its only whitespace is ASCII.
    ///
    /// A malformed sequence answers false, sending the bytes down the general path, which
    /// decodes them as `String(decoding:as:)` does.
    static func isKnownNFKC(utf8 bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            // ASCII eight bytes at a time while none has the high bit set.
            while index + 8 <= count,
                  base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            let lead = base.load(fromByteOffset: index, as: UInt8.self)
            if lead < 0x80 {
                index += 1
                continue
            }
            // Every admitted scalar beyond ASCII is a three-byte sequence.
            guard lead & 0xF0 == 0xE0, index + 2 < count else { return false }
            let second = base.load(fromByteOffset: index + 1, as: UInt8.self)
            let third = base.load(fromByteOffset: index + 2, as: UInt8.self)
            guard second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return false }
            index += 3
            // Leads E5...E9 are U+5000...U+9FFF, all CJK unified ideographs: most of any cell.
            if (0xE5...0xE9).contains(lead) { continue }
            let value = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
            // Below U+0800 the sequence is overlong, so malformed.
            guard value >= 0x800, isKnownNFKC(scalarValue: value) else { return false }
        }
        return true
    }

    /// Whether `byte` is one of the ASCII White_Space characters: tab, line feed, vertical tab,
    /// form feed, carriage return and space.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Whether `bytes` hold an ASCII whitespace byte.
    static func containsASCIIWhitespace(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.contains(where: isASCIIWhitespace)
    }

    /// `bytes` without the ASCII whitespace at either end.
    static func trimmingASCIIWhitespace(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0, end = bytes.count
        while start < end, isASCIIWhitespace(bytes[start]) { start += 1 }
        while end > start, isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    /// The text of the UTF-8 `bytes` with every ASCII whitespace byte left out.
    static func string(removingASCIIWhitespaceFrom bytes: UnsafeRawBufferPointer) -> String {
        withASCIIWhitespaceRemoved(from: bytes) { String(decoding: $0, as: UTF8.self) }
    }
}
