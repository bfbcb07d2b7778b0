import Glibc

/// `return.xlsx`: the return as a workbook the legal-affairs section opens in Excel or WPS and
/// prints. One sheet per table of the return, in order (numbers as numbers, money in yuan with
/// two decimals, lockdown months marked), a native chart on the monthly sheet, and a last sheet
/// 数据问题 with the per-file reconciliation and every data problem, as rejects.csv lists them.
///
/// Every string that came from input is escaped with `TextEscaping.spreadsheetCell` and written
/// as a string cell; the workbook holds no formulas. The same document and result always give
/// the same bytes: the only time libxlsxwriter records is the document's creation time, which
/// is fixed to the as-of date (00:00 UTC), or 1 January of the year when there is none.
public enum ReturnXLSXRenderer {
    /// The workbook's bytes.
    ///
    /// libxlsxwriter can only write to a file, so the workbook goes to a private temporary file
    /// (under `TMPDIR`, else `/tmp`) that is read back and deleted. Throws `OutputError` (naming
    /// `return.xlsx`) when the temporary file cannot be made or read, or the library fails.
    public static func render(_ document: ReturnDocument, result: RunResult) throws(OutputError) -> [UInt8] {
        try render(document, result: result, recordingCells: false).bytes
    }

    /// The workbook's bytes, and every cell written to it in order: the seam tests use to see
    /// what the sheets hold without unzipping the file.
    static func renderRecordingCells(_ document: ReturnDocument, result: RunResult)
        throws(OutputError) -> (bytes: [UInt8], cells: [XLSXWorkbook.WrittenCell]) {
        try render(document, result: result, recordingCells: true)
    }

    private static func render(_ document: ReturnDocument, result: RunResult, recordingCells: Bool)
        throws(OutputError) -> (bytes: [UInt8], cells: [XLSXWorkbook.WrittenCell]) {
        let folder = temporaryFolder()
        let path = try makeTemporaryFile(in: folder)
        defer { unlink(path) }
        let cells: [XLSXWorkbook.WrittenCell]
        do throws(XLSXWorkbookError) {
            let workbook = try XLSXWorkbook(path: path, temporaryFolder: folder, recordsCells: recordingCells)
            try fill(workbook, document: document, result: result)
            cells = workbook.writtenCells
            try workbook.close()
        } catch {
            throw OutputError(outputName, reason: error.description)
        }
        return (try readFile(path), cells)
    }

    /// The name errors are reported under.
    static let outputName = "return.xlsx"

    /// The name of the data-problems sheet.
    static let problemsSheetName = "数据问题"

    // MARK: Workbook

    /// Adds every sheet and the document properties to `workbook`.
    static func fill(_ workbook: XLSXWorkbook, document: ReturnDocument, result: RunResult) throws(XLSXWorkbookError) {
        try workbook.setProperties(properties(document))
        var usedNames: Set<String> = []
        for table in document.tables {
            let name = uniqueSheetName(XLSXWorkbook.safeSheetName(table.title), avoiding: &usedNames)
            try addTableSheet(table, named: name, document: document, to: workbook)
        }
        let name = uniqueSheetName(problemsSheetName, avoiding: &usedNames)
        try addProblemsSheet(named: name, document: document, result: result, to: workbook)
    }

    /// Title, subject, bureau as author and company, as-of date and status; created at the
    /// as-of date 00:00 UTC, or 1 January of the year without one: derived from the document,
    /// never from the clock, so reruns give identical bytes.
    static func properties(_ document: ReturnDocument) -> XLSXDocumentProperties {
        let day = document.asOf ?? CalendarDay(year: document.year, month: 1, day: 1)
        let asOf = document.asOf?.description ?? "无记录"
        return XLSXDocumentProperties(
            title: document.title,
            subject: "行政执法统计年报",
            author: document.bureau,
            company: document.bureau,
            category: "行政执法统计",
            keywords: "行政执法统计年报 \(document.year)",
            comments: "数据截至：\(asOf)；数据状态：\(document.statusLabel)",
            status: document.statusLabel,
            created: (day?.daysSinceUnixEpoch ?? 0) * 86_400)
    }

