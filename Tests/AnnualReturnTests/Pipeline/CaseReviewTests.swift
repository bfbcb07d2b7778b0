import Foundation
import Testing
@testable import AnnualReturn

/// 案卷评查 records, an optional input: files count by the day their case was closed, in the
/// year and in each named period (the review window), through the same ingest, dedupe and
/// accounts as the exports.
struct CaseReviewTests {
    static func run(_ rows: [String]?) throws -> RunResult {
        var files = [TemporaryDistrict.onePenalty]
        if let rows {
            files.append(.init(.caseReviews, "reviews.csv", ["案卷编号,案卷类型,案件编号,结案日期,发现问题数"] + rows))
        }
        return try TemporaryDistrict.run(files, extra: TemporaryDistrict.reviewWindow)
    }

    @Test func filesCountByTheDayTheirCaseClosed() throws {
        let result = try Self.run([
            "R-1,行政处罚,CF-1,2021-12-13,2",     // window only
            "R-2,处罚,CF-2,2022-02-05,1",         // year and window; short name
            "R-3,行政许可,XK-1,2022-07-31,3",     // last day of the window
            "R-4,行政许可案卷,XK-2,2022-08-01,0", // year only
            "R-5,行政检查,,2022-10-10,",          // year only; empty count is 0
            "R-6,行政处罚,CF-3,2023-01-02,4",     // neither
            "R-7,审计,CF-4,2022-03-01,1",         // unknown type: rejected
            "R-2,处罚,CF-2,2022-02-05,1",         // a duplicate
        ])
        let expected: [String: Int] = [
            "case_reviews.files": 4, "case_reviews.by_type.penalty": 1, "case_reviews.by_type.licensing": 2,
            "case_reviews.by_type.inspection": 1, "case_reviews.by_type.enforcement": 0, "case_reviews.problems": 4,
            "periods.case_review.case_reviews.files": 3, "periods.case_review.case_reviews.by_type.penalty": 2,
            "periods.case_review.case_reviews.by_type.licensing": 1, "periods.case_review.case_reviews.problems": 6,
            "records.case_reviews.read": 8, "records.case_reviews.accepted": 6, "records.case_reviews.rejected": 1,
            "records.case_reviews.duplicates": 1,
        ]
        for (id, value) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(result.figures[id] == .integer(value), "\(id)")
            #expect(try FigureExplainer.explain(id, in: result).get().isConsistent, "\(id)")
        }
        let rejected = try #require(result.diagnostics.first { $0.severity == .error })
        #expect((rejected.row, rejected.code) == (8, .unknownCategory))
        // Reviews are not enforcement: the as-of date is the penalty's, not the latest review's.
        #expect(result.asOf == CalendarDay(year: 2022, month: 3, day: 1))
    }

    @Test func aNewerRowOfTheSameFileReplacesTheOlder() throws {
        let result = try Self.run(["R-1,行政处罚,CF-1,2022-02-01,2", "R-1,行政处罚,CF-1,2022-02-01,5"])
        #expect(result.figures["case_reviews.problems"] == .integer(5))
        #expect(result.conflicts.map(\.changes) == [[FieldChange(key: "problems", old: "2", new: "5")]])
    }

    /// Without the input nothing breaks: the figures are 0 and the table says why.
    @Test func withoutReviewsTheTableSaysSo() throws {
        let result = try Self.run(nil)
        #expect(result.figures["case_reviews.files"] == .integer(0))
        #expect(result.figures["periods.case_review.case_reviews.files"] == .integer(0))
        let table = try #require(ReturnBuilder(result: result).build().tables.first { $0.id == "case_reviews" })
        #expect(table.notes.contains { $0.contains("未提供案卷评查记录") })
        #expect(table.columns.count == 2)
    }
}
