/// A bug the checks found that is not fixed yet: which invariant it breaks, the regression
/// file in `Fuzz/regressions/` that shows it, and where the fix belongs.
///
/// The fuzz target skips these invariants so that one open bug does not hide the next; the
/// regression tests expect each one on its file, and fail once the bug is fixed, so the entry
/// is removed together with the fix.
public struct KnownIssue: Sendable, CustomStringConvertible {
    /// The ``InvariantViolation/invariant`` the bug breaks.
    public var invariant: String
    /// The file name, in `Fuzz/regressions/`, of an input that shows it.
    public var regression: String
    /// What goes wrong, and where.
    public var bug: String

    /// `invariant (regression): bug`, as test reports name the case.
    public var description: String { "\(invariant) (\(regression)): \(bug)" }

    /// Every open bug. Remove an entry with the fix; its regression file stays.
    public static let open: [KnownIssue] = []

    /// The invariants of ``open``, for skipping.
    public static let openInvariants = Set(open.map(\.invariant))
}
