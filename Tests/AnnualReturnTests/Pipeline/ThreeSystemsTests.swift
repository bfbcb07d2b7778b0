import Foundation
import Testing
@testable import AnnualReturn

/// 三项制度 over penalty decisions: publication within 7 working days (the calendar's holidays
/// and make-up working days), legal review of major decisions, hearings — each counted by hand.
struct ThreeSystemsTests {
    /// The project's own calendars (2021–2023).
    static let calendars = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data/calendars").path

    static let header = "案件编号,处罚决定日期,当事人,处罚种类,公示日期,是否重大执法决定,是否法制审核,是否告知听证,是否申请听证,是否听证"

    /// The configuration line naming those calendars.
    static let calendarsLine = ["calendars: \"\(calendars)\""]

    static func run(_ rows: [String], calendars: String? = ThreeSystemsTests.calendars) throws -> RunResult {
        try TemporaryDistrict.run([.init(.penalties, "p.csv", [header] + rows)],
                                  extra: calendars.map { ["calendars: \"\($0)\""] } ?? [])
    }

    /// (decision, published, on time?): the deadline is the 7th working day after the decision.
    @Test(arguments: [
        // The Friday before the Spring Festival: 1-29 and 1-30 are make-up working days, then the
        // holiday to 2-6; the 7th working day is 2-11.
        ("2022-01-28", "2022-02-11", Publication.onTime), ("2022-01-28", "2022-02-14", .late),
        // Decided on a make-up Saturday: the deadline moves one working day on, to 2-14.
        ("2022-01-29", "2022-02-14", .onTime), ("2022-01-29", "2022-02-15", .late),
        // The Friday before National Day: 10-8 and 10-9 are worked, so 10-14.
        ("2022-09-30", "2022-10-14", .onTime), ("2022-09-30", "2022-10-17", .late),
        // After 劳动节, with the make-up Saturday 5-7: 5-13.
        ("2022-05-05", "2022-05-13", .onTime), ("2022-05-05", "2022-05-16", .late),
        // Across the new year, into the 2023 calendar (元旦 1-1 and 1-2): 2023-01-11.
        ("2022-12-30", "2023-01-11", .onTime), ("2022-12-30", "2023-01-12", .late),
        // The same day is on time.
        ("2022-03-15", "2022-03-15", .onTime),
    ])
    func publicationDeadline(decision: String, published: String, expected: Publication) throws {
        let result = try Self.run(["CF-1,\(decision),甲公司,罚款,\(published),否,否,否,否,否"])
        let record = try #require(result.records.penalties.first?.record)
        #expect(record.publication == expected)
        let late = result.diagnostics.filter { $0.code == .publishedLate }
        #expect(late.count == (expected == .late ? 1 : 0))
    }

