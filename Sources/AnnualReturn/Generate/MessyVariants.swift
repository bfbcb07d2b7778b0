/// The untidy text forms the sample exports write on purpose: every date, amount, yes/no and
/// name form that DOMAIN.md says real exports contain, plus the legacy, short, misspelt and
/// unknown category names.
///
/// These are test input, not reference data: the official names come from ``Catalogue``. Every
/// form here must read back to the same value as the clean form (except the ones marked as
/// rejected), because the two penalty exports repeat records in different forms and the
/// pipeline must see them as duplicates.
enum MessyVariants {
    // MARK: - Dates

    /// The ways a day is written in exports.
    enum DateForm: CaseIterable {
        /// `2022-03-05`
        case iso
        /// `2022/3/5`
        case slashes
        /// `2022.3.5`
        case dots
        /// `2022年3月5日`
        case chinese
        /// `20220305`
        case compact
        /// `2022-03-05 14:30:00`
        case dateTime
        /// `44625` (Excel serial)
        case excelSerial
        /// `44625.6041666667` (Excel serial with a time of day; still 2022-03-05)
        case excelSerialWithTime
    }

    /// `day` written in `form`; times of day come from `random`.
    static func date(_ day: CalendarDay, _ form: DateForm, calendar: SampleCalendar,
                     random: inout SplitMix64) -> String {
        switch form {
        case .iso:
            return day.description
        case .slashes:
            return "\(day.year)/\(day.month)/\(day.day)"
        case .dots:
            return "\(day.year).\(day.month).\(day.day)"
        case .chinese:
            return "\(day.year)年\(day.month)月\(day.day)日"
        case .compact:
            return SampleText.compactDate(day)
        case .dateTime:
            let hour = random.int(in: 8...17)
            let minute = random.int(in: 0...11) * 5
            return day.description + " " + twoDigits(hour) + ":" + twoDigits(minute) + ":00"
        case .excelSerial:
            return String(calendar.excelSerial(day))
        case .excelSerialWithTime:
            // Minutes of the day as a fraction of 1440, to ten decimals, by long division so
            // that no floating-point formatting decides the bytes.
            var remainder = random.int(in: 8 * 60...17 * 60)
            var fraction = ""
            for _ in 0..<10 {
                remainder *= 10
                fraction += String(remainder / 1440)
                remainder %= 1440
            }
            return String(calendar.excelSerial(day)) + "." + fraction
        }
    }

