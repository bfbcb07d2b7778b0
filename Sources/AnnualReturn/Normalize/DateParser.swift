/// Reads the dates of export cells in every form the enforcement systems and spreadsheets
/// write them.
///
/// Accepted, after NFKC (so full-width digits and punctuation count as ASCII) and trimming of
/// surrounding whitespace:
/// - `2022-03-05`, `2022/3/5`, `2022.3.5`: a four-digit year, then month and day of one or
///   two digits, with the same separator twice;
/// - `2022年3月5日`;
/// - `20220305`;
/// - any of those followed by a time, after spaces or a `T`: `2022-03-05 14:30:00`,
///   `2022/3/5 14:30`, `2022-03-05T14:30:00.000+08:00`. The day is the one written; a zone
///   suffix is checked for form and otherwise ignored, never converted;
/// - Excel serial numbers in `excelSerialRange`, whole (`44625`) or with a time fraction
///   (`44625.75`), both meaning 2022-03-05.
///
/// Anything else, and any impossible day or time, is `.invalid`.
public enum DateParser {
    /// The Excel serials accepted as dates: 1990-01-01 through 2100-12-31.
    ///
    /// Bounded so that a small count or a year typed alone (`12`, `2022`) is not taken for a
    /// day in 1900.
    public static let excelSerialRange: ClosedRange<Int> = {
        let first = CalendarDay(year: 1990, month: 1, day: 1)!
        let last = CalendarDay(year: 2100, month: 12, day: 31)!
        return (first.daysSinceUnixEpoch + CalendarDay.excelSerialOfUnixEpoch)
            ... (last.daysSinceUnixEpoch + CalendarDay.excelSerialOfUnixEpoch)
    }()

    /// Parses one cell; `.empty` for empty or whitespace-only text, `.invalid` for text that
    /// is not a date or names an impossible one.
    public static func parse(_ text: String) -> DateParseResult {
        var scanner = ScalarScanner(TextNormalizer.nfkc(text))
        scanner.trimWhitespace()
        if scanner.isAtEnd { return .empty }
        guard let day = parseDay(&scanner) else { return .invalid }
        return .date(day)
    }

    /// Parses a whole trimmed cell; nil when it is not a date.
    private static func parseDay(_ scanner: inout ScalarScanner) -> CalendarDay? {
        let first = scanner.digits()
        guard !first.isEmpty else { return nil }

        guard let separator = scanner.peek() else {
            return first.count == 8 ? compactDay(first) : excelSerialDay(first)
        }
        let day: CalendarDay?
        switch separator {
        case ".":
            scanner.advance()
            let second = scanner.digits()
            if scanner.isAtEnd {
                // One dot and nothing after the digits: a serial with a time fraction.
                guard !second.isEmpty else { return nil }
                return excelSerialDay(first)
            }
            guard scanner.take(".") else { return nil }
            let third = scanner.digits()
            day = separatedDay(year: first, month: second, day: third)
        case "-", "/":
            scanner.advance()
            let second = scanner.digits()
            guard scanner.take(separator) else { return nil }
            let third = scanner.digits()
            day = separatedDay(year: first, month: second, day: third)
        case "年":
            scanner.advance()
            let second = scanner.digits()
            guard scanner.take("月") else { return nil }
            let third = scanner.digits()
            guard scanner.take("日") else { return nil }
            day = separatedDay(year: first, month: second, day: third)
        default:
            guard first.count == 8 else { return nil }
            day = compactDay(first)
        }
        guard let day, scanner.isAtEnd || skipTimeOfDay(&scanner) else { return nil }
        return day
    }

    /// `YYYYMMDD`.
    private static func compactDay(_ digits: [UInt8]) -> CalendarDay? {
        CalendarDay(year: value(digits[0..<4]), month: value(digits[4..<6]), day: value(digits[6..<8]))
    }

    /// A four-digit year with a month and a day of one or two digits each.
    private static func separatedDay(year: [UInt8], month: [UInt8], day: [UInt8]) -> CalendarDay? {
        guard year.count == 4, (1...2).contains(month.count), (1...2).contains(day.count) else { return nil }
        return CalendarDay(year: value(year[...]), month: value(month[...]), day: value(day[...]))
    }

    /// The whole part of an Excel serial, when it is in `excelSerialRange`.
    private static func excelSerialDay(_ digits: [UInt8]) -> CalendarDay? {
        // Six digits already exceed the range; the limit keeps `value` from overflowing.
        guard digits.count <= 6 else { return nil }
        let serial = value(digits[...])
        guard excelSerialRange.contains(serial) else { return nil }
        return CalendarDay.fromExcelSerial(serial)
    }

    /// Consumes a time of day and an optional zone through the end of the text; false when
    /// what follows the date is not exactly that.
    ///
    /// Form: spaces or `T`, then `H:MM`, optionally `:SS` and a fraction, then optionally `Z`
    /// or `±HH`, `±HHMM`, `±HH:MM`.
    private static func skipTimeOfDay(_ scanner: inout ScalarScanner) -> Bool {
        if !scanner.take("T") {
            guard scanner.skipSpaces() else { return false }
        }
        let hour = scanner.digits()
        guard (1...2).contains(hour.count), value(hour[...]) <= 23, scanner.take(":") else { return false }
        let minute = scanner.digits()
        guard minute.count == 2, value(minute[...]) <= 59 else { return false }
        if scanner.take(":") {
            let second = scanner.digits()
            // 60 allows a leap second.
            guard second.count == 2, value(second[...]) <= 60 else { return false }
            if scanner.take(".") {
                guard !scanner.digits().isEmpty else { return false }
            }
        }
        if scanner.take("Z") { return scanner.isAtEnd }
        if scanner.take("+") || scanner.take("-") {
            let zoneHour = scanner.digits()
            if scanner.take(":") {
                guard zoneHour.count == 2, scanner.digits().count == 2 else { return false }
            } else {
                guard zoneHour.count == 2 || zoneHour.count == 4 else { return false }
            }
        }
        return scanner.isAtEnd
    }

    /// The value of ASCII digit values (each 0...9), which the caller keeps short enough.
    private static func value(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1) }
    }
}
