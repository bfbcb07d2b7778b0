import Testing
@testable import AnnualReturn

/// Every untidy form the generator writes reads back to the clean value (or, for the planted
/// bad names, is rejected with the intended suggestion). Without this, the two penalty exports
/// would not be duplicates of each other.
struct MessyVariantsTests {
    static let calendar = SampleCalendar(year: 2022)

    @Test(arguments: MessyVariants.DateForm.allCases)
    func everyDateFormReadsBack(_ form: MessyVariants.DateForm) {
        var random = SplitMix64(seed: 5)
        for day in [CalendarDay(year: 2022, month: 3, day: 5)!, CalendarDay(year: 2021, month: 11, day: 30)!] {
            let text = MessyVariants.date(day, form, calendar: Self.calendar, random: &random)
            #expect(DateParser.parse(text) == .date(day), "\(text)")
        }
    }

    @Test func excelSerialsCountFromTheExcelEpoch() {
        #expect(Self.calendar.excelSerial(CalendarDay(year: 2022, month: 3, day: 5)!) == 44625)
        #expect(MessyVariants.impossibleFebruaryDay(year: 2022) == "2022-02-30")
        #expect(DateParser.parse("2022-02-30") == .invalid)
    }

    @Test(arguments: MessyVariants.AmountForm.allCases)
    func everyAmountFormReadsBack(_ form: MessyVariants.AmountForm) {
        for fen: Int64 in [100_000, 1_500_000, 1_230_000, 2_921_144, 5_000_000_00, 123_456_789] {
            guard let text = MessyVariants.amount(Fen(fen), form) else { continue }
            #expect(AmountParser.parse(text) == .amount(Fen(fen)), "\(text)")
        }
    }

    @Test func amountFormsLookAsInRealExports() {
        #expect(MessyVariants.amount(Fen(100_000), .grouped) == "1,000.00")
        #expect(MessyVariants.amount(Fen(100_000), .yuanSign) == "￥1000")
        #expect(MessyVariants.amount(Fen(100_000), .yuanSuffix) == "1000元")
        #expect(MessyVariants.amount(Fen(1_500_000), .wanyuan) == "1.5万元")
        #expect(MessyVariants.amount(Fen(500_000), .fullWidth) == "５０００")
        #expect(MessyVariants.amount(Fen(100_000), .wanyuan) == nil)
        #expect(MessyVariants.amount(Fen(123_456), .fullWidth) == nil)
        #expect(MessyVariants.grouped("-1234567.89") == "-1,234,567.89")
    }

    @Test func everyYesNoStyleReadsBack() {
        for style in MessyVariants.olderSystemYesNo + [MessyVariants.standardYesNo] {
            #expect(YesNo.parse(style.text(true)) == true, "\(style.yes)")
            #expect(YesNo.parse(style.text(false)) == false, "\(style.no)")
        }
    }

    @Test(arguments: MessyVariants.CodeForm.allCases)
    func everyCodeFormNormalisesBack(_ form: MessyVariants.CodeForm) {
        let code = SampleCreditCode.make(region: "449902", index: 41, newStyle: true)
        #expect(TextNormalizer.creditCode(MessyVariants.creditCode(code, form)) == code)
    }

    @Test(arguments: MessyVariants.NameForm.allCases)
    func everyNameFormCompactsBack(_ form: MessyVariants.NameForm) {
        let name = "示例市QXB化工有限公司"
        #expect(TextNormalizer.compact(MessyVariants.name(name, form)) == TextNormalizer.compact(name))
    }

    @Test func legacyAndShortNamesAreKnownAndTyposAreNot() {
        for (code, name) in MessyVariants.legacyPenaltyNames {
            #expect(Catalogue.lookup(.penaltyType, name).category?.code == code, "\(name)")
        }
        if case .ambiguousLegacy(let category, _) = Catalogue.lookup(.penaltyType, MessyVariants.legacySuspendOrRevoke) {
            #expect(category.code == "suspend_permit")
        } else {
            Issue.record("\(MessyVariants.legacySuspendOrRevoke) is not an ambiguous legacy name")
        }
        #expect(Catalogue.lookup(.penaltyType, MessyVariants.misspeltFine) == .unknown(suggestion: Catalogue.category(.penaltyType, code: "fine")))
        #expect(Catalogue.lookup(.penaltyType, MessyVariants.truncatedSuspendBusiness)
            == .unknown(suggestion: Catalogue.category(.penaltyType, code: "suspend_business")))
        for (code, name) in MessyVariants.shortEnforcementNames {
            let category = Catalogue.lookup(.enforcementMeasure, name).category
                ?? Catalogue.lookup(.enforcementExecution, name).category
            #expect(category?.code == code, "\(name)")
        }
        #expect(Catalogue.lookup(.partyType, MessyVariants.olderSystemPartyType(isIndividual: true)).category?.code == "individual")
        #expect(Catalogue.lookup(.partyType, MessyVariants.olderSystemPartyType(isIndividual: false)).category?.code == "unit")
        #expect(Catalogue.lookup(.procedure, MessyVariants.olderOrdinaryProcedure).category?.code == "ordinary")
        for separator in MessyVariants.olderSystemTypeSeparators {
            #expect(PenaltyTypeList.split("警告" + separator + "罚款") == ["警告", "罚款"], "\(separator)")
        }
    }
}
