/// The monthly series of the return (the table with id `monthly`) as an inline SVG of small
/// multiples: one bar chart per series, each with its own y-scale.
///
/// One shared axis would not do: inspections run to hundreds a month while patrols are a
/// handful, and the small series would lie flat on the baseline. Lockdown months get a light
/// grey band marked 停 in every panel, so a low bar there reads as "suspended", not as a slump.
/// Colours are dark bars on white with a light grey band, which stays readable when printed in
/// greyscale; every style is a presentation attribute, so the chart looks the same outside the
/// page's stylesheet.
struct MonthlyChartSVG {
    /// One series of the chart: a column of the monthly table.
    struct Series: Equatable {
        /// The column id (`inspections`, `patrols`, …).
        var id: String
        var title: String
        var unit: String
        /// The values of months 1...12 (index 0 is January); nil where the table has no row.
        var values: [Int?]
    }

    /// The id of the return table the chart draws.
    static let tableID = "monthly"

    var year: Int
    var series: [Series]
    /// The lockdown months of `year`, as month numbers 1...12.
    var lockdownMonths: Set<Int>

    /// Makes a chart from its parts.
    init(year: Int, series: [Series], lockdownMonths: Set<Int>) {
        self.year = year
        self.series = series
        self.lockdownMonths = lockdownMonths
    }

    /// The chart of `document`'s monthly table, or nil when the document has none.
    ///
    /// Only the month rows are drawn (their ids are `YYYY-MM` of the return's year); the total and
    /// average rows have other ids and stay out. A month is a lockdown month when the document
    /// declares it or when the table marks its cells as suspended.
    init?(document: ReturnDocument) {
        guard let table = document.tables.first(where: { $0.id == Self.tableID }), !table.columns.isEmpty else {
            return nil
        }
        var values = Array(repeating: [Int?](repeating: nil, count: 12), count: table.columns.count)
        var lockdown = Set(document.lockdownMonths.filter { $0.year == document.year }.map(\.month))
        for row in table.rows {
            guard let month = YearMonth(parsing: row.id), month.year == document.year else { continue }
            for (column, cell) in zip(values.indices, row.cells) {
                switch cell {
                case .count(let value):
                    values[column][month.month - 1] = value
                case .suspended(let value):
                    values[column][month.month - 1] = value
                    lockdown.insert(month.month)
                case .money, .wanyuan, .decimal, .text:
                    continue
                }
            }
        }
        self.init(
            year: document.year,
            series: zip(table.columns, values).map { column, values in
                Series(id: column.id, title: column.title, unit: column.unit, values: values)
            },
            lockdownMonths: lockdown)
    }

    /// The chart's title, also used as its accessible name.
    var title: String { "\(year)年分月情况（\(series.map(\.title).joined(separator: "、"))）" }

    // MARK: Layout

    /// Sizes in SVG user units (1 unit is 1 CSS pixel at the natural width).
    private enum Layout {
        static let columns = 2
        static let panelWidth = 360
        static let rowPitch = 200
        static let plotLeft = 46
        static let monthSlot = 25
        static let barWidth = 15
        static let titleBaseline = 16
        static let bandTop = 22
        static let lockdownMarkBaseline = 34
        // Room above the top tick for a full bar's value label, clear of the 停 mark.
        static let plotTop = 50
        static let plotBottom = 160
        static let monthLabelBaseline = 175
        static let legendHeight = 26
        static var plotRight: Int { plotLeft + 12 * monthSlot }
        static var plotHeight: Int { plotBottom - plotTop }
    }

    private enum Colour {
        static let bar = "#2f4b7c"
        static let band = "#000000"
        static let bandOpacity = "0.1"
        static let gridline = "#d0d0d0"
        static let axis = "#333333"
        static let text = "#222222"
        static let secondaryText = "#555555"
    }

    /// The width of the chart in SVG user units.
    var width: Int { Layout.columns * Layout.panelWidth }

    /// The height of the chart in SVG user units.
    var height: Int {
        let rows = (series.count + Layout.columns - 1) / Layout.columns
        return rows * Layout.rowPitch + Layout.legendHeight
    }

    // MARK: Rendering

