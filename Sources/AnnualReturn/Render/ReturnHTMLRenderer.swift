/// `return.html`: the return as one self-contained page that legal-affairs staff post on the
/// government portal and print on A4.
///
/// Everything is in the file: the stylesheet is inline and the monthly chart is inline SVG, with
/// no scripts, fonts or images fetched from anywhere, so the page works on an intranet without
/// internet access. Every text that came from input is escaped. The same document always gives
/// the same bytes: nothing depends on the clock, the machine or chance.
public enum ReturnHTMLRenderer {
    /// The page for `document`, as UTF-8 bytes ending with a line break.
    public static func render(_ document: ReturnDocument) -> [UInt8] {
        var page: [String] = []
        page.append("<!DOCTYPE html>")
        page.append("<html lang=\"zh-CN\">")
        page.append("<head>")
        page.append("<meta charset=\"utf-8\">")
        page.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        page.append("<title>\(HTMLEscaping.text(document.title))</title>")
        page.append("<style>")
        page.append(stylesheet)
        page.append("</style>")
        page.append("</head>")
        page.append("<body>")
        page.append("<main class=\"return\">")
        page += header(document)
        let chart = MonthlyChartSVG(document: document)
        for table in document.tables {
            page += section(table)
            if table.id == MonthlyChartSVG.tableID, let chart {
                page += figure(chart)
            }
        }
        page += notes(document)
        page.append("</main>")
        page.append("</body>")
        page.append("</html>")
        return Array((page.joined(separator: "\n") + "\n").utf8)
    }

    // MARK: Parts of the page

    /// Title, bureau, year, as-of date, status and lockdown months.
    private static func header(_ document: ReturnDocument) -> [String] {
        let asOf = document.asOf.map(ReturnBuilder.chineseDate) ?? "无记录"
        let statusClass = document.isFinal ? "status-final" : "status-provisional"
        let statusTitle = document.isFinal ? "正式数据" : "初步数据，正式数据以年报发布为准"
        var lines = [
            "<header class=\"return-header\">",
            "  <h1>\(HTMLEscaping.text(document.title))</h1>",
            "  <dl class=\"facts\">",
            "    <div><dt>填报单位</dt><dd>\(HTMLEscaping.text(document.bureau))</dd></div>",
            "    <div><dt>统计年度</dt><dd>\(document.year)年</dd></div>",
            "    <div><dt>数据截至</dt><dd>\(asOf)</dd></div>",
            "    <div><dt>数据状态</dt><dd><span class=\"status \(statusClass)\" title=\"\(statusTitle)\">\(document.statusLabel)</span></dd></div>",
        ]
        if !document.lockdownMonths.isEmpty {
            let months = document.lockdownMonths.map { "\($0.year)年\($0.month)月" }.joined(separator: "、")
            lines.append("    <div><dt>停工月份</dt><dd>\(months)</dd></div>")
        }
        lines.append("  </dl>")
        lines.append("</header>")
        return lines
    }

    /// One table with its caption, counting convention and notes, kept together on a page.
    private static func section(_ table: ReturnTable) -> [String] {
        let id = "table-" + HTMLEscaping.identifier(table.id)
        // Tables with many columns let the value columns shrink to their content.
        let tableClass = table.columns.count > 4 ? " class=\"wide\"" : ""
        var lines = ["<section class=\"return-table\" id=\"\(id)\">", "  <table\(tableClass)>"]
        var caption = "    <caption><span class=\"caption-title\">\(HTMLEscaping.text(table.title))</span>"
        if let convention = table.convention {
            caption += "<span class=\"convention\">统计口径：\(HTMLEscaping.text(convention))</span>"
        }
        lines.append(caption + "</caption>")
        lines.append("    <thead>")
        lines.append("      <tr>")
        lines.append("        <th scope=\"col\" class=\"label\">项目</th>")
        for column in table.columns {
            let unit = column.unit.isEmpty ? "" : "<span class=\"unit\">（\(HTMLEscaping.text(column.unit))）</span>"
            lines.append("        <th scope=\"col\">\(HTMLEscaping.text(column.title))\(unit)</th>")
        }
        lines.append("      </tr>")
        lines.append("    </thead>")
        lines.append("    <tbody>")
        var previousWasTotal = false
        for row in table.rows {
            let emphasis = Emphasis(of: row)
            var classes: [String] = []
            if row.level > 0 { classes.append("level-\(min(row.level, maximumIndentLevel))") }
            switch emphasis {
            case .total:
                classes.append("total")
                // Consecutive totals (元 then 万元) get one rule above the first, not one each.
                if !previousWasTotal { classes.append("total-first") }
            case .subtotal: classes.append("subtotal")
            case .plain: break
            }
            previousWasTotal = emphasis == .total
            if row.cells.contains(where: { if case .suspended = $0 { true } else { false } }) {
                classes.append("lockdown")
            }
            let classAttribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
            lines.append("      <tr\(classAttribute)>")
            lines.append("        <th scope=\"row\">\(HTMLEscaping.text(table.displayLabel(of: row)))</th>")
            for cell in row.cells {
                lines.append("        " + dataCell(cell))
            }
            lines.append("      </tr>")
        }
        lines.append("    </tbody>")
        lines.append("  </table>")
        for note in table.notes {
            lines.append("  <p class=\"table-note\">注：\(HTMLEscaping.text(note))</p>")
        }
        lines.append("</section>")
        return lines
    }

