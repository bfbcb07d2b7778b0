import Foundation
import Yams

/// China's working days: Monday to Friday, less the public holidays, plus the weekend days
/// worked instead (调休), as the State Council publishes them each year.
///
/// One data file per year (`<folder>/<year>.yaml`) holds that year's `holidays` (single days or
/// inclusive `from..to` ranges) and `workdays`. A deadline counted in working days can cross
/// into the next year, so a calendar is asked for every year it touches, and a year without
/// its file is an error that names the file — never a silent guess.
public struct WorkingDayCalendar: Sendable {
    /// The folder the year files are read from.
    public let folder: String
    private var years: [Int: YearRules] = [:]

    struct YearRules: Sendable {
        var holidays: Set<CalendarDay>
        var workdays: Set<CalendarDay>
    }

    /// Why a calendar cannot answer.
    public enum CalendarError: Error, Sendable, Equatable, CustomStringConvertible {
        /// No data file for a year that a date falls in.
        case missingYear(year: Int, file: String)
        case badFile(file: String, reason: String)

        public var description: String {
            switch self {
            case .missingYear(let year, let file):
                return "no working-day calendar for \(year): \(file) is missing; add the year's public holidays and make-up working days (调休) as the State Council published them"
            case .badFile(let file, let reason):
                return "\(file): \(reason)"
            }
        }
    }

    /// A calendar that reads its year files from `folder` as they are needed.
    public init(folder: String) {
        self.folder = folder
    }

    /// Reads the files for `years` now, so later questions about those years cannot fail.
    public mutating func load(years wanted: some Sequence<Int>) throws(CalendarError) {
        for year in wanted where years[year] == nil {
            years[year] = try Self.read(year: year, file: "\(folder)/\(year).yaml")
        }
    }

    /// The years loaded, when they are one unbroken run; nil before any, or with a gap.
    var loadedYears: ClosedRange<Int>? {
        guard let first = years.keys.min(), let last = years.keys.max(), last - first + 1 == years.count else { return nil }
        return first...last
    }

    /// True when `day` is a working day. Its year must have been loaded.
    public func isWorkingDay(_ day: CalendarDay) throws(CalendarError) -> Bool {
        guard let rules = years[day.year] else {
            throw .missingYear(year: day.year, file: "\(folder)/\(day.year).yaml")
        }
        if rules.workdays.contains(day) { return true }
        if rules.holidays.contains(day) { return false }
        return day.weekday <= 5
    }

    /// The `count`-th working day after `day` (the day itself not counted): the last day on
    /// which something due "within `count` working days of `day`" is on time.
    public func workingDay(_ count: Int, after day: CalendarDay) throws(CalendarError) -> CalendarDay {
        precondition(count >= 0, "a count of working days cannot be negative")
        var current = day
        var remaining = count
        while remaining > 0 {
            current = current.adding(days: 1)
            if try isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// True when `done` is no later than `count` working days after `start`.
    public func isWithin(_ count: Int, workingDaysOf start: CalendarDay, done: CalendarDay) throws(CalendarError) -> Bool {
        done <= (try workingDay(count, after: start))
    }

    // MARK: The year files

    static func read(year: Int, file: String) throws(CalendarError) -> YearRules {
        let text: String
        do {
            text = try FileBytes.readText(path: file)
        } catch {
            throw .missingYear(year: year, file: file)
        }
        // The tree is walked as text: Yams would turn a bare 2022-01-29 into a Date with a time
        // zone, and a calendar day must stay a calendar day. (So no tag needs resolving.)
        guard let root = (try? Yams.compose(yaml: text, .basic))?.mapping else {
            throw .badFile(file: file, reason: "not a YAML mapping with year, holidays and workdays")
        }
        func entry(_ key: String) -> Node? { root.first { $0.key.string == key }?.value }
        guard entry("year")?.string == String(year) else {
            throw .badFile(file: file, reason: "its `year` is not \(year)")
        }
        let holidays = try days(entry("holidays"), key: "holidays", year: year, file: file)
        let workdays = try days(entry("workdays"), key: "workdays", year: year, file: file)
        if let clash = holidays.intersection(workdays).min() {
            throw .badFile(file: file, reason: "\(clash) is listed both as a holiday and as a working day")
        }
        for day in workdays where day.weekday <= 5 {
            throw .badFile(file: file, reason: "\(day) is a weekday; `workdays` lists only weekend days worked instead")
        }
        return YearRules(holidays: holidays, workdays: workdays)
    }

    /// The days a list of `YYYY-MM-DD` and `YYYY-MM-DD..YYYY-MM-DD` entries names.
    private static func days(_ node: Node?, key: String, year: Int, file: String) throws(CalendarError) -> Set<CalendarDay> {
        guard let node else { return [] }
        guard let list = node.sequence else { throw .badFile(file: file, reason: "`\(key)` must be a list") }
        let entries = list.map { $0.string ?? "" }
        var result = Set<CalendarDay>()
        for text in entries {
            let parts = text.components(separatedBy: "..")
            guard (1...2).contains(parts.count), let from = CalendarDay(iso: parts[0]),
                  let to = CalendarDay(iso: parts.last!), from <= to else {
                throw .badFile(file: file, reason: "`\(key)` holds \"\(text)\", not a date or a range YYYY-MM-DD..YYYY-MM-DD")
            }
            guard from.year == year && to.year == year else {
                throw .badFile(file: file, reason: "`\(key)` holds \(text), outside \(year); put it in that year's file")
            }
            var day = from
            while day <= to {
                result.insert(day)
                day = day.adding(days: 1)
            }
        }
        return result
    }
}
