/// What `AmountParser` made of a cell.
public enum AmountParseResult: Equatable, Sendable {
    /// The cell was empty or held only whitespace: no amount (counted as 0).
    case empty
    /// The cell held this amount; it may be negative, which validation reports.
    case amount(Fen)
    /// The cell held text that is not an amount, or one that is not a whole number of fen.
    case invalid
}
