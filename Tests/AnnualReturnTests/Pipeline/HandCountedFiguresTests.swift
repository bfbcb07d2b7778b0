import Testing
@testable import AnnualReturn

/// The small district in Fixtures/small was counted by hand, row by row, from DOMAIN.md's
/// rules; these are those counts. The exports hold every kind of mess the rules cover: a BOM,
/// CRLF, GB18030, legacy names, a mapped header, full-width text, every date form, a cumulative
/// second export with duplicates and a conflict, summary rows, lockdown-month records and bad
/// rows.
struct HandCountedFiguresTests {
    static let expected: [String: FigureValue] = [
        // Inspections of 2022: JC-001, 002, 003, 005, 010, 011 (JC-006 is 2021; JC-004 and 008
        // are patrols; JC-007 and 009 are rejected).
        "inspections.count": .integer(6),
        // 甲化工 (code …Y43, and a name-only row of the same name), 乙机械厂, GENG公司 (…Y44), 庚公司.
        "inspections.enterprises": .integer(4),
        "inspections.by_kind.routine": .integer(2),
        "inspections.by_kind.random": .integer(1),
        "inspections.by_kind.special": .integer(1),
        "inspections.by_kind.complaint": .integer(1),
        "inspections.by_kind.review": .integer(1),
        "inspections.by_industry.hazardous_chemicals": .integer(2),
        "inspections.by_industry.machinery": .integer(2),
        "inspections.by_industry.textile": .integer(1),
        "inspections.by_industry.other": .integer(1),
        "inspections.by_industry_group.industry_trade": .integer(3),
        "inspections.by_month.2022-03": .integer(1),
        "inspections.by_month.2022-10": .integer(0),
        "inspections.monthly_average": .text("0.5"),
        "hazards.general": .integer(8),
        "hazards.major": .integer(1),
        "hazards.rectified": .integer(7),
        "hazards.rectification_rate": .text("77.8"),
        "patrols.count": .integer(2),
        "patrols.enterprises": .integer(2),
        "patrols.irregularities": .integer(3),
        "patrols.by_month.2022-03": .integer(1),
        "patrols.by_month.2022-05": .integer(1),
        // Penalties of 2022: CF-002, 003 (newer version), 004, 006, 007.
        "penalties.cases": .integer(5),
        "penalties.by_type.fine": .integer(1),
        "penalties.by_type.suspend_business": .integer(1),
        "penalties.by_type.suspend_permit": .integer(1),
        "penalties.by_type.confiscate_gains": .integer(1),
        "penalties.by_type.warning": .integer(1),
        "penalties.mentions.fine": .integer(3),
        "penalties.fines_yuan": .text("23200.50"),
        "penalties.confiscations_yuan": .text("1700.00"),
        "penalties.total_yuan": .text("24900.50"),
        "penalties.total_wanyuan": .text("2.49"),
        "penalties.by_party.unit": .integer(4),
        "penalties.by_party.individual": .integer(1),
        "penalties.by_procedure.simple": .integer(2),
        "penalties.by_procedure.ordinary": .integer(3),
        "penalties.hearings": .integer(1),
        "penalties.legal_reviews": .integer(3),
        "penalties.by_industry.other": .integer(2),
        "penalties.by_industry_group.industry_trade": .integer(3),
        "penalties.monthly_average": .text("0.4"),
        "enforcement.measures": .integer(2),
        "enforcement.executions": .integer(2),
        "enforcement.by_kind.seal_up": .integer(1),
        "enforcement.by_kind.other_measure": .integer(1),
        "enforcement.by_kind.surcharge": .integer(1),
        "enforcement.by_kind.court_enforcement": .integer(1),
        "enforcement.by_kind.seize": .integer(0),
        "enforcement.monthly_average": .text("0.3"),
        "records.inspections.read": .integer(11),
        "records.inspections.accepted": .integer(9),
        "records.inspections.rejected": .integer(2),
        "records.inspections.duplicates": .integer(0),
        "records.penalties.read": .integer(12),
        "records.penalties.accepted": .integer(8),
        "records.penalties.rejected": .integer(2),
        "records.penalties.duplicates": .integer(2),
        "records.penalties.conflicts": .integer(1),
        "records.enforcement.read": .integer(6),
        "records.enforcement.accepted": .integer(5),
        "records.enforcement.rejected": .integer(1),
        // The review window 2021-11-01..2022-07-31 crosses the year.
        "periods.case_review.inspections.count": .integer(5),
        "periods.case_review.patrols.count": .integer(2),
        "periods.case_review.penalties.cases": .integer(4),
        "periods.case_review.penalties.total_yuan": .text("21700.00"),
        "periods.case_review.enforcement.measures": .integer(3),
        "periods.case_review.enforcement.executions": .integer(2),
        "meta.year": .integer(2022),
        "meta.bureau": .text("测试区应急管理局"),
        "meta.as_of": .text("2022-12-31"),
        "meta.lockdown_months": .texts(["2022-03", "2022-10"]),
    ]

