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

    static func run(_ rows: [String], calendars: String? = ThreeSystemsTests.calendars) throws -> RunResult {
        let folder = try StreamingDedupeTests.temporaryFolder("three-systems")
        try Data(([header] + rows).joined(separator: "\n").appending("\n").utf8)
            .write(to: folder.appendingPathComponent("p.csv"))
        let yaml = """
            bureau: 测试区应急管理局
            year: 2022
            inputs:
              penalties: [p.csv]
            output: out
            \(calendars.map { "calendars: \"\($0)\"" } ?? "")
            """
        let configuration = try ConfigurationLoader.parse(yaml: yaml, path: "c.yaml", baseFolder: folder.path)
        return try ReportPipeline.run(configuration, keepsRecords: true)
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

    /// A year the return needs without its calendar file stops the run, naming the file.
    @Test func aMissingCalendarYearNamesTheFile() throws {
        let folder = try StreamingDedupeTests.temporaryFolder("calendar-2022-only")
        try FileManager.default.copyItem(atPath: Self.calendars + "/2022.yaml", toPath: folder.path + "/2022.yaml")
        #expect {
            _ = try Self.run(["CF-1,2022-03-01,甲公司,罚款,,否,否,否,否,否"], calendars: folder.path)
        } throws: { error in
            guard case .calendar(.missingYear(let year, let file)) = error as? PipelineError else { return false }
            return year == 2023 && file.hasSuffix("/2023.yaml")
        }
    }
}
