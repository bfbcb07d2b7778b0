import Foundation
import Testing
@testable import AnnualReturn

/// return.html: the golden page of the small district, escaping of input, no external
/// references, and the monthly chart's panels and lockdown shading.
struct HTMLRendererTests {
    @Test func smallDistrictMatchesGoldenFile() throws {
        let bytes = ReturnHTMLRenderer.render(try smallDistrictDocument())
        let difference = try goldenDifference(bytes, golden: "small/return.html")
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test func sameDocumentGivesTheSameBytes() throws {
        let document = try smallDistrictDocument()
        #expect(ReturnHTMLRenderer.render(document) == ReturnHTMLRenderer.render(document))
    }

    @Test func inputTextIsEscaped() {
        let hostile = "<script>alert(1)</script>"
        let quoted = #""&'<>"#
        var document = monthlyDocument(lockdownMonths: [3])
        document.bureau = hostile
        document.title = hostile + "年报"
        document.notes = [hostile, quoted]
        document.tables[0].title = quoted
        document.tables[0].convention = hostile
        document.tables[0].notes = [quoted]
        document.tables[0].columns[0].title = hostile
        document.tables[0].columns[0].unit = quoted
        document.tables[0].rows[0].label = quoted
        document.tables[0].rows[1].cells[0] = .text(hostile)

        let html = page(document)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains(quoted))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<th scope=\"row\">&quot;&amp;&#39;&lt;&gt;</th>"))
        #expect(html.contains("<li>&quot;&amp;&#39;&lt;&gt;</li>"))
    }

    @Test func controlCharactersAreDropped() {
        #expect(HTMLEscaping.text("甲\u{0}乙\u{1B}丙\n丁") == "甲乙丙\n丁")
    }

    /// The only URL in the page is the SVG namespace, exactly as the `xmlns` attribute of the
    /// `<svg>` element; nothing is fetched (no src, href, url(), @import, links or scripts).
    @Test func pageReferencesNothingOutside() throws {
        let html = page(try smallDistrictDocument())
        let namespace = #"<svg xmlns="http://www.w3.org/2000/svg" "#
        #expect(occurrences(of: "<svg", in: html) == 1)
        #expect(occurrences(of: namespace, in: html) == 1)
        #expect(occurrences(of: "http://", in: html) == 1)
        let rest = html.replacingOccurrences(of: namespace, with: "<svg ").lowercased()
        for reference in ["http:", "https:", "//www.", "src=", "href=", "url(", "@import", "@font-face",
                          "<link", "<script", "<img", "<iframe", "<object", "<embed", "xlink:"] {
            #expect(!rest.contains(reference), "the page contains \(reference)")
        }
    }

    @Test func pageStatesLanguageEncodingAndStatus() throws {
        let html = page(try smallDistrictDocument())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.contains("<dt>数据截至</dt><dd>2022年12月31日</dd>"))
        #expect(html.contains(">初步</span>"))
        #expect(html.contains("@page { size: A4;"))

        var final = monthlyDocument(lockdownMonths: [])
        final.isFinal = true
        #expect(page(final).contains("class=\"status status-final\""))
        #expect(page(final).contains(">正式</span>"))
    }

    @Test func cellsAreWrittenForPeople() throws {
        let html = page(try smallDistrictDocument())
        #expect(html.contains("<td>23,200.50</td>"))
        #expect(html.contains("<td>2.49</td>"))
        #expect(html.contains("<tr class=\"total total-first\">\n        <th scope=\"row\">全年合计</th>"))
        #expect(html.contains("<tr class=\"level-1\">\n        <th scope=\"row\">日常检查（家次）</th>"))
        #expect(html.contains(">停</td>"))
        #expect(html.contains(">1（停）</td>"))
        #expect(occurrences(of: "<td class=\"suspended\" title=\"停工月份", in: html) == 8)
    }

    /// The small district declares March and October.
    @Test func smallDistrictChartShadesItsLockdownMonths() throws {
        let panels = chartPanels(page(try smallDistrictDocument()))
        #expect(panels.count == 4)
        for panel in panels {
            #expect(panel.months == Array(1...12))
            #expect(panel.shaded == [3, 10])
        }
    }

    @Test(arguments: [[], [1, 12], [2, 3, 4], Array(1...12)] as [[Int]])
    func chartHasTwelveMonthsPerPanelAndShadesExactlyTheLockdownMonths(_ lockdown: [Int]) {
        let panels = chartPanels(page(monthlyDocument(lockdownMonths: lockdown)))
        #expect(panels.map(\.series) == ["inspections", "patrols", "penalties", "enforcement"])
        for panel in panels {
            #expect(panel.months == Array(1...12))
            #expect(panel.shaded == lockdown)
        }
    }

    @Test func chartIsAccessible() throws {
        let html = page(try smallDistrictDocument())
        #expect(html.contains(#"role="img" aria-label="2022年分月情况（检查、执法巡查、行政处罚、行政强制）""#))
        #expect(html.contains("<title>2022年分月情况（检查、执法巡查、行政处罚、行政强制）</title>"))
        #expect(html.contains("<desc id=\"chart-monthly-desc\">"))
    }

    /// Each panel has its own scale: a panel's top tick depends on its own series only.
    @Test(arguments: [(0, [0, 1]), (1, [0, 1]), (4, [0, 1, 2, 3, 4]), (5, [0, 2, 4, 6]),
                      (12, [0, 5, 10, 15]), (250, [0, 100, 200, 300]), (1_000, [0, 500, 1_000])])
    func ticksAreRound(maximum: Int, ticks: [Int]) {
        #expect(MonthlyChartSVG.ticks(upTo: maximum) == ticks)
    }

    @Test func coordinatesHaveAtMostOneDecimal() {
        #expect(MonthlyChartSVG.number(12) == "12")
        #expect(MonthlyChartSVG.number(12.34) == "12.3")
        #expect(MonthlyChartSVG.number(12.96) == "13")
        #expect(MonthlyChartSVG.number(-0.5) == "-0.5")
    }

    /// Writes a page into the folder named by RETURN_HTML_PREVIEW, to look at it in a browser
    /// (`scripts/screenshot-html FOLDER PNG`): the small district's, or that of the configuration
    /// file named by RETURN_HTML_PREVIEW_CONFIG (such as data/annual-return.yaml, whose year has
    /// realistic volumes). Does nothing when RETURN_HTML_PREVIEW is not set.
    @Test func writePreviewWhenAsked() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let folder = environment["RETURN_HTML_PREVIEW"] else { return }
        let document: ReturnDocument
        if let configurationPath = environment["RETURN_HTML_PREVIEW_CONFIG"] {
            let configuration = try ConfigurationLoader.load(path: configurationPath)
            document = ReturnBuilder(result: try ReportPipeline.run(configuration)).build()
        } else {
            document = try smallDistrictDocument()
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let bytes = ReturnHTMLRenderer.render(document)
        try Data(bytes).write(to: URL(fileURLWithPath: folder).appendingPathComponent("return.html"))
    }
}

