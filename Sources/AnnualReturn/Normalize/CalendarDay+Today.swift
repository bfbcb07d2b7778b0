import Glibc

extension CalendarDay {
    /// Today in the machine's local time zone. Used only to decide a configured `final_from`
    /// status, never for a figure or the as-of date, which stay independent of the clock.
    public static func today() -> CalendarDay? {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return nil }
        return CalendarDay(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }
}
