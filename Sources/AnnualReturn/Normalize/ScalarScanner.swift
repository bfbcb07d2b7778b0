/// A cursor over the Unicode scalars of one cell, for the hand-written parsers of dates and
/// amounts (which run once per cell, so they avoid regular expressions).
struct ScalarScanner {
    private let scalars: [Unicode.Scalar]
    private var position: Int
    private var end: Int

    /// Starts at the beginning of `text`.
    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        position = 0
        end = scalars.count
    }

    /// Whether every scalar has been consumed.
    var isAtEnd: Bool { position == end }

    /// The next scalar, not consumed; nil at the end.
    func peek() -> Unicode.Scalar? {
        position < end ? scalars[position] : nil
    }

    /// Consumes one scalar; does nothing at the end.
    mutating func advance() {
        if position < end { position += 1 }
    }

    /// Consumes `expected` when it is next.
    mutating func take(_ expected: Unicode.Scalar) -> Bool {
        guard peek() == expected else { return false }
        position += 1
        return true
    }

    /// Consumes the run of ASCII digits that comes next and returns their values (0...9).
    mutating func digits() -> [UInt8] {
        var values: [UInt8] = []
        while let scalar = peek(), let digit = Self.digitValue(scalar) {
            values.append(digit)
            position += 1
        }
        return values
    }

    /// Consumes ASCII spaces; false when there was none.
    mutating func skipSpaces() -> Bool {
        let start = position
        while peek() == " " { position += 1 }
        return position > start
    }

    /// Drops whitespace of every kind from both ends of what is left.
    mutating func trimWhitespace() {
        while position < end, scalars[position].properties.isWhitespace { position += 1 }
        while end > position, scalars[end - 1].properties.isWhitespace { end -= 1 }
    }

    /// Drops `suffix` from the end of what is left when it is there.
    mutating func dropSuffix(_ suffix: String) -> Bool {
        let suffixScalars = Array(suffix.unicodeScalars)
        guard end - position >= suffixScalars.count,
              scalars[(end - suffixScalars.count)..<end].elementsEqual(suffixScalars)
        else { return false }
        end -= suffixScalars.count
        return true
    }

    /// The value of an ASCII digit, or nil.
    static func digitValue(_ scalar: Unicode.Scalar) -> UInt8? {
        guard scalar.isASCII, scalar.value >= 0x30, scalar.value <= 0x39 else { return nil }
        return UInt8(scalar.value - 0x30)
    }
}