// MARK: Helpers

private func smallDistrictDocument() throws -> ReturnDocument {
    ReturnBuilder(result: try runSmallFixture()).build()
}

private func page(_ document: ReturnDocument) -> String {
    String(decoding: ReturnHTMLRenderer.render(document), as: UTF8.self)
}

private func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

/// A return with only the monthly table, shaped as ReturnBuilder makes it: series of very
/// different sizes, lockdown cells suspended, a total row and an average row.
private func monthlyDocument(lockdownMonths: [Int]) -> ReturnDocument {
    let year = 2023
    var rows: [ReturnRow] = (1...12).map { month in
        let values = [240 + month, month % 5, 10 + month, month % 3]
        let isLockdown = lockdownMonths.contains(month)
        return ReturnRow(id: YearMonth(year: year, month: month)!.description,
                         label: "\(month)月" + (isLockdown ? "（停）" : ""),
                         cells: values.map { isLockdown ? .suspended($0) : .count($0) })
    }
    rows.append(ReturnRow(id: "total", label: "全年合计", cells: [.count(3_000), .count(24), .count(198), .count(12)]))
    rows.append(ReturnRow(id: "monthly_average", label: "月均（正常月份）", cells: Array(repeating: .text("1.0"), count: 4)))
    let table = ReturnTable(
        id: "monthly", title: "表7 分月情况", convention: "每月数字为该月实际发生的记录数。",
        columns: [ReturnColumn(id: "inspections", title: "检查", unit: "家次"),
                  ReturnColumn(id: "patrols", title: "执法巡查", unit: "次"),
                  ReturnColumn(id: "penalties", title: "行政处罚", unit: "件"),
                  ReturnColumn(id: "enforcement", title: "行政强制", unit: "件")],
        rows: rows)
    return ReturnDocument(
        title: "某区应急管理局\(year)年度行政执法统计年报", bureau: "某区应急管理局", year: year,
        asOf: CalendarDay(year: year, month: 12, day: 31), isFinal: false,
        lockdownMonths: lockdownMonths.map { YearMonth(year: year, month: $0)! },
        tables: [table], notes: ["数据截至：\(year)年12月31日。"])
}

/// One panel of the chart as drawn: its series, its month groups in order, and which of them
/// carry a lockdown band.
private struct ChartPanel {
    var series: String
    var months: [Int]
    var shaded: [Int]
}

private func chartPanels(_ html: String) -> [ChartPanel] {
    guard let start = html.range(of: "<svg"), let end = html.range(of: "</svg>") else { return [] }
    let svg = String(html[start.lowerBound..<end.upperBound])
    return svg.components(separatedBy: "<g class=\"panel\" data-series=\"").dropFirst().map { panel in
        let series = String(panel.prefix { $0 != "\"" })
        var months: [Int] = [], shaded: [Int] = []
        for group in panel.components(separatedBy: "<g class=\"month\" data-month=\"").dropFirst() {
            guard let month = Int(group.prefix { $0 != "\"" }) else { continue }
            months.append(month)
            let body = group.components(separatedBy: "</g>")[0]
            if body.contains("class=\"lockdown-band\"") { shaded.append(month) }
        }
        return ChartPanel(series: series, months: months, shaded: shaded)
    }
}
