/// What `DateParser` made of a cell.
public enum DateParseResult: Equatable, Sendable {
    /// The cell was empty or held only whitespace.
    case empty
    /// The cell held this calendar day.
    case date(CalendarDay)
    /// The cell held text that is not a date in any accepted form, or an impossible date such
    /// as 2022-02-30.
    case invalid
}
