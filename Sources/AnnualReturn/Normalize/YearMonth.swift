/// A calendar month of a given year, such as 2022-03.
///
/// Months compare in calendar order. The Codable form is the string `"2022-03"`, and decoding
/// rejects impossible months.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The year, 1...9999.
    public let year: Int
    /// The month, 1...12.
    public let month: Int

    /// Makes a month from its parts; nil when the month is not 1...12 or the year not 1...9999.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM` with a two-digit month 01...12; nil for anything else.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              let year = CalendarDay.decimal(bytes[0..<4]),
              let month = CalendarDay.decimal(bytes[5..<7])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// Makes a month from parts the caller has already validated.
    init(validYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The form `"2022-03"`.
    public var description: String {
        CalendarDay.padded(year, width: 4) + "-" + CalendarDay.padded(month, width: 2)
    }

    /// The calendar quarter, 1...4.
    public var quarter: Int { (month - 1) / 3 + 1 }

    /// The number of days in this month (28...31).
    public var dayCount: Int { CalendarDay.daysIn(month: month, year: year) }

    /// The first day of this month.
    public var firstDay: CalendarDay {
        // Day 1 exists in every valid month.
        CalendarDay(year: year, month: month, day: 1)!
    }

    /// The last day of this month.
    public var lastDay: CalendarDay {
        CalendarDay(year: year, month: month, day: dayCount)!
    }

    /// The month `months` months later (earlier when negative).
    ///
    /// The result must stay within years 1...9999; leaving that range is a programming error
    /// and traps.
    public func adding(months: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + months
        let (newYear, newMonthIndex) = index.quotientAndRemainder(dividingBy: 12)
        guard let result = YearMonth(year: newYear, month: newMonthIndex + 1) else {
            preconditionFailure("\(self) + \(months) months is outside years 1...9999")
        }
        return result
    }

    /// Orders months by calendar.
    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// Decodes the string form `"2022-03"` and rejects impossible months.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let month = YearMonth(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a month in the form YYYY-MM")
        }
        self = month
    }

    /// Encodes the string form `"2022-03"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