    /// The `<svg>` element, indented by `indent`, one element a line, ending with a line break.
    func render(indent: String = "") -> String {
        var lines: [String] = []
        let titleText = HTMLEscaping.text(title)
        lines.append(#"<svg xmlns="http://www.w3.org/2000/svg" class="monthly-chart" viewBox="0 0 \#(width) \#(height)" width="\#(width)" height="\#(height)" role="img" aria-label="\#(titleText)" aria-describedby="chart-monthly-desc">"#)
        lines.append("  <title>\(titleText)</title>")
        lines.append("  <desc id=\"chart-monthly-desc\">\(HTMLEscaping.text(description))</desc>")
        for (index, series) in series.enumerated() {
            let x = (index % Layout.columns) * Layout.panelWidth
            let y = (index / Layout.columns) * Layout.rowPitch
            lines += panel(series, x: x, y: y).map { "  " + $0 }
        }
        lines += legend().map { "  " + $0 }
        lines.append("</svg>")
        return lines.map { indent + $0 + "\n" }.joined()
    }

    /// What the chart shows, in words, with every value: for screen readers and for anyone who
    /// cannot tell the shades apart.
    private var description: String {
        var sentences = [
            "\(Self.chineseCount(series.count))个小图依次为" + series.map(Self.heading).joined(separator: "、")
                + "的1至12月数量，各小图纵轴刻度各自独立。",
        ]
        if !lockdownMonths.isEmpty {
            sentences.append("灰色底纹并标“停”的为停工月份：\(lockdownMonthList)。")
        }
        for series in series {
            let months = series.values.enumerated().map { index, value in
                let mark = lockdownMonths.contains(index + 1) ? "（停）" : ""
                return "\(index + 1)月\(value.map(String.init) ?? "无数据")\(mark)"
            }
            sentences.append("\(series.title)：" + months.joined(separator: "，") + "。")
        }
        return sentences.joined()
    }

    /// 4 → 四: small counts in running Chinese text are written in characters.
    private static func chineseCount(_ count: Int) -> String {
        let numerals = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return numerals.indices.contains(count) ? numerals[count] : String(count)
    }

    private var lockdownMonthList: String {
        lockdownMonths.sorted().map { "\($0)月" }.joined(separator: "、")
    }

    private static func heading(_ series: Series) -> String {
        series.unit.isEmpty ? series.title : "\(series.title)（\(series.unit)）"
    }

    /// One series' panel: title, y-axis with its own ticks and unit, then one group per month.
    private func panel(_ series: Series, x: Int, y: Int) -> [String] {
        let ticks = Self.ticks(upTo: series.values.compactMap { $0 }.max() ?? 0)
        let top = ticks.last ?? 1
        var lines = [
            "<g class=\"panel\" data-series=\"\(HTMLEscaping.text(series.id))\" transform=\"translate(\(x) \(y))\">",
            "  <text class=\"panel-title\" x=\"\(Layout.plotLeft)\" y=\"\(Layout.titleBaseline)\" font-size=\"13\" font-weight=\"bold\" fill=\"\(Colour.text)\">\(HTMLEscaping.text(Self.heading(series)))</text>",
        ]
        if !series.unit.isEmpty {
            lines.append("  <text class=\"axis-unit\" x=\"\(Layout.plotLeft - 6)\" y=\"\(Layout.lockdownMarkBaseline)\" text-anchor=\"end\" font-size=\"10\" fill=\"\(Colour.secondaryText)\">\(HTMLEscaping.text(series.unit))</text>")
        }
        for tick in ticks {
            let tickY = Self.number(Double(Layout.plotBottom) - Double(tick * Layout.plotHeight) / Double(top))
            if tick > 0 {
                lines.append("  <line class=\"gridline\" x1=\"\(Layout.plotLeft)\" y1=\"\(tickY)\" x2=\"\(Layout.plotRight)\" y2=\"\(tickY)\" stroke=\"\(Colour.gridline)\" stroke-width=\"1\"/>")
            }
            lines.append("  <text class=\"tick\" x=\"\(Layout.plotLeft - 6)\" y=\"\(tickY)\" dy=\"3.5\" text-anchor=\"end\" font-size=\"10\" fill=\"\(Colour.secondaryText)\">\(NumberText.count(tick))</text>")
        }
        for month in 1...12 {
            lines += monthGroup(month, value: series.values[month - 1], top: top).map { "  " + $0 }
        }
        lines.append("  <line class=\"axis\" x1=\"\(Layout.plotLeft)\" y1=\"\(Layout.plotTop)\" x2=\"\(Layout.plotLeft)\" y2=\"\(Layout.plotBottom)\" stroke=\"\(Colour.axis)\" stroke-width=\"1\"/>")
        lines.append("  <line class=\"axis\" x1=\"\(Layout.plotLeft)\" y1=\"\(Layout.plotBottom)\" x2=\"\(Layout.plotRight)\" y2=\"\(Layout.plotBottom)\" stroke=\"\(Colour.axis)\" stroke-width=\"1\"/>")
        lines.append("</g>")
        return lines
    }

    /// One month of a panel: the lockdown band and mark when it is one, the bar, its value and
    /// the month label.
    private func monthGroup(_ month: Int, value: Int?, top: Int) -> [String] {
        let slotLeft = Layout.plotLeft + (month - 1) * Layout.monthSlot
        let centre = Self.number(Double(slotLeft) + Double(Layout.monthSlot) / 2)
        let isLockdown = lockdownMonths.contains(month)
        var lines = ["<g class=\"month\" data-month=\"\(month)\"\(isLockdown ? " data-lockdown=\"true\"" : "")>"]
        if isLockdown {
            lines.append("  <rect class=\"lockdown-band\" x=\"\(slotLeft + 1)\" y=\"\(Layout.bandTop)\" width=\"\(Layout.monthSlot - 2)\" height=\"\(Layout.plotBottom - Layout.bandTop)\" fill=\"\(Colour.band)\" fill-opacity=\"\(Colour.bandOpacity)\"/>")
            lines.append("  <text class=\"lockdown-mark\" x=\"\(centre)\" y=\"\(Layout.lockdownMarkBaseline)\" text-anchor=\"middle\" font-size=\"11\" fill=\"\(Colour.text)\">停</text>")
        }
        if let value, value > 0 {
            let barHeight = Double(value * Layout.plotHeight) / Double(top)
            let barTop = Double(Layout.plotBottom) - barHeight
            lines.append("  <rect class=\"bar\" x=\"\(slotLeft + (Layout.monthSlot - Layout.barWidth) / 2)\" y=\"\(Self.number(barTop))\" width=\"\(Layout.barWidth)\" height=\"\(Self.number(barHeight))\" fill=\"\(Colour.bar)\"/>")
            lines.append("  <text class=\"value\" x=\"\(centre)\" y=\"\(Self.number(barTop - 3))\" text-anchor=\"middle\" font-size=\"9\" fill=\"\(Colour.text)\">\(NumberText.count(value))</text>")
        }
        lines.append("  <text class=\"month-label\" x=\"\(centre)\" y=\"\(Layout.monthLabelBaseline)\" text-anchor=\"middle\" font-size=\"10\" fill=\"\(Colour.secondaryText)\">\(month)月</text>")
        lines.append("</g>")
        return lines
    }

    /// The line under the panels: what the band means, and that the scales differ.
    private func legend() -> [String] {
        let baseline = height - 8
        var lines = ["<g class=\"legend\">"]
        var textX = Layout.plotLeft
        var words = "各小图纵轴刻度各自独立，比较时请看刻度。"
        if !lockdownMonths.isEmpty {
            lines.append("  <rect x=\"\(Layout.plotLeft)\" y=\"\(baseline - 12)\" width=\"18\" height=\"16\" fill=\"\(Colour.band)\" fill-opacity=\"\(Colour.bandOpacity)\"/>")
            lines.append("  <text x=\"\(Layout.plotLeft + 9)\" y=\"\(baseline)\" text-anchor=\"middle\" font-size=\"11\" fill=\"\(Colour.text)\">停</text>")
            textX += 26
            words = "停工月份（\(lockdownMonthList)）：执法巡查暂停，当月发生的记录照常统计。" + words
        }
        lines.append("  <text x=\"\(textX)\" y=\"\(baseline)\" font-size=\"11\" fill=\"\(Colour.text)\">\(HTMLEscaping.text(words))</text>")
        lines.append("</g>")
        return lines
    }

    /// Round y-axis ticks from 0 to at least `maximum`: steps of 1, 2 or 5 times a power of ten,
    /// at most four steps, so every label is an integer (the series are counts).
    static func ticks(upTo maximum: Int) -> [Int] {
        guard maximum > 0 else { return [0, 1] }
        var magnitude = 1
        while true {
            for multiple in [1, 2, 5] {
                let step = multiple * magnitude
                let steps = (maximum + step - 1) / step
                if steps <= 4 { return (0...steps).map { $0 * step } }
            }
            magnitude *= 10
        }
    }

    /// A coordinate with at most one decimal, written the same way on every machine.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return sign + String(magnitude / 10) + (magnitude % 10 == 0 ? "" : ".\(magnitude % 10)")
    }
}
