import Foundation
import Testing
@testable import AnnualReturn

/// The working-day calendars in data/calendars, against the State Council's notices.
struct WorkingDayCalendarTests {
    static var calendarsFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data/calendars").path
    }

    static func calendar() throws -> WorkingDayCalendar {
        var calendar = WorkingDayCalendar(folder: calendarsFolder)
        try calendar.load(years: 2021...2023)
        return calendar
    }

    static func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    @Test(arguments: [
        ("2022-01-29", true),   // a Saturday worked before the Spring Festival
        ("2022-01-30", true),   // and a Sunday
        ("2022-02-01", false),  // Spring Festival
        ("2022-04-02", true),   // a make-up Saturday before Qingming
        ("2022-04-04", false),  // Qingming, a Monday
        ("2022-10-07", false),  // National Day, a Friday
        ("2022-10-08", true),   // make-up Saturday after National Day
        ("2022-03-05", false),  // an ordinary Saturday
        ("2022-03-07", true),   // an ordinary Monday
        ("2021-02-20", true),   // 2021: a make-up Saturday after the Spring Festival
        ("2023-01-02", false),  // 2023: New Year's holiday, a Monday
        ("2023-06-25", true),   // 2023: a make-up Sunday after the Dragon Boat Festival
    ])
    func workingDays(date: String, isWorking: Bool) throws {
        #expect(try Self.calendar().isWorkingDay(Self.day(date)) == isWorking, "\(date)")
    }

    /// Deadlines of 7 working days across the holidays: a decision just before the Spring
    /// Festival and National Day, and one that reaches into the next year.
    @Test(arguments: [
        ("2022-01-28", 7, "2022-02-11"),  // Sat 29 and Sun 30 worked, then the festival
        ("2022-09-30", 7, "2022-10-14"),  // Sat 8 and Sun 9 October worked
        ("2022-04-01", 1, "2022-04-02"),  // the next working day is a Saturday
        ("2022-12-28", 7, "2023-01-09"),  // 2023-01-02 is a holiday
        ("2021-09-30", 20, "2021-11-03"), // other decisions: 20 working days (Fri 8 and Sat 9 October worked)
        ("2022-06-01", 0, "2022-06-01"),
    ])
    func deadlines(start: String, count: Int, deadline: String) throws {
        #expect(try Self.calendar().workingDay(count, after: Self.day(start)) == Self.day(deadline))
    }

    @Test func publishedOnTheDeadlineIsOnTimeAndTheDayAfterIsLate() throws {
        let calendar = try Self.calendar()
        #expect(try calendar.isWithin(7, workingDaysOf: Self.day("2022-01-28"), done: Self.day("2022-02-11")))
        #expect(try !calendar.isWithin(7, workingDaysOf: Self.day("2022-01-28"), done: Self.day("2022-02-14")))
    }

    @Test func aYearWithoutItsFileIsAnErrorNamingTheFile() throws {
        var calendar = WorkingDayCalendar(folder: Self.calendarsFolder)
        #expect(throws: WorkingDayCalendar.CalendarError.missingYear(year: 2019, file: "\(Self.calendarsFolder)/2019.yaml")) {
            try calendar.load(years: [2019])
        }
        try calendar.load(years: [2022])
        #expect(throws: WorkingDayCalendar.CalendarError.missingYear(year: 2023, file: "\(Self.calendarsFolder)/2023.yaml")) {
            try calendar.workingDay(7, after: Self.day("2022-12-28"))
        }
    }

    @Test func eachYearFileMatchesTheNoticesCounts() throws {
        // Days off and make-up working days per year, as the notices give them.
        for (year, holidays, workdays) in [(2021, 31, 7), (2022, 31, 7), (2023, 26, 7)] {
            let rules = try WorkingDayCalendar.read(year: year, file: "\(Self.calendarsFolder)/\(year).yaml")
            #expect(rules.holidays.count == holidays, "\(year) holidays")
            #expect(rules.workdays.count == workdays, "\(year) workdays")
        }
    }

    /// The publication rule works every deadline out once, in one pass over the loaded years:
    /// each must be the one counting a day at a time gives, up to the end of the last year,
    /// where the count runs out and there is none.
    @Test(arguments: [0, 1, 7, 20])
    func everyPrecomputedDeadlineIsTheCountedOne(workingDays: Int) throws {
        let calendar = try Self.calendar()
        let rule = PublicationRule(calendar: calendar, workingDays: workingDays, year: 2022)
        var day = Self.day("2020-12-25")
        var answered = 0
        while day <= Self.day("2024-01-05") {
            let counted = try? calendar.workingDay(workingDays, after: day)
            #expect(rule.deadline(of: day) == counted, "\(day)")
            if counted != nil { answered += 1 }
            day = day.adding(days: 1)
        }
        #expect(answered > 1_000)
    }
}
