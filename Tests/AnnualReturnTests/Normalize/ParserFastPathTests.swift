import PropertyBased
import Testing
@testable import AnnualReturn

/// The parsers read cells from their UTF-8 bytes when the cell is already in NFKC; that must
/// give exactly what parsing the cell's `String` gives, on any input.
struct ParserFastPathTests {
    // MARK: Dates

    /// Every date form DOMAIN.md lists, and what it is.
    @Test(arguments: [
        ("2022-03-05", "2022-03-05"), ("2022/3/5", "2022-03-05"), ("2022.3.5", "2022-03-05"),
        ("2022年3月5日", "2022-03-05"), ("20220305", "2022-03-05"), ("2022-03-05 14:30:00", "2022-03-05"),
        ("44625", "2022-03-05"), ("44625.75", "2022-03-05"), ("2022-03-05T23:30:00+08:00", "2022-03-05"),
        ("２０２２－０３－０５", "2022-03-05"), ("２０２２年３月５日", "2022-03-05"), ("\u{3000}2022/3/5\u{3000}", "2022-03-05"),
        (" 2022.03.05 ", "2022-03-05"), ("2022年03月05日 14:30", "2022-03-05"), ("４４６２５", "2022-03-05"),
    ])
    func everyDomainDateFormParsesOnBothPaths(text: String, expected: String) {
        let day = CalendarDay(iso: expected)!
        #expect(TrickyText.withUTF8(text, DateParser.parse(utf8:)) == .date(day))
        #expect(DateParser.parse(text) == .date(day))
    }

    /// Date-like text: a year, a month and a day of plausible and impossible sizes, joined in
    /// each form, with times, zones and padding, or an Excel serial with a fraction.
    static let dateText = zip(
        TrickyText.oneOf(["2022", "２０２２", "2020", "1900", "0000", "9999", "22", "20220", ""] as [String]),
        TrickyText.oneOf(["3", "03", "2", "12", "13", "0", "003", "３", ""] as [String]),
        TrickyText.oneOf(["5", "05", "29", "30", "31", "00", "005", "５", ""] as [String]),
        TrickyText.oneOf(["-", "/", ".", "年", "－", "／", "-/", "", "compact", "serial"] as [String]),
        TrickyText.oneOf(Self.times),
        TrickyText.oneOf(["", " ", "\t", "\u{3000}", "\r\n", "\u{FEFF}", "\u{00A0}", "x"] as [String])
    ).map { (parts: (String, String, String, String, String, String)) -> String in Self.date(parts) }

    static let times: [String] = [
        "", " 14:30", " 14:30:00", "T23:59:59.5", "T1:05Z", " 24:00", "  0:05", "T14:30+08:00", "T14:30-0500",
        "T14:30+8", " 14:3", "T", " ", "\u{3000}14:30", " 14:30:00.", " 14:30:61", "T14:30:00Z1", " 下午",
    ]

    /// Joins the parts of `dateText`.
    static func date(_ parts: (year: String, month: String, day: String, form: String, time: String, padding: String)) -> String {
        let (year, month, day, form, time, padding) = parts
        let date: String
        switch form {
        case "年": date = year + "年" + month + "月" + day + "日"
        case "-/": date = year + "-" + month + "/" + day
        case "compact": date = year + month + day
        case "serial": date = String(year.prefix(1)) + month + day + (time.isEmpty ? "" : "." + day)
        default: date = year + form + month + form + day
        }
        return padding + date + (form == "serial" ? "" : time) + padding
    }

    @Test func datesParseTheSameFromBytes() async {
        await propertyCheck(count: 5000, input: Self.dateText) { text in
            #expect(TrickyText.withUTF8(text, DateParser.parse(utf8:)) == DateParser.parse(text), "\(text.debugDescription)")
        }
    }

    @Test func excelSerialsParseTheSameFromBytes() async {
        let fractions: [String] = ["", ".5", ".", ".999988426", ".0.1", "e5"]
        let serials = zip(Gen.int(in: 0...200_000), TrickyText.oneOf(fractions))
            .map { (parts: (Int, String)) -> String in String(parts.0) + parts.1 }
        await propertyCheck(count: 3000, input: serials) { text in
            #expect(TrickyText.withUTF8(text, DateParser.parse(utf8:)) == DateParser.parse(text), "\(text)")
        }
    }

    @Test func anyTextParsesTheSameFromBytes() async {
        await propertyCheck(count: 3000, input: TrickyText.text) { text in
            #expect(TrickyText.withUTF8(text, DateParser.parse(utf8:)) == DateParser.parse(text), "\(text.debugDescription)")
        }
    }

    // MARK: Amounts

