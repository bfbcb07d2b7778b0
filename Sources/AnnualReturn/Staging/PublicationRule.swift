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

    /// Penalty decisions (and licensing decisions) are to be public within 7 working days;
    /// 国办发〔2018〕118号 and 行政处罚法 art. 48.
    static let penaltyWorkingDays = 7
    /// Other enforcement decisions (here, compulsory measures and executions) within 20.
    static let otherWorkingDays = 20

    /// The same calendar and year with another deadline.
    func with(workingDays days: Int) -> PublicationRule {
        PublicationRule(calendar: calendar, workingDays: days, year: year)
    }

    /// Whether a decision made on `decision` and published on `published` (nil: not published)
    /// was on time; nil when the calendar does not cover the decision's deadline, which happens
    /// only for decisions outside the return's year and periods (they count nowhere). A late or
    /// missing publication in the return's year is a warning on the row.
    func judge(decision: CalendarDay, published: CalendarDay?, check: inout RowCheck) -> Publication? {
        guard let deadline = try? calendar.workingDay(workingDays, after: decision) else { return nil }
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
