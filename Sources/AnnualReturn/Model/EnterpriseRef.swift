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

    public init(creditCode: String?, name: String) {
        id = EnterpriseRefTable.shared.intern(Texts(creditCode: creditCode, name: name))
    }

    /// The credit code, nil when the record gives none.
    public var creditCode: String? { texts.creditCode }
    public var name: String { texts.name }

    private var texts: Texts { EnterpriseRefTable.shared.texts(of: id) }

    /// True when the record names no one at all.
    public var isEmpty: Bool { id == 0 }

    public static func < (lhs: EnterpriseRef, rhs: EnterpriseRef) -> Bool {
        lhs.id != rhs.id && (lhs.creditCode ?? "", lhs.name) < (rhs.creditCode ?? "", rhs.name)
    }
}

extension EnterpriseRef {
    /// The two texts of a reference, as the table keeps them. Equality and hashing go by the
    /// UTF-8 bytes: staging has normalised every name and code (NFKC), so equal texts have
    /// equal bytes, and comparing bytes skips the Unicode normalisation String's own == and
    /// hash pay on every call.
    struct Texts: Hashable, Sendable {
        let creditCode: String?
        let name: String
        /// The hash of the bytes, worked out once: it also picks the table's shard.
        let bytesHash: Int

        init(creditCode: String?, name: String) {
            let creditCode = creditCode.flatMap { $0.isEmpty ? nil : $0 }
            self.creditCode = creditCode
            self.name = name
            var hasher = Hasher()
            withUTF8Bytes(of: name) { hasher.combine(bytes: $0) }
            if let creditCode {
                hasher.combine(UInt8(0xFF))  // never a UTF-8 byte: the name ends here
                withUTF8Bytes(of: creditCode) { hasher.combine(bytes: $0) }
            }
            bytesHash = hasher.finalize()
        }

        var isEmpty: Bool { creditCode == nil && name.isEmpty }

        static func == (lhs: Texts, rhs: Texts) -> Bool {
            lhs.bytesHash == rhs.bytesHash && sameBytes(lhs.name, rhs.name) && sameBytes(lhs.creditCode, rhs.creditCode)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(bytesHash)
        }

        private static func sameBytes(_ lhs: String?, _ rhs: String?) -> Bool {
            switch (lhs, rhs) {
            case (nil, nil): return true
            case (let left?, let right?): return TextKey.sameBytes(left, right)
            default: return false
            }
        }
    }
}