    /// `name`, or `name` with a number added when a sheet already has it (Excel compares sheet
    /// names case-insensitively).
    static func uniqueSheetName(_ name: String, avoiding used: inout Set<String>) -> String {
        var candidate = name
        var number = 2
        while used.contains(candidate.lowercased()) {
            let suffix = "(\(number))"
            candidate = XLSXWorkbook.safeSheetName(
                String(name.prefix(XLSXWorkbook.sheetNameLimit - suffix.count)) + suffix)
            number += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    // MARK: Table sheets

    /// One table: document and table titles, the return's particulars, the counting convention,
    /// the header row, the rows, then the table's and the document's notes; frozen under the
    /// header row and set up to print on A4, one page wide.
    static func addTableSheet(_ table: ReturnTable, named name: String, document: ReturnDocument,
                              to workbook: XLSXWorkbook) throws(XLSXWorkbookError) {
        let sheet = try workbook.addSheet(named: name)
        let widths = columnWidths(table)
        for (column, width) in widths.enumerated() {
            try workbook.setColumnWidth(width, sheet: sheet, column: column)
        }
        let span = 0...table.columns.count
        let spanWidth = widths.reduce(0, +)
        var row = 0

        try writeWrapped(document.title, sheet: sheet, row: row, columns: span, width: spanWidth,
                         style: Style.documentTitle, in: workbook)
        row += 1
        try writeWrapped(table.title, sheet: sheet, row: row, columns: span, width: spanWidth,
                         style: Style.tableTitle, in: workbook)
        row += 1
        try writeWrapped(particulars(document), sheet: sheet, row: row, columns: span, width: spanWidth,
                         style: Style.particulars, in: workbook)
        row += 1
        if let convention = table.convention {
            try writeWrapped("统计口径：\(convention)", sheet: sheet, row: row, columns: span, width: spanWidth,
                             style: Style.note, in: workbook)
            row += 1
        }

        let headerRow = row
        try workbook.write("项目", sheet: sheet, row: headerRow, column: 0, style: Style.header)
        for (index, column) in table.columns.enumerated() {
            try workbook.write(heading(column), sheet: sheet, row: headerRow, column: index + 1, style: Style.header)
        }
        try workbook.setRowHeight(20, sheet: sheet, row: headerRow)
        row += 1

        var monthRows: [Int] = []
        var suspendedPoints: [Int] = []
        for tableRow in table.rows {
            try workbook.write(table.displayLabel(of: tableRow), sheet: sheet, row: row, column: 0, style: Style.label(level: tableRow.level))
            for (index, cell) in tableRow.cells.enumerated() {
                try writeCell(cell, of: tableRow, sheet: sheet, row: row, column: index + 1, in: workbook)
            }
            if let month = YearMonth(parsing: tableRow.id), month.year == document.year {
                if tableRow.cells.contains(where: { if case .suspended = $0 { return true } else { return false } }) {
                    suspendedPoints.append(monthRows.count)
                }
                monthRows.append(row)
            }
            row += 1
        }
        try workbook.freezePanes(sheet: sheet, row: headerRow + 1, column: 0)

        row += 1
        for note in table.notes {
            try writeWrapped("注：\(note)", sheet: sheet, row: row, columns: span, width: spanWidth,
                             style: Style.note, in: workbook)
            row += 1
        }
        try workbook.merge("说明：", sheet: sheet, rows: row...row, columns: span, style: Style.noteHeading)
        row += 1
        for (index, note) in document.notes.enumerated() {
            try writeWrapped("\(index + 1). \(note)", sheet: sheet, row: row, columns: span, width: spanWidth,
                             style: Style.note, in: workbook)
            row += 1
        }

        // The chart reads the twelve month rows only: never the total or the average.
        if table.id == monthlyTableID, monthRows.count == 12, monthRows.last! - monthRows.first! == 11 {
            row += 1
            try addMonthlyChart(table, document: document, sheet: sheet, monthRows: monthRows.first!...monthRows.last!,
                                suspendedPoints: suspendedPoints, at: row, spanWidth: spanWidth,
                                span: span, in: workbook)
        }

        try workbook.setPrintSetup(XLSXPrintSetup(
            landscape: table.columns.count > 3,
            repeatedRows: headerRow...headerRow,
            header: "&C" + XLSXWorkbook.headerFooterLiteral("\(document.title)　\(table.title)"),
            footer: pageFooter), sheet: sheet)
    }

    /// The id of the table that gets the monthly chart.
    static let monthlyTableID = "monthly"

    /// "第 &P 页 共 &N 页": page n of N, in the footer of every sheet.
    static let pageFooter = "&C第 &P 页 共 &N 页"

    /// 填报单位, year, as-of date and status on one line under the titles.
    static func particulars(_ document: ReturnDocument) -> String {
        "填报单位：\(document.bureau)　统计年度：\(document.year)年　数据截至："
            + (document.asOf.map(ReturnBuilder.chineseDate) ?? "无记录") + "　数据状态：\(document.statusLabel)"
    }

    /// A column heading with its unit: 案件数（件）; just the title when the unit is empty.
    static func heading(_ column: ReturnColumn) -> String {
        column.unit.isEmpty ? column.title : "\(column.title)（\(column.unit)）"
    }

    /// Writes one cell of the return: counts, money and rates as numbers in their formats,
    /// lockdown months marked with a fill and a note, text as text.
    static func writeCell(_ cell: ReturnCell, of tableRow: ReturnRow, sheet: XLSXWorkbook.Sheet, row: Int,
                          column: Int, in workbook: XLSXWorkbook) throws(XLSXWorkbookError) {
        switch cell {
        case .count(let value):
            try workbook.write(Double(value), sheet: sheet, row: row, column: column, style: Style.count)
        case .money(let fen):
            try workbook.write(yuan(fen.yuanString), sheet: sheet, row: row, column: column, style: Style.money)
        case .wanyuan(let fen):
            try workbook.write(yuan(fen.wanyuanString), sheet: sheet, row: row, column: column, style: Style.money)
        case .decimal(let rate):
            if let rate, let value = Double(rate) {
                try workbook.write(value, sheet: sheet, row: row, column: column, style: Style.rate)
            } else {
                try workbook.write(rate ?? "—", sheet: sheet, row: row, column: column, style: Style.centredText)
            }
        case .suspended(let value):
            if value == 0 {
                try workbook.write("停", sheet: sheet, row: row, column: column, style: Style.suspendedText)
            } else {
                try workbook.write(Double(value), sheet: sheet, row: row, column: column, style: Style.suspendedCount)
            }
            try workbook.addNote(lockdownNote(monthID: tableRow.id, count: value), sheet: sheet, row: row, column: column)
        case .text(let text):
            try workbook.write(text, sheet: sheet, row: row, column: column, style: Style.text)
        }
    }

    /// A decimal string with two decimals (from `Fen`) as the nearest Double: exact for display,
    /// with no arithmetic on the way.
    static func yuan(_ decimal: String) -> Double {
        // Fen's strings are always plain decimals (-?digits.dd), which Double's parser reads
        // correctly rounded; anything else is a bug in Fen, not a data problem.
        guard let value = Double(decimal) else { preconditionFailure("not a decimal amount: \(decimal)") }
        return value
    }

    /// The note on a lockdown-month cell.
    static func lockdownNote(monthID: String, count: Int) -> String {
        let month = YearMonth(parsing: monthID).map { "\($0.year)年\($0.month)月" } ?? "本月"
        let happened = count == 0 ? "本月无此类记录，显示为“停”" : "本月仍有 \(count) 条记录，照常统计"
        return "停工月份：\(month)为疫情防控停工月份，执法巡查暂停；\(happened)，并在数据问题报告中列出以供核查。"
    }

    /// The monthly chart, with a line above it saying which columns are lockdown months.
    static func addMonthlyChart(_ table: ReturnTable, document: ReturnDocument, sheet: XLSXWorkbook.Sheet,
                                monthRows: ClosedRange<Int>, suspendedPoints: [Int], at row: Int,
                                spanWidth: Double, span: ClosedRange<Int>,
                                in workbook: XLSXWorkbook) throws(XLSXWorkbookError) {
        let names = table.columns.map(\.title).joined(separator: "、")
        var caption = "图：\(table.title)中\(names)的逐月数字（不含全年合计和月均）。"
        if !suspendedPoints.isEmpty {
            let months = suspendedPoints.map { "\($0 + 1)月" }.joined(separator: "、")
            caption += "斜线填充的柱为停工月份（\(months)），该月份执法巡查暂停，记录照常统计。"
        }
        try writeWrapped(caption, sheet: sheet, row: row, columns: span, width: spanWidth, style: Style.note, in: workbook)
        var units: [String] = []
        for column in table.columns where !column.unit.isEmpty && !units.contains(column.unit) { units.append(column.unit) }
        let chart = XLSXColumnChart(
            title: "\(document.year)年分月执法情况",
            categoryAxisTitle: "月份",
            valueAxisTitle: units.isEmpty ? "数量" : "数量（\(units.joined(separator: "、"))）",
            rows: monthRows,
            categoryColumn: 0,
            series: table.columns.enumerated().map { index, column in
                XLSXColumnChart.Series(name: column.title, column: index + 1,
                                       color: Style.seriesColors[index % Style.seriesColors.count])
            },
            hatchedPoints: suspendedPoints,
            anchorRow: row + 1, anchorColumn: 0, scale: 1.5)
        try workbook.insertColumnChart(chart, sheet: sheet)
    }

    /// Column widths that fit the labels, headings and numbers, a CJK character counting as two.
    static func columnWidths(_ table: ReturnTable) -> [Double] {
        var labelWidth = displayWidth("项目")
        for row in table.rows {
            // An indent level takes about two character widths.
            labelWidth = max(labelWidth, displayWidth(TextEscaping.spreadsheetCell(table.displayLabel(of: row))) + 2 * row.level)
        }
        var widths = [Double(min(max(labelWidth + 2, 24), 60))]
        for (index, column) in table.columns.enumerated() {
            var width = displayWidth(heading(column))
            for row in table.rows where index < row.cells.count {
                width = max(width, displayWidth(ReturnMarkdownRenderer.cellText(row.cells[index])))
            }
            widths.append(Double(min(max(width + 3, 10), 40)))
        }
        // A one- or two-column table would squeeze its notes into a tall narrow strip: the
        // label column takes up the slack.
        let total = widths.reduce(0, +)
        if total < minimumTableWidth { widths[0] += minimumTableWidth - total }
        return widths
    }

    /// The narrowest a table sheet is laid out, in character units (two thirds of a portrait A4
    /// page at full size).
    static let minimumTableWidth = 64.0

    // MARK: Data problems sheet

    /// The reconciliation of every input file, then every diagnostic, duplicate and conflict
    /// in the order and with the columns of rejects.csv, under a frozen header with filters.
    static func addProblemsSheet(named name: String, document: ReturnDocument, result: RunResult,
                                 to workbook: XLSXWorkbook) throws(XLSXWorkbookError) {
        // Written row by row, each row given to the library whole: it then keeps neither the
        // cells nor a shared string for each of a long list's messages (a tenth of the run's
        // workbook time at 10 MB, and the memory of a 100,000-row sheet).
        let sheet = try workbook.addSheet(named: name, writtenInRowOrder: true)
        let accountHeader = ["文件 file", "数据集 dataset", "编码 encoding", "字节 bytes", "SHA-256 sha256",
                             "读取 read", "接受 accepted", "拒绝 rejected", "重复 duplicates", "其中冲突 conflicts",
                             "核对 reconciles"]
        let problemHeader = RejectsCSVRenderer.header
        // The rows the sheet lists: the first of the list, read once and held (at most
        // `maximumProblemRows`); the rest are counted in a note.
        var problems: [ProblemListing.Row] = []
        ProblemListing.forEach(result) { row in
            problems.append(row)
            return problems.count < maximumProblemRows
        }
        let unlisted = ProblemListing.count(result) - problems.count
        let span = 0...(max(accountHeader.count, problemHeader.count) - 1)

        // Widths from both lists: the same columns serve the reconciliation and the problems.
        var widths = Array(repeating: 8, count: span.count)
        let widest = 68  // what a column is laid out at, at most, less its margin
        func widen(_ column: Int, _ text: String) {
            // No text is wider than it has UTF-8 bytes, and no column wider than `widest`: most
            // cells of a long list need no measuring.
            guard widths[column] < widest, text.utf8.count > widths[column] else { return }
            widths[column] = max(widths[column], displayWidth(text))
        }
        for (column, title) in accountHeader.enumerated() { widen(column, title) }
        for (column, title) in problemHeader.enumerated() { widen(column, title) }
        for account in result.accounts {
            for (column, text) in accountTexts(account).enumerated() { widen(column, text) }
        }
        for problem in problems {
            for (column, text) in problem.texts.enumerated() { widen(column, text) }
        }
        let columnWidths = widths.map { Double(min($0 + 2, widest + 2)) }
        for (column, width) in columnWidths.enumerated() {
            try workbook.setColumnWidth(width, sheet: sheet, column: column)
        }
        // Notes above the lists wrap within the first columns, not the whole (wide) span.
        let noteSpan = 0...min(span.upperBound, 7)
        let noteWidth = columnWidths[noteSpan].reduce(0, +)

        var row = 0
        try writeWrapped("数据问题：\(document.bureau) \(document.year)年", sheet: sheet, row: row, columns: noteSpan,
                         width: noteWidth, style: Style.documentTitle.aligned(.left), in: workbook)
        row += 1
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        let summary = "数据截至：\(result.asOf?.description ?? "无记录")（\(document.statusLabel)）；"
            + "被拒绝的行：\(result.rejectedRows)；错误 \(errors) 条，警告 \(warnings) 条；"
            + "重复记录 \(result.duplicates.count) 条；内容冲突（以较新导出为准）\(result.conflicts.count) 条。"
        try writeWrapped(summary, sheet: sheet, row: row, columns: noteSpan, width: noteWidth,
                         style: Style.particulars, in: workbook)
        row += 2

        try workbook.merge("文件核对（每个文件：读取 = 接受 + 拒绝 + 重复；表头、空行和汇总行不是记录）", sheet: sheet,
                           rows: row...row, columns: noteSpan, style: Style.noteHeading)
        row += 1
        for (column, title) in accountHeader.enumerated() {
            try workbook.write(title, sheet: sheet, row: row, column: column, style: Style.header)
        }
        row += 1
        for account in result.accounts {
            try workbook.write(account.file, sheet: sheet, row: row, column: 0, style: Style.text)
            try workbook.write(account.dataset.title, sheet: sheet, row: row, column: 1, style: Style.text)
            try workbook.write(account.encoding.rawValue, sheet: sheet, row: row, column: 2, style: Style.text)
            try workbook.write(Double(account.bytes), sheet: sheet, row: row, column: 3, style: Style.groupedCount)
            try workbook.write(account.sha256, sheet: sheet, row: row, column: 4, style: Style.text)
            let counts = [account.read, account.accepted, account.rejected, account.duplicates, account.conflicts]
            for (offset, count) in counts.enumerated() {
                try workbook.write(Double(count), sheet: sheet, row: row, column: 5 + offset, style: Style.count)
            }
            try workbook.write(account.reconciles ? "✓" : "✗", sheet: sheet, row: row, column: 10,
                               style: Style.centredText)
            row += 1
        }
        row += 1

        try workbook.merge("问题清单（错误：行被拒绝；警告：行保留但需核查；重复记录只计一次；内容冲突以较新导出为准）",
                           sheet: sheet, rows: row...row, columns: noteSpan, style: Style.noteHeading)
        row += 1
        let headerRow = row
        for (column, title) in problemHeader.enumerated() {
            try workbook.write(title, sheet: sheet, row: row, column: column, style: Style.header)
        }
        // Filters over the header and the rows below it (the note on unlisted problems too),
        // set before those rows: the sheet is written row by row.
        let lastListedRow = headerRow + problems.count + (unlisted > 0 ? 1 : 0)
        try workbook.autofilter(sheet: sheet, rows: headerRow...lastListedRow, columns: 0...(problemHeader.count - 1))
        row += 1
        // A sheet holds at most 1,048,576 rows; a file of millions of broken rows must not stop
        // the return from being published. rejects.csv and data-report.md keep every problem.
        let styles = try ProblemStyles(workbook)
        for problem in problems {
            try writeProblem(problem, sheet: sheet, row: row, styles: styles, in: workbook)
            row += 1
        }
        if unlisted > 0 {
            try workbook.write("另有 \(unlisted) 条未列出，完整清单见 rejects.csv 和 data-report.md",
                               sheet: sheet, row: row, column: 0, style: Style.text)
            row += 1
        }
        if problems.isEmpty {
            try workbook.write("无", sheet: sheet, row: row, column: 0, style: Style.text)
        }
        // Frozen under the problem list's header, unless so many files sit above it that the
        // frozen part would fill a screen; the filters still work then.
        if headerRow <= maximumFrozenRows {
            try workbook.freezePanes(sheet: sheet, row: headerRow + 1, column: 0)
        }
        try workbook.setPrintSetup(XLSXPrintSetup(
            landscape: true, repeatedRows: headerRow...headerRow,
            header: "&C" + XLSXWorkbook.headerFooterLiteral("\(document.title)　数据问题"),
            footer: pageFooter), sheet: sheet)
    }

    /// The most problems listed on the data-problems sheet; the rest are counted in a note.
    static let maximumProblemRows = 100_000

    /// The most rows frozen above the problem list's first row.
    static let maximumFrozenRows = 20

    /// The looks of a problem row, prepared once for the whole list.
    struct ProblemStyles {
        let text: XLSXWorkbook.PreparedStyle
        let count: XLSXWorkbook.PreparedStyle
        let errorText: XLSXWorkbook.PreparedStyle

        init(_ workbook: XLSXWorkbook) throws(XLSXWorkbookError) {
            text = try workbook.prepare(Style.text)
            count = try workbook.prepare(Style.count)
            errorText = try workbook.prepare(Style.errorText)
        }
    }

    static func writeProblem(_ problem: ProblemListing.Row, sheet: XLSXWorkbook.Sheet, row: Int,
                             styles: ProblemStyles, in workbook: XLSXWorkbook) throws(XLSXWorkbookError) {
        try workbook.write(problem.file, sheet: sheet, row: row, column: 0, style: styles.text)
        try workbook.write(Double(problem.row), sheet: sheet, row: row, column: 1, style: styles.count)
        try workbook.write(Double(problem.line), sheet: sheet, row: row, column: 2, style: styles.count)
        try workbook.write(Double(problem.column), sheet: sheet, row: row, column: 3, style: styles.count)
        try workbook.write(problem.field, sheet: sheet, row: row, column: 4, style: styles.text)
        try workbook.write(problem.severity, sheet: sheet, row: row, column: 5,
                           style: problem.severity == "error" ? styles.errorText : styles.text)
        try workbook.write(problem.code, sheet: sheet, row: row, column: 6, style: styles.text)
        try workbook.write(problem.message, sheet: sheet, row: row, column: 7, style: styles.text)
        try workbook.write(problem.raw, sheet: sheet, row: row, column: 8, style: styles.text)
    }

    /// The reconciliation row's cells as text, for measuring column widths.
    static func accountTexts(_ account: FileAccount) -> [String] {
        [account.file, account.dataset.title, account.encoding.rawValue, NumberText.count(account.bytes), account.sha256,
         String(account.read), String(account.accepted), String(account.rejected), String(account.duplicates),
         String(account.conflicts), "✓"]
    }

    // MARK: Text layout

    /// Writes `text` merged across `columns` (`width` character units in all) with wrapping, and
    /// makes the row tall enough for the lines it will take in the style's font size: Excel does
    /// not grow merged rows by itself.
    static func writeWrapped(_ text: String, sheet: XLSXWorkbook.Sheet, row: Int, columns: ClosedRange<Int>,
                             width: Double, style: XLSXCellStyle, in workbook: XLSXWorkbook) throws(XLSXWorkbookError) {
        var wrapping = style
        wrapping.wrapsText = true
        try workbook.merge(text, sheet: sheet, rows: row...row, columns: columns, style: wrapping)
        // Column widths are in units of the 11-point default font; a larger font fits fewer.
        let lines = lineCount(text, width: width * 11 / style.fontSize)
        try workbook.setRowHeight(Double(lines) * style.fontSize * lineSpacing + 4, sheet: sheet, row: row)
    }

    /// A line's height as a multiple of the font size (宋体 needs a little more than 1.3).
    static let lineSpacing = 1.4

    /// How many lines `text` takes in a cell `width` characters wide (a rough measure: a CJK
    /// character is two widths, and a line holds a little less than the full width).
    static func lineCount(_ text: String, width: Double) -> Int {
        let usable = max(width - 2, 4)
        return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { lines, part in
            lines + max(1, Int((Double(displayWidth(String(part))) / usable).rounded(.up)))
        }
    }

    /// The width of `text` in Excel's character units: two for a CJK (wide or full-width)
    /// character, one for anything else.
    static func displayWidth(_ text: String) -> Int {
        // Over the UTF-8 bytes: every scalar below U+0800 (one or two bytes) is narrow, so only
        // three- and four-byte ones are decoded. The problems sheet measures every cell.
        let bytes = text.utf8
        var width = 0
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let lead = bytes[index]
            let length = lead < 0xE0 ? (lead < 0xC0 ? 1 : 2) : (lead < 0xF0 ? 3 : 4)
            var scalar = 0 as UInt32
            if length >= 3 {
                scalar = UInt32(lead) & (length == 3 ? 0x0F : 0x07)
                for _ in 1..<length {
                    index = bytes.index(after: index)
                    scalar = scalar << 6 | UInt32(bytes[index] & 0x3F)
                }
            } else if length == 2 {
                index = bytes.index(after: index)
            }
            index = bytes.index(after: index)
            width += length >= 3 && isWide(Unicode.Scalar(scalar) ?? " ") ? 2 : 1
        }
        return width
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x2014, 0x2026, 0x201C, 0x201D, 0x20000...0x3FFFD:
            // Dashes, ellipses and curly quotes print full width in Chinese fonts.
            return true
        default:
            return false
        }
    }

