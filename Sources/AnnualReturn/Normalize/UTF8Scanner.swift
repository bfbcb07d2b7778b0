/// A cursor over the UTF-8 bytes of one cell, for the byte-level fast paths of the date and
/// amount parsers. The counterpart of `ScalarScanner` for cells that `TextNormalizer` knows to
/// be in NFKC already, whose whitespace can only be ASCII.
///
/// It only borrows the bytes: use it inside the closure that lends them.
struct UTF8Scanner {
    private let bytes: UnsafeRawBufferPointer
    private var position: Int
    private var end: Int

    /// Starts at the beginning of `bytes`.
    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        position = 0
        end = bytes.count
    }

    /// Whether every byte has been consumed.
    var isAtEnd: Bool { position == end }

    /// The next byte, not consumed; nil at the end.
    func peek() -> UInt8? {
        position < end ? bytes[position] : nil
    }

    /// Consumes one byte; does nothing at the end.
    mutating func advance() {
        if position < end { position += 1 }
    }

    /// Consumes the ASCII character `expected` when it is next.
    mutating func take(_ expected: UInt8) -> Bool {
        guard peek() == expected else { return false }
        position += 1
        return true
    }

    /// Consumes the UTF-8 sequence `expected` (whole characters) when it is next.
    mutating func take(_ expected: [UInt8]) -> Bool {
        let count = expected.count
        guard end - position >= count else { return false }
        for offset in 0..<count where bytes[position + offset] != expected[offset] { return false }
        position += count
        return true
    }

    /// Consumes the run of ASCII digits that comes next; returns where it lies, which may be
    /// empty.
    mutating func digits() -> DigitRun {
        let start = position
        while position < end, (0x30...0x39).contains(bytes[position]) { position += 1 }
        return DigitRun(bytes: bytes, range: start..<position)
    }

    /// Consumes ASCII spaces; false when there was none.
    mutating func skipSpaces() -> Bool {
        let start = position
        while position < end, bytes[position] == 0x20 { position += 1 }
        return position > start
    }

    /// Drops ASCII whitespace from both ends of what is left.
    mutating func trimASCIIWhitespace() {
        while position < end, TextNormalizer.isASCIIWhitespace(bytes[position]) { position += 1 }
        while end > position, TextNormalizer.isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
    }

    /// Drops the UTF-8 sequence `suffix` (whole characters) from the end of what is left when
    /// it is there.
    mutating func dropSuffix(_ suffix: [UInt8]) -> Bool {
        let count = suffix.count
        guard end - position >= count else { return false }
        for offset in 0..<count where bytes[end - count + offset] != suffix[offset] { return false }
        end -= count
        return true
    }

    /// A run of ASCII digits inside the scanned bytes.
    struct DigitRun {
        fileprivate let bytes: UnsafeRawBufferPointer
        fileprivate let range: Range<Int>

        /// The number of digits.
        var count: Int { range.count }

        var isEmpty: Bool { range.isEmpty }

        /// The value of digits `offset..<offset + length` of the run, which the caller keeps
        /// short enough not to overflow.
        func value(from offset: Int = 0, length: Int? = nil) -> Int {
            let start = range.lowerBound + offset
            let stop = length.map { start + $0 } ?? range.upperBound
            var value = 0
            for index in start..<stop { value = value * 10 + Int(bytes[index] - 0x30) }
            return value
        }

        /// The value of digit `offset` of the run, 0...9.
        func digit(at offset: Int) -> Int {
            Int(bytes[range.lowerBound + offset] - 0x30)
        }
    }
}
