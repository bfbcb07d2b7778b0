import Foundation
import Testing
@testable import AnnualReturn

/// 行政复议和行政应诉, an optional export: cases closed in the year by outcome, 纠错 and 败诉 with
/// their rates, the head in court — counted by hand.
struct ReviewLitigationTests {
    static func run(_ rows: [String]?) throws -> RunResult {
        var files = [TemporaryDistrict.onePenalty]
        if let rows {
            files.append(.init(.disputes, "d.csv", ["案号,类型,收案日期,结案日期,结果,负责人出庭应诉,申请人或原告"] + rows))
        }
        return try TemporaryDistrict.run(files)
    }

    @Test func outcomesCorrectionsAndLossesCountedByHand() throws {
        let result = try Self.run([
            "FY-1,行政复议,2022-01-05,2022-03-01,维持,,甲公司",
            "FY-2,复议,2022-02-10,2022-04-15,撤销,,乙公司",          // corrected
            "FY-3,行政复议,2022-05-01,2022-06-20,变更,,丙公司",      // corrected
            "FY-4,行政复议,2022-06-01,2022-07-01,调解,,丁公司",      // alias of 调解和解
            "FY-5,行政复议,2021-11-01,2021-12-20,撤销,,戊公司",      // closed last year
            "SS-1,行政诉讼,2022-02-01,2022-09-30,驳回,是,己公司",
            "SS-2,行政应诉,2022-03-01,2022-10-30,判决撤销,是,庚公司", // lost
            "SS-3,行政诉讼,2022-04-01,2022-11-15,撤诉,否,辛公司",
            "SS-4,行政诉讼,2022-05-01,2022-12-01,确认违法,否,壬公司", // lost
            "SS-5,行政诉讼,2022-06-01,2022-12-20,维持,是,癸公司",     // 维持 is no outcome of a lawsuit: rejected
            "FY-6,行政复议,2022-07-01,2022-08-01,撤诉,,子公司",       // nor 撤诉 of a review: rejected
        ])
        let expected: [String: FigureValue] = [
            "administrative_review.closed": .integer(4),
            "administrative_review.by_outcome.upheld": .integer(1),
            "administrative_review.by_outcome.revoked": .integer(1),
            "administrative_review.by_outcome.changed": .integer(1),
            "administrative_review.by_outcome.mediated": .integer(1),
            "administrative_review.corrected": .integer(2),
            "administrative_review.corrected_pct": .text("50.0"),
            "litigation.closed": .integer(4),
            "litigation.by_outcome.dismissed": .integer(1),
            "litigation.by_outcome.revoked": .integer(1),
            "litigation.by_outcome.withdrawn": .integer(1),
            "litigation.by_outcome.confirmed_illegal": .integer(1),
            "litigation.lost": .integer(2),
            "litigation.lost_pct": .text("50.0"),
            "litigation.head_in_court": .integer(2),
            "records.review_litigation.rejected": .integer(2),
        ]
        for (id, value) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(result.figures[id] == value, "\(id)")
            #expect(try FigureExplainer.explain(id, in: result).get().isConsistent, "\(id)")
        }
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.message)
                == ["维持 is not an outcome of 行政诉讼", "撤诉 is not an outcome of 行政复议"])
        // Reviews and lawsuits are not the bureau's own activity: the as-of date is the penalty's.
        #expect(result.asOf == CalendarDay(year: 2022, month: 3, day: 1))
    }

    @Test func withoutTheExportTheTableSaysSo() throws {
        let result = try Self.run(nil)
        #expect(result.figures["litigation.closed"] == .integer(0))
        #expect(result.figures["litigation.lost_pct"] == .null)
        let table = try #require(ReturnBuilder(result: result).build().tables.first { $0.id == "review_litigation" })
        #expect(table.notes.contains { $0.contains("未提供行政复议和行政应诉") })
    }
}