    // MARK: Files

    /// `TMPDIR` when set and absolute, else /tmp.
    static func temporaryFolder() -> String {
        if let value = getenv("TMPDIR").map({ String(cString: $0) }), value.hasPrefix("/") {
            return value.count > 1 && value.hasSuffix("/") ? String(value.dropLast()) : value
        }
        return "/tmp"
    }

    /// A new empty file only this process can read, named to be recognisable if left behind.
    static func makeTemporaryFile(in folder: String) throws(OutputError) -> String {
        var template = Array("\(folder)/.annual-return-XXXXXX.xlsx".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 5) }
        guard descriptor >= 0 else { throw OutputError(outputName, errno: errno) }
        Glibc.close(descriptor)
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// The whole content of the file at `path`.
    static func readFile(_ path: String) throws(OutputError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError(outputName, errno: errno) }
        defer { Glibc.close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw OutputError(outputName, errno: errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    // MARK: Styles

    /// The looks of the workbook's cells.
    enum Style {
        static let documentTitle = XLSXCellStyle(fontSize: 14, bold: true, wrapsText: true, alignment: .center)
        static let tableTitle = XLSXCellStyle(fontSize: 12, bold: true, wrapsText: true, alignment: .center)
        static let particulars = XLSXCellStyle(fontSize: 10, wrapsText: true, alignment: .left)
        static let note = XLSXCellStyle(fontSize: 10, wrapsText: true, alignment: .left, verticallyCentred: false)
        static let noteHeading = XLSXCellStyle(fontSize: 10, bold: true, alignment: .left)
        static let header = XLSXCellStyle(bold: true, fill: 0xD9E1F2, bordered: true, wrapsText: true,
                                          alignment: .center)
        static let count = XLSXCellStyle(numberFormat: "0", bordered: true)
        static let groupedCount = XLSXCellStyle(numberFormat: "#,##0", bordered: true)
        static let money = XLSXCellStyle(numberFormat: "#,##0.00", bordered: true)
        static let rate = XLSXCellStyle(numberFormat: "0.0", bordered: true)
        static let text = XLSXCellStyle(bordered: true)
        static let centredText = XLSXCellStyle(bordered: true, alignment: .center)
        static let errorText = XLSXCellStyle(fill: 0xFFC7CE, bordered: true)
        /// Lockdown months: a light orange that prints as a visible grey.
        static let lockdownFill: UInt32 = 0xFCE4D6
        static let suspendedCount = XLSXCellStyle(numberFormat: "0", fill: lockdownFill, bordered: true)
        static let suspendedText = XLSXCellStyle(fill: lockdownFill, bordered: true, alignment: .center)
        /// Blue, orange, green, gold: distinct on screen and in grey print.
        static let seriesColors: [UInt32] = [0x4472C4, 0xED7D31, 0x70AD47, 0xFFC000]

        static func label(level: Int) -> XLSXCellStyle {
            XLSXCellStyle(indent: level, bordered: true)
        }
    }
}

extension OutputError {
    /// An output that failed for a reason that is not an errno.
    init(_ path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}
