/// What a record says about the enterprise (or person) it concerns, normalised: the credit code
/// (NFKC, no whitespace, upper case) when present, and the name (NFKC, no whitespace).
///
/// Which enterprise it *is* is decided later, over the whole dataset: DOMAIN's rule lets a
/// name-only record join the single credit code that name appears with.
public struct EnterpriseRef: Hashable, Sendable, Comparable {
    public var creditCode: String?
    public var name: String

    public init(creditCode: String?, name: String) {
        self.creditCode = creditCode.flatMap { $0.isEmpty ? nil : $0 }
        self.name = name
    }

    /// True when the record names no one at all.
    public var isEmpty: Bool { creditCode == nil && name.isEmpty }

    public static func < (lhs: EnterpriseRef, rhs: EnterpriseRef) -> Bool {
        (lhs.creditCode ?? "", lhs.name) < (rhs.creditCode ?? "", rhs.name)
    }
}
