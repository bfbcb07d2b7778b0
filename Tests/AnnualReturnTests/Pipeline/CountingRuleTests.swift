import PropertyBased
import Testing
@testable import AnnualReturn

/// DOMAIN.md's counting rules, one table each.
struct CountingRuleTests {
    @Test(arguments: [
        (["fine"], "fine"),
        (["warning", "fine"], "fine"),
        (["fine", "suspend_business"], "suspend_business"),
        (["revoke_permit", "fine", "warning"], "revoke_permit"),
        (["other", "warning"], "warning"),
        (["other"], "other"),
        (["confiscate_gains", "confiscate_property"], "confiscate_property"),
        (["detention", "bar_practice"], "detention"),
    ])
    func heaviestType(types: [String], heaviest: String) {
        let record = PenaltyRecord(
            caseID: "x", decisionNo: "", decisionDate: CalendarDay(year: 2022, month: 1, day: 1)!,
            party: EnterpriseRef(creditCode: nil, name: ""), partyType: "unit", industry: "other",
            penaltyTypes: types, fine: .zero, confiscation: .zero, procedure: nil, origin: "",
            hearing: false, legalReview: false, publishedDate: nil, closedDate: nil, unit: "")
        #expect(record.heaviestType == heaviest)
    }

    /// The heaviest type, found by rank, is `Catalogue.heaviest` of the types' categories for
    /// any list of codes, unknown ones included.
    @Test func heaviestTypeIsTheCataloguesHeaviest() async {
        let codes = Catalogue.categories(.penaltyType).map(\.code) + ["not_a_type"]
        await propertyCheck(count: 500, input: Gen.int(in: 0..<codes.count).array(of: 0...4)) { picks in
            let types = picks.map { codes[$0] }
            let record = PenaltyRecord(
                caseID: "x", decisionNo: "", decisionDate: CalendarDay(year: 2022, month: 1, day: 1)!,
                party: EnterpriseRef(creditCode: nil, name: ""), partyType: "unit", industry: "other",
                penaltyTypes: types, fine: .zero, confiscation: .zero, procedure: nil, origin: "",
                hearing: false, legalReview: false, publishedDate: nil, closedDate: nil, unit: "")
            let expected = Catalogue.heaviest(types.compactMap { Catalogue.category(.penaltyType, code: $0) })?.code ?? "other"
            #expect(record.heaviestType == expected, "\(types)")
        }
    }

    /// Distinct enterprises: by code; else by name, unless the name appears with exactly one
    /// code in the dataset.
    @Test(arguments: [
        ([("A", "甲")], 1),
        ([("A", "甲"), (nil, "甲")], 1),               // name-only joins its single code
        ([("A", "甲"), ("B", "甲"), (nil, "甲")], 3),   // two codes: the name stays on its own
        ([(nil, "乙"), (nil, "乙")], 1),
        ([("A", "甲"), ("A", "甲公司")], 1),             // same code, different names
        ([(nil, "丙"), ("C", "丁")], 2),
    ] as [([(String?, String)], Int)])
    func distinctEnterprises(references: [(String?, String)], expected: Int) {
        var aggregate = Aggregate(year: 2022, periods: [])
        for (index, (code, name)) in references.enumerated() {
            aggregate.add(InspectionRecord(
                id: "JC-\(index)", date: CalendarDay(year: 2022, month: 5, day: 1)!, kind: "routine",
                enterprise: EnterpriseRef(creditCode: code, name: name), industry: "other",
                hazardsGeneral: 0, hazardsMajor: 0, hazardsRectified: 0, irregularities: 0, unit: "", officers: ""))
        }
        #expect(aggregate.distinctEnterprises(aggregate.yearTally.inspectedEnterprises) == expected)
    }

    /// The count the figures use (codes gathered as bytes, no string per reference) agrees with
    /// the identities `explain` lists, one per distinct identity string, whatever the mix of
    /// codes, shared names and name-only references.
    @Test func distinctCountAgreesWithTheIdentitiesExplainLists() async {
        let codes: [String?] = [nil, nil, "91310000A", "91310000B", "91310000C"]
        let names = ["甲化工有限公司", "乙机械厂", "丙商贸公司", "张某", ""]
        let pairs = Gen.int(in: 0..<(codes.count * names.count)).array(of: 0...40)
        await propertyCheck(count: 300, input: pairs) { pairs in
            let references = EnterpriseReferences(pairs.map { EnterpriseRef(creditCode: codes[$0 % codes.count], name: names[$0 / codes.count]) }
                .filter { !$0.isEmpty })
            let identities = EnterpriseIdentities(references: references)
            let listed = Set(references.map { identities.identity(of: $0).identity }).count
            #expect(identities.distinctCount(of: references) == listed)
        }
    }

    @Test(arguments: [
        (7, 9, "77.8"), (1, 3, "33.3"), (2, 3, "66.7"), (1, 8, "12.5"), (1, 16, "6.3"),
        (0, 5, "0.0"), (5, 5, "100.0"), (1, 2000, "0.1"), (1, 2001, "0.0"),
    ])
    func percentRoundsHalfUp(part: Int, whole: Int, text: String) {
        #expect(Ratio.percent(part, of: whole) == text)
    }

    @Test func rateOfNothingIsNull() {
        #expect(Ratio.percent(0, of: 0) == nil)
    }

    @Test func patrolsAreNotInspections() {
        var tally = Tally()
        let day = CalendarDay(year: 2022, month: 5, day: 1)!
        for kind in ["routine", "patrol", "patrol"] {
            tally.add(InspectionRecord(
                id: kind, date: day, kind: kind, enterprise: EnterpriseRef(creditCode: nil, name: kind),
                industry: "other", hazardsGeneral: 1, hazardsMajor: 0, hazardsRectified: 0, irregularities: 1,
                unit: "", officers: ""))
        }
        #expect(tally.inspections == 1)
        #expect(tally.patrols == 2)
        #expect(tally.inspectionsByKind["patrol"] == nil)
        #expect(tally.patrolIrregularities == 2)
    }

    /// Records outside the year count only in the named periods they fall in.
    @Test(arguments: [
        (CalendarDay(year: 2021, month: 12, day: 31)!, false, true),
        (CalendarDay(year: 2022, month: 1, day: 1)!, true, true),
        (CalendarDay(year: 2022, month: 7, day: 31)!, true, true),
        (CalendarDay(year: 2022, month: 8, day: 1)!, true, false),
        (CalendarDay(year: 2021, month: 10, day: 31)!, false, false),
        (CalendarDay(year: 2023, month: 1, day: 1)!, false, false),
    ])
    func periodsIncludeBothEnds(date: CalendarDay, inYear: Bool, inPeriod: Bool) {
        let period = NamedPeriod(name: "review", from: CalendarDay(year: 2021, month: 11, day: 1)!,
                                 to: CalendarDay(year: 2022, month: 7, day: 31)!)
        var aggregate = Aggregate(year: 2022, periods: [period])
        aggregate.add(EnforcementRecord(id: "1", date: date, kind: "seal_up", isMeasure: true, caseID: nil,
                                        party: "", unit: ""))
        #expect(aggregate.yearTally.measures == (inYear ? 1 : 0))
        #expect(aggregate.periodTallies["review"]?.measures == (inPeriod ? 1 : 0))
    }
}
