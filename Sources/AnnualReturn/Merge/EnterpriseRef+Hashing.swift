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
    private static let hashedMarker = "sha256 "

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

    /// The form return.json writes: `[code hash or null, name hash]`, with "" for a record that
    /// gives no name.
    var published: JSONValue {
        let reference = hashed
        return .array([reference.creditCode.map { .string(Self.unmarked($0)) } ?? .null,
                       .string(Self.unmarked(reference.name))])
    }

    /// A text that orders hashed references as `<` does: "0" for no code or "1" and the code's
    /// hash, then the name's hash. Both hashes have a fixed length, so comparing the texts
    /// compares the code first, then the name.
    var orderKey: String {
        precondition(isHashed || isEmpty, "ordering a reference in clear by its hash")
        return (creditCode.map { "1" + Self.unmarked($0) } ?? "0") + Self.unmarked(name)
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
