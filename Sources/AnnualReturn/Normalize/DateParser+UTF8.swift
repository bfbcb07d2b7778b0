/// `DateParser` straight from a cell's UTF-8 bytes.
///
/// A cell that is already in NFKC (`TextNormalizer.isKnownNFKC`) — every date a real export
/// writes except full-width ones — is parsed on its bytes with the grammar of `parse(_:)`,
/// without building a `String` or an array of scalars. Any other cell goes through
/// `parse(_:)`, so the result is always exactly `parse(String(decoding: bytes, as: UTF8.self))`.
extension DateParser {
    /// Parses one cell given as UTF-8; the same result as `parse(_:)` on its text.
    static func parse(utf8 bytes: UnsafeRawBufferPointer) -> DateParseResult {
        guard TextNormalizer.isKnownNFKC(utf8: bytes) else {
            return parse(String(decoding: bytes, as: UTF8.self))
        }
        var scanner = UTF8Scanner(bytes)
        // Text already in NFKC has no whitespace beyond ASCII.
        scanner.trimASCIIWhitespace()
        if scanner.isAtEnd { return .empty }
        guard let day = parseDay(&scanner) else { return .invalid }
        return .date(day)
    }

    private static let yearMark = Array("年".utf8)
    private static let monthMark = Array("月".utf8)
    private static let dayMark = Array("日".utf8)

    /// `parseDay` of the scalar grammar, on bytes.
    private static func parseDay(_ scanner: inout UTF8Scanner) -> CalendarDay? {
        let first = scanner.digits()
        guard !first.isEmpty else { return nil }

        guard let separator = scanner.peek() else {
            return first.count == 8 ? compactDay(first) : excelSerialDay(first)
        }
        let day: CalendarDay?
        switch separator {
        case UInt8(ascii: "."):
            scanner.advance()
            let second = scanner.digits()
            if scanner.isAtEnd {
                // One dot and nothing after the digits: a serial with a time fraction.
                guard !second.isEmpty else { return nil }
                return excelSerialDay(first)
            }
            guard scanner.take(UInt8(ascii: ".")) else { return nil }
            let third = scanner.digits()
            day = separatedDay(year: first, month: second, day: third)
        case UInt8(ascii: "-"), UInt8(ascii: "/"):
            scanner.advance()
            let second = scanner.digits()
            guard scanner.take(separator) else { return nil }
            let third = scanner.digits()
            day = separatedDay(year: first, month: second, day: third)
        default:
            if scanner.take(yearMark) {
                let second = scanner.digits()
                guard scanner.take(monthMark) else { return nil }
                let third = scanner.digits()
                guard scanner.take(dayMark) else { return nil }
                day = separatedDay(year: first, month: second, day: third)
            } else {
                guard first.count == 8 else { return nil }
                day = compactDay(first)
            }
        }
        guard let day, scanner.isAtEnd || skipTimeOfDay(&scanner) else { return nil }
        return day
    }

    /// `YYYYMMDD`.
    private static func compactDay(_ digits: UTF8Scanner.DigitRun) -> CalendarDay? {
        CalendarDay(year: digits.value(from: 0, length: 4), month: digits.value(from: 4, length: 2),
                    day: digits.value(from: 6, length: 2))
    }

    /// A four-digit year with a month and a day of one or two digits each.
    private static func separatedDay(year: UTF8Scanner.DigitRun, month: UTF8Scanner.DigitRun,
                                     day: UTF8Scanner.DigitRun) -> CalendarDay? {
        guard year.count == 4, (1...2).contains(month.count), (1...2).contains(day.count) else { return nil }
        return CalendarDay(year: year.value(), month: month.value(), day: day.value())
    }

    /// The whole part of an Excel serial, when it is in `excelSerialRange`.
    private static func excelSerialDay(_ digits: UTF8Scanner.DigitRun) -> CalendarDay? {
        // Six digits already exceed the range; the limit keeps `value` from overflowing.
        guard digits.count <= 6 else { return nil }
        let serial = digits.value()
        guard excelSerialRange.contains(serial) else { return nil }
        return CalendarDay.fromExcelSerial(serial)
    }

    /// `skipTimeOfDay` of the scalar grammar, on bytes.
    private static func skipTimeOfDay(_ scanner: inout UTF8Scanner) -> Bool {
        if !scanner.take(UInt8(ascii: "T")) {
            guard scanner.skipSpaces() else { return false }
        }
        let hour = scanner.digits()
        guard (1...2).contains(hour.count), hour.value() <= 23, scanner.take(UInt8(ascii: ":")) else { return false }
        let minute = scanner.digits()
        guard minute.count == 2, minute.value() <= 59 else { return false }
        if scanner.take(UInt8(ascii: ":")) {
            let second = scanner.digits()
            // 60 allows a leap second.
            guard second.count == 2, second.value() <= 60 else { return false }
            if scanner.take(UInt8(ascii: ".")) {
                guard !scanner.digits().isEmpty else { return false }
            }
        }
        if scanner.take(UInt8(ascii: "Z")) { return scanner.isAtEnd }
        if scanner.take(UInt8(ascii: "+")) || scanner.take(UInt8(ascii: "-")) {
            let zoneHour = scanner.digits()
            if scanner.take(UInt8(ascii: ":")) {
                guard zoneHour.count == 2, scanner.digits().count == 2 else { return false }
            } else {
                guard zoneHour.count == 2 || zoneHour.count == 4 else { return false }
            }
        }
        return scanner.isAtEnd
    }
}
