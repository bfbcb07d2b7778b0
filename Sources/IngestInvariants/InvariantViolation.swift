/// One promise of ingest or staging that an input broke: a bug, never a data problem.
public struct InvariantViolation: Sendable, Hashable, CustomStringConvertible {
    /// A stable short name of the promise, e.g. `records-add-up`.
    public var invariant: String
    /// What was found instead, with the numbers or fields involved.
    public var detail: String

    /// A violation of `invariant`, with what was found instead.
    public init(_ invariant: String, _ detail: String) {
        self.invariant = invariant
        self.detail = detail
    }

    /// `invariant: detail`, the form the fuzz target's crash message and the tests print.
    public var description: String { "\(invariant): \(detail)" }
}
