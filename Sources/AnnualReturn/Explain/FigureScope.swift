/// The period a figure counts records over: the year, or a named period. A record belongs to
/// the period of its decisive date (`Aggregate.place`).
enum FigureScope {
    case year(Int)
    case period(NamedPeriod)

    func contains(_ day: CalendarDay) -> Bool {
        switch self {
        case .year(let year): return day.year == year
        case .period(let period): return period.contains(day)
        }
    }

    /// The period in Chinese, e.g. `2022 年` or `case_review（2021-11-01 至 2022-07-31）`.
    var chineseName: String {
        switch self {
        case .year(let year): return "\(year) 年"
        case .period(let period): return "\(period.name)（\(period.from) 至 \(period.to)）"
        }
    }
}
