import Foundation
import Testing
@testable import AnnualReturn

struct CalendarDayTests {
    @Test(arguments: [
        (2022, 3, 5, true), (2020, 2, 29, true), (2000, 2, 29, true), (2022, 12, 31, true),
        (1, 1, 1, true), (9999, 12, 31, true),
        (2022, 2, 29, false), (1900, 2, 29, false), (2022, 2, 30, false), (2022, 4, 31, false),
        (2022, 13, 1, false), (2022, 0, 1, false), (2022, 1, 0, false), (2022, 1, 32, false),
        (0, 1, 1, false), (10000, 1, 1, false),
    ])
    func partsMustNameARealDay(year: Int, month: Int, day: Int, exists: Bool) {
        #expect((CalendarDay(year: year, month: month, day: day) != nil) == exists)
    }

    @Test(arguments: [
        ("2022-03-05", "2022-03-05"), ("2020-02-29", "2020-02-29"), ("0001-01-01", "0001-01-01"),
        ("2022-02-29", nil), ("2022-3-5", nil), ("2022/03/05", nil), ("22-03-05", nil),
        (" 2022-03-05", nil), ("2022-03-05 ", nil), ("２０２２-03-05", nil), ("2022-0a-05", nil), ("", nil),
    ] as [(String, String?)])
    func isoFormIsExact(text: String, expected: String?) {
        #expect(CalendarDay(iso: text)?.description == expected)
    }

    @Test(arguments: [
        (44625, "2022-03-05"), (25569, "1970-01-01"), (61, "1900-03-01"), (0, "1899-12-30"),
        (43831, "2020-01-01"), (43890, "2020-02-29"), (2_958_465, "9999-12-31"),
    ])
    func excelSerialCountsFromTheEpoch(serial: Int, expected: String) {
        #expect(CalendarDay.fromExcelSerial(serial)?.description == expected)
    }

    @Test func excelSerialOutsideTheYearsIsNil() {
        #expect(CalendarDay.fromExcelSerial(2_958_466) == nil)
        #expect(CalendarDay.fromExcelSerial(-693_594) == nil)
        #expect(CalendarDay.fromExcelSerial(Int.min) == nil)
        #expect(CalendarDay.fromExcelSerial(Int.max) == nil)
    }

    @Test func daysFollowOneAnotherAcrossTwoCenturies() throws {
        // Every day from 1950 through 2150: serial, successor, ISO text and weekday agree.
        var day = try #require(CalendarDay(year: 1950, month: 1, day: 1))
        let last = try #require(CalendarDay(year: 2150, month: 12, day: 31))
        var serial = 18_264
        var weekday = 7  // 1950-01-01 was a Sunday.
        while day < last {
            let next = day.adding(days: 1)
            #expect(day < next)
            #expect(CalendarDay.fromExcelSerial(serial) == day)
            #expect(CalendarDay(iso: day.description) == day)
            #expect(day.weekday == weekday)
            #expect(day.days(until: next) == 1)
            if next.day != day.day + 1 {
                #expect(next.day == 1)
                #expect(day.day == day.yearMonth.dayCount)
            }
            day = next
            serial += 1
            weekday = weekday % 7 + 1
        }
    }

    @Test func addingDaysCrossesMonthsAndYears() throws {
        let day = try #require(CalendarDay(iso: "2022-12-31"))
        #expect(day.adding(days: 1).description == "2023-01-01")
        #expect(day.adding(days: -365).description == "2021-12-31")
        #expect(day.adding(days: 0) == day)
        #expect(try #require(CalendarDay(iso: "2020-02-28")).adding(days: 1).description == "2020-02-29")
        #expect(try #require(CalendarDay(iso: "2020-03-01")).adding(days: -1).description == "2020-02-29")
        #expect(try #require(CalendarDay(iso: "2022-03-01")).adding(days: -1).description == "2022-02-28")
    }

    @Test(arguments: [(1, 1), (3, 1), (4, 2), (6, 2), (7, 3), (9, 3), (10, 4), (12, 4)])
    func quarterGroupsThreeMonths(month: Int, quarter: Int) throws {
        #expect(try #require(CalendarDay(year: 2022, month: month, day: 1)).quarter == quarter)
    }

    @Test func yearMonthAndOrdering() throws {
        let early = try #require(CalendarDay(iso: "2021-12-31"))
        let late = try #require(CalendarDay(iso: "2022-01-01"))
        #expect(early < late)
        #expect(late.yearMonth == YearMonth(year: 2022, month: 1))
        #expect([late, early].sorted() == [early, late])
    }

    @Test func codableFormIsTheISOString() throws {
        let day = try #require(CalendarDay(iso: "2022-03-05"))
        let data = try JSONEncoder().encode([day])
        #expect(String(decoding: data, as: UTF8.self) == #"["2022-03-05"]"#)
        #expect(try JSONDecoder().decode([CalendarDay].self, from: data) == [day])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDay].self, from: Data(#"["2022-02-30"]"#.utf8))
        }
    }
}

struct YearMonthTests {
    @Test(arguments: [
        ("2022-03", "2022-03"), ("2022-12", "2022-12"), ("0001-01", "0001-01"),
        ("2022-13", nil), ("2022-00", nil), ("2022-3", nil), ("2022/03", nil), ("202203", nil),
        ("2022-03-01", nil), ("", nil), (" 2022-03", nil),
    ] as [(String, String?)])
    func parsingIsExact(text: String, expected: String?) {
        #expect(YearMonth(parsing: text)?.description == expected)
    }

    @Test func partsAreChecked() {
        #expect(YearMonth(year: 2022, month: 0) == nil)
        #expect(YearMonth(year: 2022, month: 13) == nil)
        #expect(YearMonth(year: 0, month: 1) == nil)
        #expect(YearMonth(year: 2022, month: 7)?.description == "2022-07")
    }

    @Test func monthArithmeticAndDays() throws {
        let february = try #require(YearMonth(year: 2020, month: 2))
        #expect(february.dayCount == 29)
        #expect(february.lastDay.description == "2020-02-29")
        #expect(february.firstDay.description == "2020-02-01")
        #expect(february.adding(months: 11).description == "2021-01")
        #expect(february.adding(months: -2).description == "2019-12")
        #expect(february.quarter == 1)
        #expect(try #require(YearMonth(year: 2022, month: 2)).dayCount == 28)
        #expect(try #require(YearMonth(year: 2021, month: 12)) < february.adding(months: 0).adding(months: 24))
    }

    @Test func codableFormIsTheString() throws {
        let month = try #require(YearMonth(parsing: "2022-10"))
        let data = try JSONEncoder().encode([month])
        #expect(String(decoding: data, as: UTF8.self) == #"["2022-10"]"#)
        #expect(try JSONDecoder().decode([YearMonth].self, from: data) == [month])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([YearMonth].self, from: Data(#"["2022-13"]"#.utf8))
        }
    }
}