    /// Sub-rows deeper than this are indented as this level; the return has only level 1.
    private static let maximumIndentLevel = 4

    /// How a row stands out: totals in bold under a rule, subtotals in bold.
    private enum Emphasis {
        case plain, subtotal, total

        /// Recognised by the label, with any trailing unit such as （元） ignored, so that
        /// 合计, 全年合计 and 罚没金额合计（元） are totals and 工贸行业小计 is a subtotal.
        init(of row: ReturnRow) {
            var label = Substring(row.label)
            if label.hasSuffix("）"), let open = label.lastIndex(of: "（") { label = label[..<open] }
            if label.hasSuffix("合计") || label.hasSuffix("总计") {
                self = .total
            } else if label.hasSuffix("小计") {
                self = .subtotal
            } else {
                self = .plain
            }
        }
    }

    /// A value cell: numbers as `NumberText` writes them, lockdown cells marked and explained.
    private static func dataCell(_ cell: ReturnCell) -> String {
        switch cell {
        case .count(let value):
            return "<td>\(NumberText.count(value))</td>"
        case .money(let fen):
            return "<td>\(NumberText.yuan(fen))</td>"
        case .wanyuan(let fen):
            return "<td>\(NumberText.groupThousands(fen.wanyuanString))</td>"
        case .decimal(let rate?):
            return "<td>\(HTMLEscaping.text(rate))</td>"
        case .decimal(nil):
            return "<td class=\"not-applicable\" title=\"分母为0，无法计算\">—</td>"
        case .suspended(0):
            return "<td class=\"suspended\" title=\"停工月份：执法巡查暂停，本月无记录（见说明）\">停</td>"
        case .suspended(let value):
            return "<td class=\"suspended\" title=\"停工月份：执法巡查暂停；本月发生的记录照常统计，并列入数据问题报告以供核查（见说明）\">\(NumberText.count(value))（停）</td>"
        case .text(let text):
            return "<td>\(HTMLEscaping.text(text))</td>"
        }
    }

    /// The monthly chart as a numbered figure under the monthly table.
    private static func figure(_ chart: MonthlyChartSVG) -> [String] {
        [
            "<figure class=\"chart\" id=\"chart-monthly\">",
            "  <figcaption>图1 \(HTMLEscaping.text(chart.title))</figcaption>",
            chart.render(indent: "  ") + "</figure>",
        ]
    }

    /// The document's footnotes, numbered.
    private static func notes(_ document: ReturnDocument) -> [String] {
        guard !document.notes.isEmpty else { return [] }
        var lines = ["<section class=\"notes\">", "  <h2>说明</h2>", "  <ol>"]
        for note in document.notes {
            lines.append("    <li>\(HTMLEscaping.text(note))</li>")
        }
        lines += ["  </ol>", "</section>"]
        return lines
    }

    // MARK: Stylesheet

