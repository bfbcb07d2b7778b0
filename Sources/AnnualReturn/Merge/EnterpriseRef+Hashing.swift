/// Enterprise references as a published return carries them: hashed, so a return.json sent to
/// the city office names no enterprise or person in clear, while two returns that saw the same
/// enterprise still carry the same reference and a merged return counts it once.
///
/// Hashing keeps equality (different texts give different hashes, for all practical purposes),
/// so ``Aggregate/distinctEnterprises(_:)`` counts hashed references exactly as it counts clear
/// ones, name-to-code rule included: a name hashes the same whether it comes with a code or not.
extension EnterpriseRef {
    /// How references are hashed, written into return.json so that returns hashed another way
    /// are never merged with these: the first 16 bytes (32 hex digits) of SHA-256 of "code:" +
    /// the credit code, and of "name:" + the normalised name.
    static let hashScheme = "sha256-128"

    /// What starts a hashed value in memory. It holds a space, and normalisation removes every
    /// space from names and codes, so no clear reference can be taken for a hashed one.
    private static let hashedMarkerBytes: StaticString = "sha256 "
    private static let hashedMarker = hashedMarkerBytes.description

    /// The number of hex digits of a published hash.
    static let hashDigits = 32

    /// True when this reference is already hashed (it was read from a return.json).
    var isHashed: Bool {
        creditCode?.hasPrefix(Self.hashedMarker) ?? name.hasPrefix(Self.hashedMarker)
    }

    /// This reference with its credit code and name hashed. A reference that is already hashed
    /// comes back unchanged: a merged return keeps its districts' hashes, so it can be merged
    /// again with other districts' returns and still recognise their enterprises. An empty name
    /// stays empty, so ``isEmpty`` keeps its meaning.
    var hashed: EnterpriseRef {
        if isHashed { return self }
        return EnterpriseRef(creditCode: creditCode.map { Self.marked(Self.hash("code:" + $0)) },
                             name: name.isEmpty ? "" : Self.marked(Self.hash("name:" + name)))
    }

    /// The published form of this reference, as the digests its pair is written from
    /// (``PublishedReference/Order/appendJSON(to:)``) and return.json orders references by.
    /// Worked out on the table's bytes, with `hasher` reused: return.json publishes every
    /// enterprise the inspections name.
    func publishedOrder(hasher: borrowing SHA256Hasher) -> PublishedReference.Order {
        EnterpriseRefTable.shared.withTexts(of: id) { name, code in
            PublishedReference.Order(
                code: code.map { Self.publishedDigest(of: $0, part: "code:", hasher: hasher) },
                name: name.isEmpty ? nil : Self.publishedDigest(of: name, part: "name:", hasher: hasher))
        }
    }

    /// The published hash of one part, given its UTF-8 bytes: the hash already there when the
    /// reference was read from a return.json, else the first 128 bits of SHA-256 of `part` +
    /// the text. (A clear name or code holds no space, so only a hashed one starts with the
    /// marker's bytes.)
    private static func publishedDigest(of text: UnsafeRawBufferPointer, part: StaticString,
                                        hasher: borrowing SHA256Hasher) -> PublishedReference.Digest {
        let marker = UnsafeRawBufferPointer(start: hashedMarkerBytes.utf8Start, count: hashedMarkerBytes.utf8CodeUnitCount)
        if text.starts(with: marker) {
            return PublishedReference.Digest(hexDigits: text.dropFirst(marker.count))
        }
        let words = hasher.leading128Bits(of: UnsafeRawBufferPointer(start: part.utf8Start, count: part.utf8CodeUnitCount), text)
        return PublishedReference.Digest(high: words.high, low: words.low)
    }

