/// A day of the proleptic Gregorian calendar, with no time of day and no time zone.
///
/// Years run from 1 to 9999, so every day has a four-digit ISO form. Days compare in calendar
/// order. The Codable form is the ISO string, `"2022-03-05"`, and decoding rejects impossible
/// days.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The year, 1...9999.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...28, 29, 30 or 31 as the month allows.
    public let day: Int

    /// Makes a day from its parts; nil when the day does not exist (2022-02-29, month 13, day 0)
    /// or the year is outside 1...9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDay.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits, two-digit month and day); nil for anything else
    /// or an impossible day. For the many forms found in exports use `DateParser`.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = CalendarDay.decimal(bytes[0..<4]),
              let month = CalendarDay.decimal(bytes[5..<7]),
              let day = CalendarDay.decimal(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day an Excel serial number stands for, counting from day 0 = 1899-12-30.
    ///
    /// 44625 is 2022-03-05. The epoch absorbs Excel's fictitious 1900-02-29, so serials from 61
    /// (1900-03-01) on are right; smaller ones are a day off, as in every Excel-compatible
    /// reader. Nil when the day falls outside years 1...9999.
    public static func fromExcelSerial(_ serial: Int) -> CalendarDay? {
        let (daysSinceUnixEpoch, overflow) = serial.subtractingReportingOverflow(excelSerialOfUnixEpoch)
        guard !overflow else { return nil }
        return CalendarDay(daysSinceUnixEpoch: daysSinceUnixEpoch)
    }

    /// The ISO form, `"2022-03-05"`.
    public var description: String {
        CalendarDay.padded(year, width: 4) + "-" + CalendarDay.padded(month, width: 2) + "-"
            + CalendarDay.padded(day, width: 2)
    }

    /// The month this day is in.
    public var yearMonth: YearMonth {
        // The parts were validated by every initialiser, so this cannot fail.
        YearMonth(validYear: year, month: month)
    }

    /// The calendar quarter, 1...4 (January–March is 1).
    public var quarter: Int { (month - 1) / 3 + 1 }

    /// The ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (ISO weekday 4).
        let offset = (daysSinceUnixEpoch + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    /// The day `days` days later (earlier when negative).
    ///
    /// The result must stay within years 1...9999; leaving that range is a programming error
    /// and traps.
    public func adding(days: Int) -> CalendarDay {
        guard let result = CalendarDay(daysSinceUnixEpoch: daysSinceUnixEpoch + days) else {
            preconditionFailure("\(self) + \(days) days is outside years 1...9999")
        }
        return result
    }

    /// The number of days from this day to `other`: positive when `other` is later, 0 for the
    /// same day.
    public func days(until other: CalendarDay) -> Int {
        other.daysSinceUnixEpoch - daysSinceUnixEpoch
    }

    /// Orders days by calendar.
    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes the ISO string form and rejects impossible days.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = CalendarDay(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a calendar day in the form YYYY-MM-DD")
        }
        self = day
    }

    /// Encodes the ISO string form, `"2022-03-05"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // MARK: - Day numbers

    /// The Excel serial of 1970-01-01.
    static let excelSerialOfUnixEpoch = 25_569

    /// Days since 1970-01-01 (negative before it).
    ///
    /// Howard Hinnant's `days_from_civil`: shifting the year to start in March puts the leap
    /// day at the end, so each 400-year era has a fixed shape and no table is needed.
    var daysSinceUnixEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `daysSinceUnixEpoch` days after 1970-01-01; nil outside years 1...9999.
    init?(daysSinceUnixEpoch: Int) {
        // Bounds keep the arithmetic below far from overflow.
        guard daysSinceUnixEpoch > -1_000_000_000, daysSinceUnixEpoch < 1_000_000_000 else { return nil }
        let shifted = daysSinceUnixEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    // MARK: - Helpers shared with YearMonth

    /// Whether `year` has a 29 February.
    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The value of ASCII digits, or nil when any byte is not a digit.
    static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// `value` in decimal, left-padded with zeros to `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