    /// Screen: a white sheet on grey, full width on a phone. Print: A4, no sheet, tighter rows,
    /// tables and the chart kept whole where they fit, table heads repeated when one must split.
    /// Meaning never rests on colour alone: 停 is written in every lockdown cell, totals are bold,
    /// the status badge is a word.
    private static let stylesheet = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body {
      margin: 0;
      background: #eceef1;
      color: #1a1a1a;
      font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", SimSun, sans-serif;
      font-size: 15px;
      line-height: 1.6;
    }
    main.return {
      max-width: 900px;
      margin: 24px auto;
      padding: 40px 56px 48px;
      background: #fff;
      border: 1px solid #d4d8de;
    }
    .return-header {
      text-align: center;
      margin-bottom: 32px;
      padding-bottom: 16px;
      border-bottom: 3px double #a61b1b;
    }
    h1 { font-size: 26px; line-height: 1.35; margin: 0 0 14px; letter-spacing: 0.04em; }
    .facts { display: flex; flex-wrap: wrap; justify-content: center; gap: 4px 28px; margin: 0; font-size: 14px; }
    .facts div { display: flex; align-items: baseline; }
    .facts dt { color: #555; }
    .facts dt::after { content: "："; }
    .facts dd { margin: 0; }
    .status { display: inline-block; padding: 0 10px; border: 1px solid; border-radius: 3px; font-weight: bold; line-height: 1.6; }
    .status-provisional { color: #7a4b00; border-style: dashed; background: #fff6dc; }
    .status-final { color: #1d5e34; background: #e6f3ea; }
    .return-table { margin: 0 0 30px; break-inside: avoid; page-break-inside: avoid; }
    table { width: 100%; border-collapse: collapse; font-size: 14px; }
    caption { caption-side: top; text-align: left; padding-bottom: 8px; }
    .caption-title { display: block; font-size: 17px; font-weight: bold; }
    .convention { display: block; margin-top: 2px; font-size: 13px; color: #444; }
    th, td { border: 1px solid #8f99a5; padding: 4px 10px; }
    thead th { background: #edf0f4; font-weight: bold; text-align: center; vertical-align: bottom; }
    thead th.label { text-align: left; }
    .unit { font-weight: normal; color: #444; white-space: nowrap; }
    tbody th { min-width: 11em; text-align: left; font-weight: normal; }
    td { width: 8.5em; text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; font-feature-settings: "tnum"; }
    table.wide td { width: auto; }
    tr.level-1 > th { padding-left: 2.2em; }
    tr.level-2 > th { padding-left: 3.4em; }
    tr.level-3 > th { padding-left: 4.6em; }
    tr.level-4 > th { padding-left: 5.8em; }
    tr.total > th, tr.total > td, tr.subtotal > th, tr.subtotal > td { font-weight: bold; }
    tr.total-first > th, tr.total-first > td { border-top: 2px solid #333; }
    tr.total > th, tr.total > td { background: #f6f7f9; }
    tr.lockdown > th { background: #f1f1f1; }
    td.suspended { background: #e4e4e4; color: #333; cursor: help; }
    td.not-applicable { color: #666; }
    .table-note { margin: 6px 0 0; font-size: 13px; color: #444; }
    figure.chart { margin: 0 0 30px; break-inside: avoid; page-break-inside: avoid; }
    figure.chart figcaption { font-size: 17px; font-weight: bold; margin-bottom: 8px; }
    figure.chart svg { display: block; width: 100%; height: auto; max-width: 100%; }
    .notes { border-top: 1px solid #8f99a5; padding-top: 8px; font-size: 13px; color: #333; }
    .notes h2 { font-size: 15px; margin: 0 0 4px; }
    .notes ol { margin: 0; padding-left: 1.8em; }
    .notes li { margin: 2px 0; }
    @media screen and (max-width: 640px) {
      main.return { margin: 0; padding: 20px 12px 28px; border: 0; }
      h1 { font-size: 21px; }
      .return-table { overflow-x: auto; }
      tbody th { min-width: 7em; }
      td { width: auto; }
    }
    @page { size: A4; margin: 18mm 16mm 18mm 16mm; }
    @media print {
      body { background: none; font-size: 10.5pt; line-height: 1.45; }
      main.return { max-width: none; margin: 0; padding: 0; border: 0; }
      h1 { font-size: 18pt; }
      .return-header { margin-bottom: 20px; }
      .return-table, figure.chart { margin-bottom: 18px; }
      table { font-size: 10pt; }
      th, td { padding: 2px 8px; }
      .caption-title, figure.chart figcaption { font-size: 12pt; }
      .convention, .table-note, .notes { font-size: 9pt; }
      thead { display: table-header-group; }
      tr { break-inside: avoid; page-break-inside: avoid; }
      caption, figcaption, h2 { break-after: avoid; page-break-after: avoid; }
      .notes li { break-inside: avoid; }
    }
    """
}