    /// The reference a published pair stands for; nil when either part is not a hash in the
    /// published form, or the pair names no one.
    init?(publishedCode code: String?, publishedName name: String) {
        if let code, !Self.isPublishedHash(code) { return nil }
        if !name.isEmpty && !Self.isPublishedHash(name) { return nil }
        if code == nil && name.isEmpty { return nil }
        self.init(creditCode: code.map(Self.marked), name: name.isEmpty ? "" : Self.marked(name))
    }

    /// The first 32 hex digits of the SHA-256 of `text`'s UTF-8 bytes.
    private static func hash(_ text: String) -> String {
        String(SHA256Hasher.hex(of: Array(text.utf8)).prefix(hashDigits))
    }

    private static func marked(_ hash: String) -> String { hashedMarker + hash }

    private static func unmarked(_ value: String) -> String {
        value.hasPrefix(hashedMarker) ? String(value.dropFirst(hashedMarker.count)) : value
    }

    /// Exactly 32 lower-case hex digits.
    private static func isPublishedHash(_ text: String) -> Bool {
        text.utf8.count == hashDigits
            && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }
}

/// A reference in the form return.json publishes it (``EnterpriseRef/publishedOrder(hasher:)``).
enum PublishedReference {
    /// The 128 bits a published hash stands for, as two words compared high first: the order
    /// of the 32 hex digits as text.
    struct Digest: Comparable {
        var high: UInt64
        var low: UInt64

        init(high: UInt64, low: UInt64) {
            self.high = high
            self.low = low
        }

        /// The digest 32 lower-case hex digits spell.
        init<Digits: Collection<UInt8>>(hexDigits: Digits) {
            var words: (UInt64, UInt64) = (0, 0)
            for (offset, digit) in hexDigits.enumerated() {
                let value = UInt64(digit <= UInt8(ascii: "9") ? digit &- UInt8(ascii: "0") : digit &- UInt8(ascii: "a") &+ 10)
                if offset < 16 { words.0 = words.0 << 4 | value } else { words.1 = words.1 << 4 | value }
            }
            (high, low) = words
        }

        /// Appends the 32 lower-case hex digits, in one append: return.json writes two for
        /// every enterprise, and a byte at a time checked the array's room 32 times.
        func appendHex(to output: inout [UInt8]) {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digits in
                Self.writeHex(high, into: digits, at: 0)
                Self.writeHex(low, into: digits, at: 16)
                output.append(contentsOf: digits)
            }
        }

        private static func writeHex(_ word: UInt64, into digits: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
            let hex: StaticString = "0123456789abcdef"
            for position in 0..<16 {
                digits[start + position] = hex.utf8Start[Int(truncatingIfNeeded: word >> UInt64(60 - 4 * position)) & 0xF]
            }
        }

        static func < (lhs: Digest, rhs: Digest) -> Bool { (lhs.high, lhs.low) < (rhs.high, rhs.low) }
    }

    /// Orders as ``EnterpriseRef/<`` orders the hashed references: no code first, then by the
    /// code's hash; then an empty name first, then by the name's hash.
    struct Order: Comparable {
        var code: Digest?
        var name: Digest?

        static func < (lhs: Order, rhs: Order) -> Bool {
            if lhs.code != rhs.code { return Self.less(lhs.code, rhs.code) }
            return Self.less(lhs.name, rhs.name)
        }

        private static func less(_ lhs: Digest?, _ rhs: Digest?) -> Bool {
            switch (lhs, rhs) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case (let left?, let right?): return left < right
            }
        }

        /// Appends the published pair, `[code hash or null, name hash]`, with "" for a record
        /// that gives no name.
        func appendJSON(to output: inout [UInt8]) {
            output.append(UInt8(ascii: "["))
            if let code {
                output.append(UInt8(ascii: "\""))
                code.appendHex(to: &output)
                output.append(UInt8(ascii: "\""))
            } else {
                output.append(contentsOf: "null".utf8)
            }
            output.append(contentsOf: ", \"".utf8)
            name?.appendHex(to: &output)
            output.append(contentsOf: "\"]".utf8)
        }
    }
}