    /// Ten decisions counted by hand.
    @Test func indicatorsOfOneYearCountedByHand() throws {
        let result = try Self.run([
            "CF-01,2022-01-28,甲公司,罚款,2022-02-11,是,是,是,是,是",   // on time; major, reviewed; hearing held
            "CF-02,2022-01-28,乙公司,罚款,2022-02-14,是,否,是,是,否",   // late; major, not reviewed; requested
            "CF-03,2022-03-01,丙公司,警告,,否,是,是,否,否",             // unpublished; notified only
            "CF-04,2022-03-02,丁公司,警告,2022-03-02,否,否,否,否,否",   // on time
            "CF-05,2022-06-01,戊公司,罚款,2022-06-10,是,是,否,否,是",   // on time; major, reviewed; held implies all
            "CF-06,2022-09-30,己公司,罚款,2022-10-17,否,否,否,否,否",   // late
            "CF-07,2022-10-10,庚公司,罚款,2022-10-01,否,否,否,否,否",   // published before the decision: on time, warned
            "CF-08,2022-12-30,辛公司,罚款,,否,否,否,否,否",             // unpublished
            "CF-09,2021-12-31,壬公司,罚款,,是,是,否,否,否",             // another year: counts nowhere, not warned
            "CF-10,2022-11-11,癸公司,罚款,2022-11-22,否,否,否,是,否",   // on time (7th working day 11-22); requested
        ])
        let expected: [String: FigureValue] = [
            "three_systems.publication.decisions": .integer(9),
            "three_systems.publication.on_time": .integer(5),
            "three_systems.publication.late": .integer(2),
            "three_systems.publication.unpublished": .integer(2),
            "three_systems.publication.on_time_pct": .text("55.6"),
            "three_systems.legal_review.major_decisions": .integer(3),
            "three_systems.legal_review.reviewed": .integer(2),
            "three_systems.legal_review.reviewed_pct": .text("66.7"),
            "three_systems.hearings.notified": .integer(5),
            "three_systems.hearings.requested": .integer(4),
            "three_systems.hearings.held": .integer(2),
        ]
        for (id, value) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(result.figures[id] == value, "\(id)")
        }
        let listed = result.diagnostics.filter { [.publishedLate, .notPublished, .publishedBeforeDecision].contains($0.code) }
        #expect(listed.map { "\($0.row):\($0.code)" }
                == ["3:published-late", "4:not-published", "7:published-late", "8:published-before-decision", "9:not-published"])
        // explain lists the decisions behind each indicator, and they add up.
        for id in expected.keys {
            #expect(try FigureExplainer.explain(id, in: result).get().isConsistent, "\(id)")
        }
    }

    /// Without a calendar the publication figures are empty (the return says why); the rest
    /// are counted.
    @Test func withoutACalendarPublicationIsNotCounted() throws {
        let result = try Self.run(["CF-1,2022-03-01,甲公司,罚款,,是,是,否,否,否"], calendars: nil)
        #expect(result.figures["three_systems.publication.decisions"] == .null)
        #expect(result.figures["three_systems.publication.on_time_pct"] == .null)
        #expect(result.figures["three_systems.legal_review.reviewed_pct"] == .text("100.0"))
        #expect(!result.diagnostics.contains { $0.code == .notPublished })
        let table = try #require(ReturnBuilder(result: result).build().tables.first { $0.id == "three_systems" })
        #expect(table.notes.contains { $0.contains("未配置工作日历") })
    }

    /// An export without a 公示日期 column says nothing about publication: its decisions are not
    /// judged (and not listed as 未公示).
    @Test func anExportWithoutThePublicationColumnIsNotJudged() throws {
        let result = try TemporaryDistrict.run([TemporaryDistrict.onePenalty], extra: Self.calendarsLine)
        #expect(result.figures["three_systems.publication.decisions"] == .integer(0))
        #expect(result.figures["three_systems.publication.on_time_pct"] == .null)
        #expect(!result.diagnostics.contains { $0.code == .notPublished })
    }

    /// A year the return needs without its calendar file stops the run, naming the file.
    @Test func aMissingCalendarYearNamesTheFile() throws {
        let folder = try TemporaryDistrict.folder("calendar-2022-only")
        try FileManager.default.copyItem(atPath: Self.calendars + "/2022.yaml", toPath: folder.path + "/2022.yaml")
        #expect {
            _ = try Self.run(["CF-1,2022-03-01,甲公司,罚款,,否,否,否,否,否"], calendars: folder.path)
        } throws: { error in
            guard case .calendar(.missingYear(let year, let file)) = error as? PipelineError else { return false }
            return year == 2023 && file.hasSuffix("/2023.yaml")
        }
    }

    /// Compulsory measures and executions: 20 working days. From 2022-09-20 the National Day
    /// holiday and its two make-up days put the 20th working day on 10-21; from 12-15 it falls
    /// in the 2023 calendar, on 2023-01-13.
    @Test func enforcementDecisionsHaveTwentyWorkingDays() throws {
        let result = try TemporaryDistrict.run([.init(.enforcement, "e.csv", [
            "强制编号,决定日期,强制种类,公示日期",
            "QZ-1,2022-09-20,查封,2022-10-21", "QZ-2,2022-09-20,扣押,2022-10-24",
            "QZ-3,2022-12-15,查封,2023-01-13", "QZ-4,2022-12-15,加处罚款,",
        ])], extra: Self.calendarsLine)
        let expected: [String: FigureValue] = [
            "three_systems.enforcement_publication.decisions": .integer(4),
            "three_systems.enforcement_publication.on_time": .integer(2),
            "three_systems.enforcement_publication.late": .integer(1),
            "three_systems.enforcement_publication.unpublished": .integer(1),
            "three_systems.enforcement_publication.on_time_pct": .text("50.0"),
        ]
        for (id, value) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(result.figures[id] == value, "\(id)")
            #expect(try FigureExplainer.explain(id, in: result).get().isConsistent, "\(id)")
        }
        #expect(result.diagnostics.filter { $0.code == .publishedLate || $0.code == .notPublished }.map(\.row) == [3, 5])
    }

    /// 减轻处罚 and 涉嫌犯罪移送, the penalty table's last columns.
    @Test func mitigatedAndTransferredCases() throws {
        let result = try TemporaryDistrict.run([.init(.penalties, "p.csv", [
            "案件编号,处罚决定日期,处罚种类,是否减轻处罚,是否涉嫌犯罪移送",
            "CF-1,2022-03-01,罚款,是,否", "CF-2,2022-03-02,罚款,否,是", "CF-3,2022-03-03,罚款,√,1", "CF-4,2022-03-04,警告,,",
        ])])
        #expect(result.figures["penalties.mitigated"] == .integer(2))
        #expect(result.figures["penalties.cases"] == .integer(4))
        #expect(result.figures["penalties.transferred"] == .integer(2))
        for id in ["penalties.mitigated", "penalties.transferred"] {
            #expect(try FigureExplainer.explain(id, in: result).get().isConsistent, "\(id)")
        }
    }

    /// A decision not to penalise (处罚种类 不予处罚) is kept and counted on its own line, never
    /// as a penalty case or under any type.
    @Test func aDecisionNotToPenaliseIsNoPenaltyCase() throws {
        let result = try TemporaryDistrict.run([.init(.penalties, "p.csv", [
            "案件编号,处罚决定日期,处罚种类,罚款金额(元)",
            "CF-1,2022-03-01,罚款,100", "CF-2,2022-03-02,不予处罚,", "CF-3,2022-03-03,不予行政处罚,", "CF-4,2022-03-04,,",
        ])])
        #expect(result.figures["penalties.cases"] == .integer(1))
        #expect(result.figures["penalties.not_penalized"] == .integer(2))
        #expect(result.figures["penalties.by_type.other"] == .integer(0))
        #expect(result.figures["penalties.by_month.2022-03"] == .integer(1))
        #expect(result.figures["records.penalties.accepted"] == .integer(3))
        #expect(result.diagnostics.map(\.row) == [5])  // an empty 处罚种类 is still rejected
        for id in ["penalties.cases", "penalties.not_penalized", "penalties.by_month.2022-03"] {
            #expect(try FigureExplainer.explain(id, in: result).get().isConsistent, "\(id)")
        }
    }
}