    /// An impossible day written like a real one (`2022-02-30`): rejected by the pipeline.
    static func impossibleFebruaryDay(year: Int) -> String {
        "\(year)-02-30"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    // MARK: - Amounts

    /// The ways an amount of money is written in exports.
    enum AmountForm: CaseIterable {
        /// `5000.00`
        case plain
        /// `5,000.00`
        case grouped
        /// `￥5000` (full-width yuan sign)
        case yuanSign
        /// `5000元`
        case yuanSuffix
        /// `1.5万元` (only from 10,000 yuan, in whole hundreds, so two decimals of 万 are exact)
        case wanyuan
        /// `５０００` (full-width digits; only for whole yuan)
        case fullWidth
    }

    /// `amount` written in `form`; nil when `form` cannot write it exactly (万元 below 10,000
    /// yuan or with odd hundreds, full-width digits with fen).
    static func amount(_ amount: Fen, _ form: AmountForm) -> String? {
        let fen = amount.value
        let isWholeYuan = fen % 100 == 0
        switch form {
        case .plain:
            return amount.yuanString
        case .grouped:
            return grouped(amount.yuanString)
        case .yuanSign:
            return "￥" + (isWholeYuan ? String(fen / 100) : amount.yuanString)
        case .yuanSuffix:
            return (isWholeYuan ? String(fen / 100) : amount.yuanString) + "元"
        case .wanyuan:
            guard fen >= 1_000_000, fen % 10_000 == 0 else { return nil }
            let whole = fen / 1_000_000
            var decimals = String(fen % 1_000_000 / 10_000)
            if decimals.count < 2 { decimals = "0" + decimals }
            while decimals.hasSuffix("0") { decimals.removeLast() }
            return decimals.isEmpty ? "\(whole)万元" : "\(whole).\(decimals)万元"
        case .fullWidth:
            guard isWholeYuan else { return nil }
            return fullWidth(String(fen / 100))
        }
    }

    /// `1234567.89` as `1,234,567.89`.
    static func grouped(_ plain: String) -> String {
        let parts = plain.split(separator: ".", maxSplits: 1)
        var whole = Array(parts[0])
        let sign = whole.first == "-" ? String(whole.removeFirst()) : ""
        var groupedWhole = ""
        for (offset, digit) in whole.enumerated() {
            if offset > 0 && (whole.count - offset) % 3 == 0 { groupedWhole += "," }
            groupedWhole.append(digit)
        }
        return sign + groupedWhole + (parts.count > 1 ? "." + parts[1] : "")
    }

    // MARK: - Yes and no

    /// A pair of texts for yes and no; the √ style writes no as an empty cell.
    struct YesNoStyle: Sendable {
        let yes: String
        let no: String

        func text(_ value: Bool) -> String { value ? yes : no }
    }

    /// 是/否, the standard style.
    static let standardYesNo = YesNoStyle(yes: "是", no: "否")
    /// Every style the older system's users typed.
    static let olderSystemYesNo = [
        YesNoStyle(yes: "是", no: "否"), YesNoStyle(yes: "Y", no: "N"),
        YesNoStyle(yes: "1", no: "0"), YesNoStyle(yes: "√", no: ""),
    ]

    // MARK: - Names and codes

    /// ASCII letters, digits and punctuation as their full-width forms, spaces as the
    /// ideographic space: `91AB 1` becomes `９１ＡＢ　１`.
    static func fullWidth(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x21...0x7E: result.append(Unicode.Scalar(scalar.value + 0xFEE0)!)
            case 0x20: result.append("\u{3000}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// The ways a credit code is mistyped without changing what it names.
    enum CodeForm: CaseIterable {
        /// `９１４４９９０２ＭＡ…` — every character full-width.
        case fullWidth
        /// `91449902MA…` with only the letters full-width.
        case fullWidthLetters
        /// `914499 02MA…` — a space inside (ASCII or ideographic).
        case spaced
        /// `91449902ma…` — lower case letters (only differs for codes with letters).
        case lowerCase
        /// `91449902MA… ` — trailing spaces.
        case trailingSpaces
    }

    static func creditCode(_ code: String, _ form: CodeForm) -> String {
        switch form {
        case .fullWidth:
            return fullWidth(code)
        case .fullWidthLetters:
            return String(code.map { $0.isLetter ? Character(fullWidth(String($0))) : $0 })
        case .spaced:
            let characters = Array(code)
            return String(characters[0..<6]) + " " + String(characters[6..<12]) + "\u{3000}" + String(characters[12...])
        case .lowerCase:
            return code.lowercased()
        case .trailingSpaces:
            return code + "  "
        }
    }

    /// The ways a name is typed without changing it after NFKC and whitespace removal.
    enum NameForm: CaseIterable {
        /// Trailing ASCII spaces.
        case trailingSpaces
        /// A space after the city (示例市 宏远化工有限公司).
        case spaceAfterCity
        /// An ideographic space at the end.
        case trailingIdeographicSpace
        /// Latin letters and digits in full-width (示例市ＱＸＢ化工有限公司).
        case fullWidthLatin
    }

    static func name(_ name: String, _ form: NameForm) -> String {
        switch form {
        case .trailingSpaces:
            return name + "   "
        case .spaceAfterCity:
            guard let city = name.firstIndex(of: "市") else { return name + " " }
            let afterCity = name.index(after: city)
            return String(name[..<afterCity]) + " " + String(name[afterCity...])
        case .trailingIdeographicSpace:
            return name + "\u{3000}"
        case .fullWidthLatin:
            return fullWidth(name)
        }
    }

    // MARK: - Category names

    /// Names the older system (before the 2021 penalty law) used, by catalogue code.
    static let legacyPenaltyNames: [String: String] = [
        "suspend_permit": "暂扣许可证",
        "revoke_permit": "吊销执照",
    ]

    /// The pre-2021 combined name, mapped to `suspend_permit` with a warning.
    static let legacySuspendOrRevoke = "暂扣或者吊销许可证"

    /// A near-typo of 罚款 (歀 for 款): not a known name, rejected with 罚款 suggested.
    static let misspeltFine = "罚歀"

    /// 责令停产停业 cut short: not a known name, rejected with 责令停产停业 suggested.
    static let truncatedSuspendBusiness = "责令停产"

    /// The separators the older system's users typed between penalty types.
    static let olderSystemTypeSeparators = ["、", "，", "+", "/", "；", " + "]

    /// Short enforcement names, by catalogue code, that the pipeline maps.
    static let shortEnforcementNames: [String: String] = [
        "seal_up": "查封",
        "seize": "扣押",
        "freeze": "冻结",
        "surcharge": "加处罚款",
        "court_enforcement": "申请法院强制执行",
    ]

    /// The older system's party types: 法人 for a unit, 自然人 for an individual.
    static func olderSystemPartyType(isIndividual: Bool) -> String {
        isIndividual ? "自然人" : "法人"
    }

    /// 一般程序, the older name of 普通程序.
    static let olderOrdinaryProcedure = "一般程序"

    /// The 强制类别 values of the enforcement export.
    static let measureClass = "行政强制措施"
    static let executionClass = "行政强制执行"
}
