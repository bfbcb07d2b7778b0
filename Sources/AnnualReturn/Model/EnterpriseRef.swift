/// What a record says about the enterprise (or person) it concerns, normalised: the credit code
/// (NFKC, no whitespace, upper case) when present, and the name (NFKC, no whitespace).
///
/// Which enterprise it *is* is decided later, over the whole dataset: DOMAIN's rule lets a
/// name-only record join the single credit code that name appears with.
///
/// A reference is a number standing for its two texts, which ``EnterpriseRefTable`` holds once
/// each for the whole run: every tally keeps the set of references its records name, and those
/// sets are built, merged and listed for hundreds of thousands of enterprises, so they hash,
/// compare and copy a 32-bit number instead of two strings. Equal texts always get the same
/// number; the numbers depend on the order references were first seen (which threads decide),
/// so nothing is ever ordered or written by them — `<` orders by the texts.
public struct EnterpriseRef: Hashable, Sendable, Comparable {
    /// The number of these texts in ``EnterpriseRefTable/shared``; 0 is the empty reference.
    let id: UInt32

    /// The reference of a normalised credit code (nil or empty when there is none) and name.
    public init(creditCode: String?, name: String) {
        let creditCode = creditCode.flatMap { $0.isEmpty ? nil : $0 }
        self = withUTF8Bytes(of: name) { name in
            guard let creditCode else { return EnterpriseRef(normalisedName: name, code: nil, digest: KeyDigest(utf8: name, nil)) }
            return withUTF8Bytes(of: creditCode) {
                EnterpriseRef(normalisedName: name, code: $0, digest: KeyDigest(utf8: name, $0))
            }
        }
    }

    /// The reference of the normalised bytes `name` and `code` (nil when empty), `digest` being
    /// ``KeyDigest/init(utf8:_:)`` of them: what `init(creditCode:name:)` gives for their
    /// texts, made without the strings. Most rows name an enterprise seen before, found by the
    /// digest alone.
    init(normalisedName name: UnsafeRawBufferPointer, code: UnsafeRawBufferPointer?, digest: KeyDigest) {
        if name.isEmpty && code == nil {
            id = 0
        } else {
            id = EnterpriseRefTable.shared.intern(name: name, code: code, digest: digest)
        }
    }

    /// The reference that names no one.
    static var none: EnterpriseRef { EnterpriseRef(id: 0) }

    private init(id: UInt32) { self.id = id }

    /// The credit code, nil when the record gives none.
    public var creditCode: String? { EnterpriseRefTable.shared.creditCode(of: id) }
    public var name: String { EnterpriseRefTable.shared.name(of: id) }
    /// The digest of the name alone, and of the code alone: what the figures find names and
    /// codes by (``EnterpriseIdentities``) without hashing their texts again.
    var partDigests: (name: KeyDigest, code: KeyDigest?) { EnterpriseRefTable.shared.partDigests(of: id) }

    /// True when the record names no one at all.
    public var isEmpty: Bool { id == 0 }

    public static func < (lhs: EnterpriseRef, rhs: EnterpriseRef) -> Bool {
        lhs.id != rhs.id && (lhs.creditCode ?? "", lhs.name) < (rhs.creditCode ?? "", rhs.name)
    }
}
