import Foundation
import Testing
@testable import AnnualReturn

/// 行政许可, an optional export: 申请 by the application day, 受理 by the acceptance day, the
/// decisions by their day; 变更 and 延续 granted count as 准予; decisions made public within 7
/// working days — counted by hand.
struct LicensingTests {
    static let header = "许可编号,许可事项,申请人,申请日期,受理日期,决定日期,决定结果,公示日期"

    static func run(_ rows: [String]?, calendars: Bool = true) throws -> RunResult {
        let files = rows.map { [TemporaryDistrict.File(.licensing, "l.csv", [header] + $0)] } ?? [TemporaryDistrict.onePenalty]
        return try TemporaryDistrict.run(files, extra: calendars ? ThreeSystemsTests.calendarsLine : [])
    }

    @Test func applicationsAcceptancesAndDecisionsEachByTheirDay() throws {
        let result = try Self.run([
            "XK-1,危险化学品经营许可,甲公司,2021-12-20,2021-12-22,2022-01-10,准予,2022-01-12",    // applied last year; granted, on time
            "XK-2,危险化学品经营许可,乙公司,2022-03-01,2022-03-02,2022-03-20,变更,2022-04-08",    // granted (change), late
            "XK-3,烟花爆竹经营许可,丙公司,2022-05-05,,2022-05-20,延续,",                        // granted (renew); accepted by decision day; unpublished
            "XK-4,烟花爆竹经营许可,丁公司,2022-06-01,2022-06-02,2022-06-30,不予许可,2022-07-01",  // refused, on time
            "XK-5,烟花爆竹经营许可,戊公司,2022-07-01,,2022-07-03,不予受理,",                     // not accepted: no acceptance, nothing to publish
            "XK-6,危险化学品经营许可,己公司,2022-11-01,2022-11-02,,,",                           // pending: applied and accepted only
            "XK-7,危险化学品经营许可,庚公司,2020-05-01,2020-05-02,2022-08-08,撤销,2022-08-09",    // revoked this year
            "XK-8,危险化学品经营许可,辛公司,2022-12-30,2022-12-30,2023-01-05,准予,2023-01-06",   // decided next year
            "XK-9,未知事项,壬公司,2022-09-01,,2022-09-05,同意吧,",                               // unknown decision: rejected
            "XK-10,危险化学品经营许可,癸公司,2022-09-01,,,准予,",                                // decision without its day: rejected
        ])
        let expected: [String: FigureValue] = [
            "licensing.applications": .integer(6),    // XK-2,3,4,5,6,8
            "licensing.accepted": .integer(5),        // XK-2, 3 (by its decision day), 4, 6, 8
            "licensing.granted": .integer(3),         // XK-1, 2, 3
            "licensing.by_decision.grant": .integer(1),
            "licensing.by_decision.change": .integer(1),
            "licensing.by_decision.renew": .integer(1),
            "licensing.by_decision.refuse": .integer(1),
            "licensing.by_decision.not_accepted": .integer(1),
            "licensing.by_decision.revoke": .integer(1),
            "three_systems.licensing_publication.decisions": .integer(5),   // XK-1,2,3,4,7
            "three_systems.licensing_publication.on_time": .integer(3),
            "three_systems.licensing_publication.late": .integer(1),
            "three_systems.licensing_publication.unpublished": .integer(1),
            "three_systems.licensing_publication.on_time_pct": .text("60.0"),
            "records.licensing.rejected": .integer(2),
        ]
        for (id, value) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(result.figures[id] == value, "\(id)")
            #expect(try FigureExplainer.explain(id, in: result).get().isConsistent, "\(id)")
        }
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.row) == [10, 11])
        #expect(result.diagnostics.filter { $0.code == .publishedLate || $0.code == .notPublished }.map(\.row) == [3, 4])
        // Licensing decisions move the as-of date; applications do not.
        #expect(result.asOf == CalendarDay(year: 2022, month: 8, day: 8))
    }

    @Test func withoutTheExportTheTableSaysSo() throws {
        let result = try Self.run(nil, calendars: false)
        #expect(result.figures["licensing.applications"] == .integer(0))
        #expect(result.figures["three_systems.licensing_publication.decisions"] == .null)
        let table = try #require(ReturnBuilder(result: result).build().tables.first { $0.id == "licensing" })
        #expect(table.notes.contains { $0.contains("未提供行政许可导出") })
    }
}