    @Test(arguments: expected.keys.sorted())
    func figureMatchesTheCountByHand(_ id: String) throws {
        let result = try runSmallFixture()
        #expect(result.figures[id] == Self.expected[id], "\(id)")
    }

    @Test func everyFileReconciles() throws {
        let result = try runSmallFixture()
        for account in result.accounts {
            #expect(account.reconciles, "\(account.file)")
        }
        #expect(result.accounts.map(\.encoding) == [.utf8WithBOM, .gb18030, .utf8, .utf8])
    }

    @Test func bothPenaltyConventionsAddUp() throws {
        let figures = try runSmallFixture().figures
        let types = Catalogue.categories(.penaltyType).map(\.code)
        let byType = types.reduce(0) { $0 + (figures["penalties.by_type.\($1)"]?.integer ?? 0) }
        let mentions = types.reduce(0) { $0 + (figures["penalties.mentions.\($1)"]?.integer ?? 0) }
        #expect(byType == figures["penalties.cases"]?.integer)
        #expect(mentions >= byType)
    }

    /// Every contract id of DOMAIN.md is present (the ones with a placeholder, for each value).
    @Test func figuresHoldEveryContractID() throws {
        let figures = try runSmallFixture().figures
        var ids = ["meta.year", "meta.bureau", "meta.as_of", "meta.lockdown_months", "inspections.count",
                   "inspections.enterprises", "hazards.general", "hazards.major", "hazards.rectified",
                   "hazards.rectification_rate", "patrols.count", "patrols.enterprises", "patrols.irregularities",
                   "penalties.cases", "penalties.fines_yuan", "penalties.confiscations_yuan", "penalties.total_yuan",
                   "penalties.total_wanyuan", "penalties.by_party.unit", "penalties.by_party.individual",
                   "penalties.by_procedure.simple", "penalties.by_procedure.ordinary", "penalties.hearings",
                   "penalties.legal_reviews", "enforcement.measures", "enforcement.executions",
                   "inspections.by_industry_group.industry_trade", "penalties.by_industry_group.industry_trade"]
        for kind in ["routine", "random", "special", "complaint", "review"] { ids.append("inspections.by_kind.\(kind)") }
        for industry in ["hazardous_chemicals", "non_coal_mine", "fireworks", "metallurgy", "nonferrous",
                         "building_materials", "machinery", "light_industry", "textile", "tobacco", "commerce", "other"] {
            ids += ["inspections.by_industry.\(industry)", "penalties.by_industry.\(industry)"]
        }
        for type in ["warning", "criticism", "fine", "confiscate_gains", "confiscate_property", "suspend_permit",
                     "lower_qualification", "restrict_business", "suspend_business", "close", "bar_practice",
                     "revoke_permit", "detention", "other"] {
            ids += ["penalties.by_type.\(type)", "penalties.mentions.\(type)"]
        }
        for kind in ["restrict_liberty", "seal_up", "seize", "freeze", "other_measure", "surcharge", "transfer",
                     "auction", "remove_obstruction", "substitute", "court_enforcement", "other_execution"] {
            ids.append("enforcement.by_kind.\(kind)")
        }
        for month in 1...12 {
            let yearMonth = "2022-" + (month < 10 ? "0" : "") + String(month)
            for series in ["inspections", "patrols", "penalties", "enforcement"] {
                ids.append("\(series).by_month.\(yearMonth)")
            }
        }
        for dataset in ["inspections", "penalties", "enforcement"] {
            for count in ["read", "accepted", "rejected", "duplicates", "conflicts"] {
                ids.append("records.\(dataset).\(count)")
            }
        }
        for figure in ["inspections.count", "patrols.count", "penalties.cases", "penalties.total_yuan",
                       "enforcement.measures", "enforcement.executions"] {
            ids.append("periods.case_review.\(figure)")
        }
        let missing = ids.filter { figures[$0] == nil }
        #expect(missing == [])
        #expect(!figures.ids.contains("inspections.by_kind.patrol"))
    }
}
