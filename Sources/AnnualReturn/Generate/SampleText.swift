/// Small clean text forms shared by the sample export writers.
enum SampleText {
    /// `20220305` for 2022-03-05.
    static func compactDate(_ day: CalendarDay) -> String {
        day.description.replacing("-", with: "")
    }

    /// `value` in decimal with leading zeros up to `width` digits (more digits when needed).
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
