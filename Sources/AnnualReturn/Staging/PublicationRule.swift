/// 行政执法公示: a penalty or licensing decision is to be made public within 7 working days of
/// it, other decisions within 20. Judged at staging, with the working-day calendar, so each
/// record carries whether it was on time.
struct PublicationRule: Sendable {
    /// The working-day calendar, its years loaded before any row is staged.
    let calendar: WorkingDayCalendar
    /// The working days a decision has to be made public in.
    let workingDays: Int
    /// The return's year: its late and unpublished decisions are listed as warnings.
    let year: Int
    /// The deadline of every decision day in the calendar's loaded years, worked out once:
    /// judging asks for it on every decision row, and counting up to 20 working days a day at a
    /// time was a good part of staging a penalty row.
    private let deadlines: DeadlineTable

    init(calendar: WorkingDayCalendar, workingDays: Int, year: Int) {
        self.calendar = calendar
        self.workingDays = workingDays
        self.year = year
        deadlines = DeadlineTable(calendar: calendar, workingDays: workingDays)
    }

    /// Penalty decisions (and licensing decisions) are to be public within 7 working days;
    /// 国办发〔2018〕118号 and 行政处罚法 art. 48.
    static let penaltyWorkingDays = 7
    /// Other enforcement decisions (here, compulsory measures and executions) within 20.
    static let otherWorkingDays = 20

    /// The same calendar and year with another deadline.
    func with(workingDays days: Int) -> PublicationRule {
        PublicationRule(calendar: calendar, workingDays: days, year: year)
    }

    /// The last day a decision of `day` is on time if made public: `workingDays` working days
    /// after it; nil when the calendar lacks a year the count reaches.
    func deadline(of day: CalendarDay) -> CalendarDay? { deadlines.deadline(of: day) }

    /// Whether a decision made on `decision` and published on `published` (nil: not published)
    /// was on time; nil when the calendar does not cover the decision's deadline, which happens
    /// only for decisions outside the return's year and periods (they count nowhere). A late or
    /// missing publication in the return's year is a warning on the row.
    func judge(decision: CalendarDay, published: CalendarDay?, check: inout RowCheck) -> Publication? {
        guard let deadline = deadline(of: decision) else { return nil }
        let isListed = decision.year == year
        guard let published else {
            if isListed {
                check.warning(.notPublished, .publishedDate,
                              "公示日期 is empty: the decision of \(decision) was due to be made public by \(deadline) (\(workingDays) working days)")
            }
            return .unpublished
        }
        if published < decision {
            check.warning(.publishedBeforeDecision, .publishedDate,
                          "公示日期 \(published) is before the decision date \(decision); counted as on time, check the dates")
        }
        guard published <= deadline else {
            if isListed {
                check.warning(.publishedLate, .publishedDate,
                              "made public on \(published), after the deadline \(deadline) (\(workingDays) working days after the decision of \(decision))")
            }
            return .late
        }
        return .onTime
    }
}

/// `calendar.workingDay(workingDays, after: day)` for every day of the calendar's loaded years,
/// nil where the calendar cannot answer (the deadline falls in a year it lacks).
private struct DeadlineTable: Sendable {
    private let calendar: WorkingDayCalendar
    private let workingDays: Int
    /// The day index (days since 1970-01-01) of the first day in the table.
    private let firstDay: Int
    /// Each day's deadline as a day index; `Int32.min` where the calendar cannot answer.
    private let deadlines: [Int32]

    init(calendar: WorkingDayCalendar, workingDays: Int) {
        self.calendar = calendar
        self.workingDays = workingDays
        guard let years = calendar.loadedYears,
              let first = CalendarDay(year: years.lowerBound, month: 1, day: 1),
              let last = CalendarDay(year: years.upperBound, month: 12, day: 31) else {
            firstDay = 0
            deadlines = []
            return
        }
        firstDay = first.daysSinceUnixEpoch
        let days = firstDay...last.daysSinceUnixEpoch
        // The working days in order, each day asked once (every one is in a loaded year).
        var working: [Int] = []
        for index in days {
            guard let day = CalendarDay(daysSinceUnixEpoch: index), let isWorking = try? calendar.isWorkingDay(day) else {
                deadlines = []  // cannot happen; every day then goes to the calendar
                return
            }
            if isWorking { working.append(index) }
        }
        // A day's deadline is the `workingDays`-th working day after it; a count that runs past
        // the last loaded year has none, as the calendar says. With the list in order, one pass
        // finds every day's.
        var next = 0  // the first working day after the day
        deadlines = days.map { index in
            while next < working.count && working[next] <= index { next += 1 }
            guard workingDays > 0 else { return Int32(index) }
            let due = next + workingDays - 1
            return working.indices.contains(due) ? Int32(working[due]) : Int32.min
        }
    }

    func deadline(of day: CalendarDay) -> CalendarDay? {
        let offset = day.daysSinceUnixEpoch - firstDay
        guard deadlines.indices.contains(offset) else {
            return try? calendar.workingDay(workingDays, after: day)
        }
        let deadline = deadlines[offset]
        return deadline == Int32.min ? nil : CalendarDay(daysSinceUnixEpoch: Int(deadline))
    }
}
