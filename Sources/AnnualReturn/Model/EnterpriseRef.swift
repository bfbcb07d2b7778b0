import Glibc

/// What a record says about the enterprise (or person) it concerns, normalised: the credit code
/// (NFKC, no whitespace, upper case) when present, and the name (NFKC, no whitespace).
///
/// Which enterprise it *is* is decided later, over the whole dataset: DOMAIN's rule lets a
/// name-only record join the single credit code that name appears with.
public struct EnterpriseRef: Hashable, Sendable, Comparable {
    public let creditCode: String?
    public let name: String
    /// The hash of the bytes, worked out once: a reference is hashed into several sets per
    /// record and again each time sets merge.
    private let bytesHash: Int

    public init(creditCode: String?, name: String) {
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

    /// True when the record names no one at all.
    public var isEmpty: Bool { creditCode == nil && name.isEmpty }

    public static func < (lhs: EnterpriseRef, rhs: EnterpriseRef) -> Bool {
        (lhs.creditCode ?? "", lhs.name) < (rhs.creditCode ?? "", rhs.name)
    }

    // Equality and hashing go by the UTF-8 bytes. Staging has normalised every name and code
    // (NFKC), so equal references have equal bytes; comparing bytes skips the Unicode
    // normalisation String's own == and hash pay on every call, and a district's aggregate
    // hashes each record's reference several times.

    public static func == (lhs: EnterpriseRef, rhs: EnterpriseRef) -> Bool {
        lhs.bytesHash == rhs.bytesHash && sameBytes(lhs.name, rhs.name) && sameBytes(lhs.creditCode, rhs.creditCode)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(bytesHash)
    }

    private static func sameBytes(_ lhs: String?, _ rhs: String?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): return true
        case (let left?, let right?):
            return withUTF8Bytes(of: left) { left in
                withUTF8Bytes(of: right) { right in
                    left.count == right.count && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
                }
            }
        default: return false
        }
    }
}
