import Glibc

/// A normalised text as a dictionary key, compared and hashed by its UTF-8 bytes.
///
/// Staging has normalised every name and code (NFKC), so equal texts have equal bytes; a
/// `String` key would pay Unicode normalisation on every hash and comparison, and the figures
/// look up every distinct enterprise name of the dataset.
struct TextKey: Hashable {
    let text: String
    private let bytesHash: Int

    init(_ text: String) {
        self.text = text
        var hasher = Hasher()
        withUTF8Bytes(of: text) { hasher.combine(bytes: $0) }
        bytesHash = hasher.finalize()
    }

    static func == (lhs: TextKey, rhs: TextKey) -> Bool {
        lhs.bytesHash == rhs.bytesHash && sameBytes(lhs.text, rhs.text)
    }

    /// True when both texts have the same UTF-8 bytes.
    private static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
        withUTF8Bytes(of: lhs) { left in
            withUTF8Bytes(of: rhs) { right in
                left.count == right.count && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
            }
        }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(bytesHash) }
}