    /// Amount-like text: signs and currency signs in and out of place, whole parts with and
    /// without thousands commas, fractions finer than a fen, units, full-width forms, overflow.
    static let amountText = zip(
        TrickyText.oneOf(["", "-", "+", "--", "+-"] as [String]),
        TrickyText.oneOf(["", "¥", "￥", "¥ ", "￥-", "¥+"] as [String]),
        TrickyText.oneOf(["0", "1", "1000", "1,000", "12,345,678", ",100", "1,,000", "100,", "１０００", "",
                          "92233720368547758", "9223372036854775807", "0001"] as [String]),
        TrickyText.oneOf(["", ".", ".5", ".50", ".505", ".500", ".123456", ".1234567", ".0000001", ".5.5", "．５"] as [String]),
        TrickyText.oneOf(["", "元", "万", "万元", " 元", "万 元", "圆", "元万", "万元元"] as [String]),
        TrickyText.oneOf(["", " ", "\t", "\u{3000}", "\r\n", "x"] as [String])
    ).map { (parts: (String, String, String, String, String, String)) -> String in
        parts.5 + parts.0 + parts.1 + parts.2 + parts.3 + parts.4 + parts.5
    }

    @Test func amountsParseTheSameFromBytes() async {
        await propertyCheck(count: 5000, input: Self.amountText) { text in
            #expect(TrickyText.withUTF8(text, AmountParser.parse(utf8:)) == AmountParser.parse(text), "\(text.debugDescription)")
        }
        await propertyCheck(count: 2000, input: TrickyText.text) { text in
            #expect(TrickyText.withUTF8(text, AmountParser.parse(utf8:)) == AmountParser.parse(text), "\(text.debugDescription)")
        }
    }

    @Test(arguments: ["1,000.00", "￥1000", "1000元", "1.5万元", "１０００", "", "-5", "1.234567万", "1.2345678万"])
    func domainAmountFormsParseTheSameFromBytes(text: String) {
        #expect(TrickyText.withUTF8(text, AmountParser.parse(utf8:)) == AmountParser.parse(text))
    }

    // MARK: Counts

    /// `CountParser.parse(_:)` is what staging did before: NFKC, trimming, then `Int(_:)`.
    @Test(arguments: ["", " ", "0", "7", "+7", "-7", "-0", "007", "1.0", "1e3", "-", "+", "９", " 1 2 ",
                      "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809"])
    func countsAreWhatIntReads(text: String) {
        let trimmed = TextNormalizer.trimmingWhitespace(TextNormalizer.generalNFKC(text))
        let expected: CountParser.Result = trimmed.isEmpty ? .empty : Int(trimmed).map(CountParser.Result.count) ?? .invalid
        #expect(CountParser.parse(text) == expected)
        #expect(TrickyText.withUTF8(text, CountParser.parse(utf8:)) == expected)
    }

    static let countText = zip(
        TrickyText.oneOf(["", " ", "\t", "\u{3000}", "x"] as [String]),
        TrickyText.oneOf(["", "+", "-", "--", "＋", "－"] as [String]),
        TrickyText.oneOf(["0", "7", "007", "１２", "9223372036854775807", "9223372036854775808",
                          "99999999999999999999", "", "1,000", "1.0"] as [String]),
        TrickyText.oneOf(["", " ", "\u{3000}", "个", "\r\n"] as [String])
    ).map { (parts: (String, String, String, String)) -> String in parts.0 + parts.1 + parts.2 + parts.3 }

    @Test func countsParseTheSameFromBytes() async {
        await propertyCheck(count: 3000, input: Self.countText) { text in
            #expect(TrickyText.withUTF8(text, CountParser.parse(utf8:)) == CountParser.parse(text), "\(text.debugDescription)")
        }
        await propertyCheck(count: 2000, input: TrickyText.text) { text in
            #expect(TrickyText.withUTF8(text, CountParser.parse(utf8:)) == CountParser.parse(text), "\(text.debugDescription)")
        }
    }

    @Test func countsParseTheSameForEveryInt() async {
        await propertyCheck(count: 2000, input: Gen.int()) { value in
            let text = String(value)
            #expect(TrickyText.withUTF8(text, CountParser.parse(utf8:)) == .count(value))
        }
    }

    // MARK: Yes/no

    static let yesNoText = zip(
        TrickyText.oneOf(["", " ", "\u{3000}", "\t"] as [String]),
        TrickyText.oneOf(["是", "否", "有", "无", "√", "×", "✓", "✔", "✗", "✘", "Y", "y", "N", "YES", "Yes", "no", "No",
                          "TRUE", "false", "1", "0", "ｙ", "Ｙｅｓ", "２", "maybe", "是否", ""] as [String]),
        TrickyText.oneOf(["", " ", "\u{3000}", "\r\n", "x"] as [String])
    ).map { (parts: (String, String, String)) -> String in parts.0 + parts.1 + parts.2 }

    @Test func yesNoParsesTheSameFromBytes() async {
        await propertyCheck(count: 3000, input: Self.yesNoText) { text in
            #expect(TrickyText.withUTF8(text, YesNo.parse(utf8:)) == YesNo.parse(text), "\(text.debugDescription)")
        }
        await propertyCheck(count: 2000, input: TrickyText.text) { text in
            #expect(TrickyText.withUTF8(text, YesNo.parse(utf8:)) == YesNo.parse(text), "\(text.debugDescription)")
        }
    }
}
