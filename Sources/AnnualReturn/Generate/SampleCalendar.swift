/// The days the sample exports cover, and which of them the bureau worked.
///
/// The exports run from 1 November of the year before (the case-file review window starts
/// there) to 31 December of the year; the older system's penalty export was taken on 30 June.
/// Weekends see almost no activity; the lockdown months (March and October, as in 2022) see no
/// patrols and only a few inspections.
struct SampleCalendar: Sendable {
    let year: Int
    /// The first day of any export: 1 November of the year before.
    let firstDay: CalendarDay
    /// The last day of the year.
    let lastDay: CalendarDay
    /// The day the older system's penalty export was taken (30 June).
    let juneExportDay: CalendarDay
    /// The months in which the bureau did no patrols.
    let lockdownMonths: [YearMonth]
    /// 1899-12-30, day 0 of Excel's serial numbers.
    private let excelEpoch = CalendarDay(year: 1899, month: 12, day: 30)!

    init(year: Int) {
        self.year = year
        firstDay = CalendarDay(year: year - 1, month: 11, day: 1)!
        lastDay = CalendarDay(year: year, month: 12, day: 31)!
        juneExportDay = CalendarDay(year: year, month: 6, day: 30)!
        lockdownMonths = [YearMonth(year: year, month: 3)!, YearMonth(year: year, month: 10)!]
    }

    /// Every day from `firstDay` through `through`, in order.
    func days(through last: CalendarDay) -> [CalendarDay] {
        (0...firstDay.days(until: last)).map { firstDay.adding(days: $0) }
    }

    /// The position of `day` counted from `firstDay` (0-based); the index of its random stream.
    func dayIndex(_ day: CalendarDay) -> UInt64 {
        UInt64(firstDay.days(until: day))
    }

    /// Monday to Friday. Public holidays are not modelled: the figures need no such detail.
    func isWorkingDay(_ day: CalendarDay) -> Bool {
        day.weekday <= 5
    }

    /// Whether `day` is in a lockdown month.
    func isLockdown(_ day: CalendarDay) -> Bool {
        lockdownMonths.contains(day.yearMonth)
    }

    /// Excel's serial number for `day` (44625 is 2022-03-05).
    func excelSerial(_ day: CalendarDay) -> Int {
        excelEpoch.days(until: day)
    }
}
