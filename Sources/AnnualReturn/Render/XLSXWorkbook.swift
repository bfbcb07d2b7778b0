import CDeflateLevel
import CLibXlsxWriter
import Glibc

/// Why libxlsxwriter could not build a workbook.
enum XLSXWorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The library could not start a workbook at `path` (out of memory, or a bad path).
    case cannotCreate(path: String)
    /// A sheet name the library refused (empty, too long, forbidden characters, or a repeat).
    case invalidSheetName(String)
    /// A library call failed; `message` is libxlsxwriter's own explanation of the status code.
    case library(operation: String, message: String)
    /// The workbook was used after `close()`.
    case closed

    var description: String {
        switch self {
        case .cannotCreate(let path): return "libxlsxwriter cannot create a workbook at \(path)"
        case .invalidSheetName(let name): return "libxlsxwriter refused the sheet name \"\(name)\""
        case .library(let operation, let message): return "libxlsxwriter failed in \(operation): \(message)"
        case .closed: return "the workbook was already closed"
        }
    }
}

/// How a cell looks. Each distinct style becomes one workbook format, created on first use, so
/// callers describe looks as values and never hold a libxlsxwriter format.
struct XLSXCellStyle: Hashable, Sendable {
    /// Horizontal placement of the cell's content.
    enum Alignment: Hashable, Sendable { case general, left, center, right }

    /// Chinese offices print with 宋体; Excel and WPS both have it.
    var fontName = "宋体"
    var fontSize = 11.0
    var bold = false
    /// An Excel number format such as `0` or `#,##0.00`; nil for General.
    var numberFormat: String?
    /// Indent level (each level is about three characters wide).
    var indent = 0
    /// Solid background colour as 0xRRGGBB.
    var fill: UInt32?
    /// A thin border on all four sides.
    var bordered = false
    var wrapsText = false
    var alignment = Alignment.general
    /// Vertically centred; otherwise top-aligned, which suits wrapped notes.
    var verticallyCentred = true

    /// This style with another horizontal alignment.
    func aligned(_ alignment: Alignment) -> XLSXCellStyle {
        var style = self
        style.alignment = alignment
        return style
    }
}

/// Page setup for printing one sheet.
struct XLSXPrintSetup: Sendable {
    /// Excel's paper code; 9 is A4.
    var paper: UInt8 = 9
    var landscape = false
    /// Fit the printout to this many pages across (any number of pages down); nil to not scale.
    var pagesWide: Int? = 1
    /// 0-based rows printed again at the top of every page.
    var repeatedRows: ClosedRange<Int>?
    /// Page header and footer in Excel's header syntax (`&P` page, `&N` pages, `&&` an
    /// ampersand); see `XLSXWorkbook.headerFooterLiteral` for text from elsewhere.
    var header: String?
    var footer: String?
}

/// A clustered column chart over cells of one sheet.
struct XLSXColumnChart: Sendable {
    /// One series: a column of values, its legend name and colour.
    struct Series: Sendable {
        var name: String
        /// 0-based column holding the values, over the chart's rows.
        var column: Int
        /// Fill colour as 0xRRGGBB.
        var color: UInt32
    }

    var title: String
    var categoryAxisTitle: String
    var valueAxisTitle: String
    /// 0-based rows (inclusive) holding the data points.
    var rows: ClosedRange<Int>
    /// 0-based column holding the category labels.
    var categoryColumn: Int
    var series: [Series]
    /// 0-based point indexes (within `rows`) drawn hatched instead of solid, in every series.
    var hatchedPoints: [Int] = []
    /// The top-left cell the chart is anchored at (0-based).
    var anchorRow: Int
    var anchorColumn: Int
    /// Scale of the default 480 × 288 pixel chart.
    var scale = 1.0
}

/// The workbook's document properties (File → Properties in Excel and WPS).
struct XLSXDocumentProperties: Sendable {
    var title = ""
    var subject = ""
    var author = ""
    var company = ""
    var category = ""
    var keywords = ""
    var comments = ""
    var status = ""
    /// Creation time in seconds since 1970-01-01 00:00 UTC; written as both created and
    /// modified. Must not be 0, which libxlsxwriter takes to mean "now".
    var created: Int
}

/// The one owner of a libxlsxwriter workbook: creates it, hands out sheet handles, and turns
/// every failing status code into an `XLSXWorkbookError`. No libxlsxwriter pointer leaves this
/// type; callers work with `Sheet` handles, `XLSXCellStyle` values and 0-based coordinates.
///
/// Every string written to a cell goes through `TextEscaping.spreadsheetCell` here, whatever the
/// caller already did (the escaping is idempotent), and is written with
/// `worksheet_write_string`: this type has no way to write a formula at all.
///
/// Determinism: libxlsxwriter 1.1.4 stamps every zip entry with the fixed DOS date 1980-01-01
/// 00:00 and writes the core properties' created and modified times from
/// `XLSXDocumentProperties.created` (in UTC, whatever the time zone). So once `created` is set,
/// equal calls give byte-identical files; the renderer's tests check this across a clock tick.
final class XLSXWorkbook {
    /// A worksheet of this workbook.
    struct Sheet: Hashable, Sendable {
        /// Position among the workbook's sheets (0-based).
        fileprivate let index: Int
        /// The sheet name as shown on its tab.
        let name: String
    }

    /// What a cell was given, as recorded in `writtenCells`.
    enum CellValue: Equatable, Sendable {
        case string(String)
        case number(Double)
    }

    /// One write, as recorded: which cell got what (after escaping).
    struct WrittenCell: Equatable, Sendable {
        var sheet: String
        var row: Int
        var column: Int
        var value: CellValue
    }

    /// Excel's limit on a sheet name, in UTF-16 code units.
    static let sheetNameLimit = 31
    /// Excel's limit on the text of one cell, in characters.
    static let cellTextLimit = 32_767
    /// Excel's limit on a page header or footer, in characters.
    static let headerFooterLimit = 255

    /// Every cell written, in order, when the workbook was made to record them: how tests see
    /// what a workbook holds without unzipping it. A run does not record them: the problems
    /// sheet of a large run has millions of cells, which libxlsxwriter already holds once.
    private(set) var writtenCells: [WrittenCell] = []
    private let recordsCells: Bool

    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var worksheets: [UnsafeMutablePointer<lxw_worksheet>] = []
    private var sheetNames: [String] = []
    private var formats: [XLSXCellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    /// Our copy of the temporary folder's path; the library keeps a pointer to it.
    private var temporaryFolder: UnsafeMutablePointer<CChar>?
    private let path: String

    /// Starts a workbook that `close()` writes to `path`.
    ///
    /// `temporaryFolder` is where libxlsxwriter keeps its own scratch files while it assembles
    /// the zip; nil for the C library's default. `recordsCells` keeps every cell written in
    /// `writtenCells`.
    init(path: String, temporaryFolder: String? = nil, recordsCells: Bool = false) throws(XLSXWorkbookError) {
        self.path = path
        self.recordsCells = recordsCells
        self.temporaryFolder = temporaryFolder.flatMap { strdup($0) }
        var options = lxw_workbook_options()
        options.constant_memory = 0
        options.tmpdir = self.temporaryFolder
        options.use_zip64 = 0
        workbook = path.withCString { workbook_new_opt($0, &options) }
        guard workbook != nil else {
            free(self.temporaryFolder)
            self.temporaryFolder = nil
            throw .cannotCreate(path: path)
        }
    }

    deinit {
        // A workbook never closed is freed without writing anything.
        if let workbook { lxw_workbook_free(workbook) }
        free(temporaryFolder)
    }

    // MARK: Sheets

    /// Adds a worksheet named `name` after the existing ones.
    ///
    /// Throws `.invalidSheetName` for a name Excel would refuse; `safeSheetName` makes one
    /// that it accepts.
    ///
    /// A sheet `writtenInRowOrder` is streamed: each row goes to the library's temporary file
    /// as the next row begins, with its texts inline rather than shared, so nothing of it stays
    /// in memory. Its cells, merges and filters must then come in row order: one written to an
    /// earlier row is refused (an error), never silently placed.
    func addSheet(named name: String, writtenInRowOrder: Bool = false) throws(XLSXWorkbookError) -> Sheet {
        let workbook = try open()
        let status = name.withCString { workbook_validate_sheet_name(workbook, $0) }
        guard status == LXW_NO_ERROR else { throw .invalidSheetName(name) }
        // libxlsxwriter streams every sheet added while the workbook's constant_memory option is
        // on (the sheet reads it once, when added): on for this sheet only.
        workbook.pointee.options.constant_memory = writtenInRowOrder ? 1 : 0
        defer { workbook.pointee.options.constant_memory = 0 }
        guard let worksheet = name.withCString({ workbook_add_worksheet(workbook, $0) }) else {
            throw .invalidSheetName(name)
        }
        worksheets.append(worksheet)
        sheetNames.append(name)
        return Sheet(index: worksheets.count - 1, name: name)
    }

    /// `text` made into a sheet name Excel accepts: the forbidden characters `[]:*?/\` become
    /// their full-width forms, a leading or trailing apostrophe is dropped, and the name is cut
    /// to 31 UTF-16 code units. Uniqueness is the caller's business.
    static func safeSheetName(_ text: String) -> String {
        var name = ""
        for character in text {
            switch character {
            case "[": name += "［"
            case "]": name += "］"
            case ":": name += "："
            case "*": name += "＊"
            case "?": name += "？"
            case "/": name += "／"
            case "\\": name += "＼"
            case "\r", "\n", "\t": name += " "
            default: name.append(character)
            }
        }
        while name.hasPrefix("'") { name.removeFirst() }
        var cut = ""
        for character in name {
            if cut.utf16.count + character.utf16.count > sheetNameLimit { break }
            cut.append(character)
        }
        while cut.hasSuffix("'") { cut.removeLast() }
        return cut.isEmpty ? "Sheet" : cut
    }

    // MARK: Cells

    /// Writes `text` as a string cell (never a formula) at the 0-based `row` and `column`.
    ///
    /// The text is escaped with `TextEscaping.spreadsheetCell`, control characters other than
    /// tab and line breaks become their visible pictures (␀, ␁, …), and text beyond Excel's
    /// 32,767 characters is cut with an ellipsis.
    func write(_ text: String, sheet: Sheet, row: Int, column: Int, style: XLSXCellStyle) throws(XLSXWorkbookError) {
        try write(text, sheet: sheet, row: row, column: column, style: prepare(style))
    }

    /// Writes `number` as a numeric cell at the 0-based `row` and `column`.
    func write(_ number: Double, sheet: Sheet, row: Int, column: Int, style: XLSXCellStyle) throws(XLSXWorkbookError) {
        try write(number, sheet: sheet, row: row, column: column, style: prepare(style))
    }

    /// A style whose format the workbook has made: for writing many cells of a few looks (the
    /// problems sheet's rows) without hashing the style for every cell.
    struct PreparedStyle {
        fileprivate let format: UnsafeMutablePointer<lxw_format>
    }

    /// `style`'s format, made on first use.
    func prepare(_ style: XLSXCellStyle) throws(XLSXWorkbookError) -> PreparedStyle {
        try PreparedStyle(format: format(style))
    }

    /// `write(_:sheet:row:column:style:)` with a style prepared by this workbook.
    func write(_ text: String, sheet: Sheet, row: Int, column: Int, style: PreparedStyle) throws(XLSXWorkbookError) {
        let worksheet = try self.worksheet(sheet)
        let cellText = Self.cellText(text)
        let status = cellText.withCString {
            worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(column), $0, style.format)
        }
        try check(status, "worksheet_write_string")
        if recordsCells { writtenCells.append(WrittenCell(sheet: sheet.name, row: row, column: column, value: .string(cellText))) }
    }

    /// `write(_:sheet:row:column:style:)` of a number, with a style prepared by this workbook.
    func write(_ number: Double, sheet: Sheet, row: Int, column: Int, style: PreparedStyle) throws(XLSXWorkbookError) {
        let worksheet = try self.worksheet(sheet)
        try check(worksheet_write_number(worksheet, lxw_row_t(row), lxw_col_t(column), number, style.format),
                  "worksheet_write_number")
        if recordsCells { writtenCells.append(WrittenCell(sheet: sheet.name, row: row, column: column, value: .number(number))) }
    }

    /// Merges the 0-based cells `rows` × `columns` into one holding `text` (escaped as in
    /// `write(_:sheet:row:column:style:)`). A single-cell range is simply written.
    func merge(_ text: String, sheet: Sheet, rows: ClosedRange<Int>, columns: ClosedRange<Int>,
               style: XLSXCellStyle) throws(XLSXWorkbookError) {
        if rows.count == 1 && columns.count == 1 {
            try write(text, sheet: sheet, row: rows.lowerBound, column: columns.lowerBound, style: style)
            return
        }
        let worksheet = try self.worksheet(sheet)
        let format = try self.format(style)
        let cellText = Self.cellText(text)
        let status = cellText.withCString {
            worksheet_merge_range(worksheet, lxw_row_t(rows.lowerBound), lxw_col_t(columns.lowerBound),
                                  lxw_row_t(rows.upperBound), lxw_col_t(columns.upperBound), $0, format)
        }
        try check(status, "worksheet_merge_range")
        if recordsCells {
            writtenCells.append(WrittenCell(sheet: sheet.name, row: rows.lowerBound, column: columns.lowerBound,
                                            value: .string(cellText)))
        }
    }

    /// Attaches a note (Excel's comment, WPS's 批注) to the 0-based cell; shown on hover.
    func addNote(_ text: String, sheet: Sheet, row: Int, column: Int) throws(XLSXWorkbookError) {
        let worksheet = try self.worksheet(sheet)
        var options = lxw_comment_options()
        // Wider and taller than the default, so a sentence of Chinese fits without scrolling.
        options.width = 260
        options.height = 90
        let status = Self.cellText(text).withCString {
            worksheet_write_comment_opt(worksheet, lxw_row_t(row), lxw_col_t(column), $0, &options)
        }
        try check(status, "worksheet_write_comment_opt")
    }

    // MARK: Layout

    /// Sets the width of the 0-based `column`, in Excel's character units.
    func setColumnWidth(_ width: Double, sheet: Sheet, column: Int) throws(XLSXWorkbookError) {
        let worksheet = try self.worksheet(sheet)
        try check(worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil),
                  "worksheet_set_column")
    }

    /// Sets the height of the 0-based `row`, in points.
    func setRowHeight(_ height: Double, sheet: Sheet, row: Int) throws(XLSXWorkbookError) {
        let worksheet = try self.worksheet(sheet)
        try check(worksheet_set_row(worksheet, lxw_row_t(row), height, nil), "worksheet_set_row")
    }

    /// Freezes the rows above `row` and the columns left of `column` (both 0-based).
    func freezePanes(sheet: Sheet, row: Int, column: Int) throws(XLSXWorkbookError) {
        worksheet_freeze_panes(try worksheet(sheet), lxw_row_t(row), lxw_col_t(column))
    }

    /// Puts filter buttons on the header row `rows.lowerBound` over `rows` × `columns`.
    func autofilter(sheet: Sheet, rows: ClosedRange<Int>, columns: ClosedRange<Int>) throws(XLSXWorkbookError) {
        let worksheet = try self.worksheet(sheet)
        try check(worksheet_autofilter(worksheet, lxw_row_t(rows.lowerBound), lxw_col_t(columns.lowerBound),
                                       lxw_row_t(rows.upperBound), lxw_col_t(columns.upperBound)),
                  "worksheet_autofilter")
    }

    /// Applies paper, orientation, scaling, repeated rows, header and footer to `sheet`.
    func setPrintSetup(_ setup: XLSXPrintSetup, sheet: Sheet) throws(XLSXWorkbookError) {
        let worksheet = try self.worksheet(sheet)
        worksheet_set_paper(worksheet, setup.paper)
        if setup.landscape { worksheet_set_landscape(worksheet) } else { worksheet_set_portrait(worksheet) }
        if let pagesWide = setup.pagesWide {
            // 0 pages high: as many as the rows need.
            worksheet_fit_to_pages(worksheet, UInt16(pagesWide), 0)
        }
        if let rows = setup.repeatedRows {
            try check(worksheet_repeat_rows(worksheet, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)),
                      "worksheet_repeat_rows")
        }
        if let header = setup.header {
            try check(header.withCString { worksheet_set_header(worksheet, $0) }, "worksheet_set_header")
        }
        if let footer = setup.footer {
            try check(footer.withCString { worksheet_set_footer(worksheet, $0) }, "worksheet_set_footer")
        }
    }

    /// `text` as literal text inside a page header or footer: `&` starts a code there, so it is
    /// doubled; line breaks become spaces; the result is cut to leave `reserve` characters of the
    /// 255 Excel allows for the codes around it.
    static func headerFooterLiteral(_ text: String, reserve: Int = 16) -> String {
        var literal = ""
        var count = 0
        for character in text {
            let piece = character == "&" ? "&&" : (character.isNewline ? " " : String(character))
            if count + piece.count > headerFooterLimit - reserve - 1 { break }
            literal += piece
            count += piece.count
        }
        return literal
    }

    // MARK: Charts

    /// Adds a clustered column chart of cells on `sheet`, anchored on the same sheet: title,
    /// axis titles, legend at the bottom, and the `hatchedPoints` of every series drawn with a
    /// diagonal hatch in the series colour so they stand out from the solid ones.
    func insertColumnChart(_ spec: XLSXColumnChart, sheet: Sheet) throws(XLSXWorkbookError) {
        let workbook = try open()
        let worksheet = try self.worksheet(sheet)
        guard let chart = workbook_add_chart(workbook, UInt8(LXW_CHART_COLUMN.rawValue)) else {
            throw .library(operation: "workbook_add_chart", message: "out of memory")
        }
        spec.title.withCString { chart_title_set_name(chart, $0) }
        spec.categoryAxisTitle.withCString { chart_axis_set_name(chart.pointee.x_axis, $0) }
        spec.valueAxisTitle.withCString { chart_axis_set_name(chart.pointee.y_axis, $0) }
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))

        let firstRow = lxw_row_t(spec.rows.lowerBound), lastRow = lxw_row_t(spec.rows.upperBound)
        for series in spec.series {
            guard let chartSeries = chart_add_series(chart, nil, nil) else {
                throw .library(operation: "chart_add_series", message: "out of memory")
            }
            sheet.name.withCString { sheetName in
                chart_series_set_categories(chartSeries, sheetName, firstRow, lxw_col_t(spec.categoryColumn),
                                            lastRow, lxw_col_t(spec.categoryColumn))
                chart_series_set_values(chartSeries, sheetName, firstRow, lxw_col_t(series.column),
                                        lastRow, lxw_col_t(series.column))
            }
            series.name.withCString { chart_series_set_name(chartSeries, $0) }
            var fill = lxw_chart_fill()
            fill.color = series.color
            chart_series_set_fill(chartSeries, &fill)
            try setHatchedPoints(spec.hatchedPoints, of: chartSeries, color: series.color, pointCount: spec.rows.count)
        }

        var options = lxw_chart_options()
        options.x_scale = spec.scale
        options.y_scale = spec.scale
        try check(worksheet_insert_chart_opt(worksheet, lxw_row_t(spec.anchorRow), lxw_col_t(spec.anchorColumn),
                                             chart, &options),
                  "worksheet_insert_chart_opt")
    }

    /// Gives the points at `indexes` a hatched fill and border in `color`; other points keep the
    /// series' look (libxlsxwriter skips a point with no line, fill or pattern). The library
    /// copies the point formats, so the C structs only live for the call.
    private func setHatchedPoints(_ indexes: [Int], of series: UnsafeMutablePointer<lxw_chart_series>,
                                  color: UInt32, pointCount: Int) throws(XLSXWorkbookError) {
        let hatched = Set(indexes.filter { $0 >= 0 && $0 < pointCount })
        guard !hatched.isEmpty else { return }
        var pattern = lxw_chart_pattern()
        pattern.type = UInt8(LXW_CHART_PATTERN_WIDE_UPWARD_DIAGONAL.rawValue)
        pattern.fg_color = color
        pattern.bg_color = 0xFFFFFF
        var line = lxw_chart_line()
        line.color = color
        let status = withUnsafeMutablePointer(to: &pattern) { patternPointer in
            withUnsafeMutablePointer(to: &line) { linePointer in
                var plain = lxw_chart_point()
                var marked = lxw_chart_point()
                marked.pattern = patternPointer
                marked.line = linePointer
                return withUnsafeMutablePointer(to: &plain) { plainPointer in
                    withUnsafeMutablePointer(to: &marked) { markedPointer in
                        // The library wants a NULL-terminated array with one entry per point.
                        var points: [UnsafeMutablePointer<lxw_chart_point>?] = (0..<pointCount).map {
                            hatched.contains($0) ? markedPointer : plainPointer
                        }
                        points.append(nil)
                        return points.withUnsafeMutableBufferPointer { chart_series_set_points(series, $0.baseAddress) }
                    }
                }
            }
        }
        try check(status, "chart_series_set_points")
    }

    // MARK: Document

    /// Sets the document properties; see `XLSXDocumentProperties.created` for determinism.
    func setProperties(_ properties: XLSXDocumentProperties) throws(XLSXWorkbookError) {
        let workbook = try open()
        // The library copies each string, so these duplicates are freed right after the call.
        let copies = [properties.title, properties.subject, properties.author, properties.company,
                      properties.category, properties.keywords, properties.comments, properties.status]
            .map { text in text.withCString { strdup($0) } }
        defer { copies.forEach { free($0) } }
        var cProperties = lxw_doc_properties()
        cProperties.title = copies[0]
        cProperties.subject = copies[1]
        cProperties.author = copies[2]
        cProperties.company = copies[3]
        cProperties.category = copies[4]
        cProperties.keywords = copies[5]
        cProperties.comments = copies[6]
        cProperties.status = copies[7]
        // 0 would mean "now" to the library.
        cProperties.created = time_t(properties.created == 0 ? 1 : properties.created)
        try check(workbook_set_properties(workbook, &cProperties), "workbook_set_properties")
    }

    /// Writes the workbook to its path and frees the library's state; the workbook cannot be
    /// used afterwards.
    func close(deflateLevel: Int32 = XLSXWorkbook.deflateLevel) throws(XLSXWorkbookError) {
        let workbook = try open()
        // workbook_close frees the workbook whether or not writing succeeded.
        self.workbook = nil
        worksheets.removeAll()
        formats.removeAll()
        // The workbook is zipped while it closes, on this thread.
        annual_return_set_deflate_level(deflateLevel)
        defer { annual_return_set_deflate_level(-1) }
        try check(workbook_close(workbook), "workbook_close (\(path))")
    }

    /// The zlib level a workbook's parts are deflated at when it closes; -1 leaves libxlsxwriter's
    /// own choice, zlib's default (6).
    ///
    /// Deflating was a third of the time the 10 MB sample's workbook took, nearly all of it
    /// its problems sheet; at level 3 the workbook is written in 36–40 ms instead of 51–58 and
    /// is an eighth larger (230 KB instead of 204 KB), its parts still compressed about 11:1.
    /// Levels 1 and 2 were no faster here, and larger.
    static let deflateLevel: Int32 = 3

    // MARK: Internals

    private func open() throws(XLSXWorkbookError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let workbook else { throw .closed }
        return workbook
    }

    private func worksheet(_ sheet: Sheet) throws(XLSXWorkbookError) -> UnsafeMutablePointer<lxw_worksheet> {
        _ = try open()
        guard sheet.index < worksheets.count, sheetNames[sheet.index] == sheet.name else {
            throw .library(operation: "worksheet lookup", message: "no sheet \"\(sheet.name)\" in this workbook")
        }
        return worksheets[sheet.index]
    }

    /// The format for `style`, created on first use and shared afterwards (the workbook owns it).
    private func format(_ style: XLSXCellStyle) throws(XLSXWorkbookError) -> UnsafeMutablePointer<lxw_format> {
        if let format = formats[style] { return format }
        let workbook = try open()
        guard let format = workbook_add_format(workbook) else {
            throw .library(operation: "workbook_add_format", message: "out of memory")
        }
        style.fontName.withCString { format_set_font_name(format, $0) }
        format_set_font_size(format, style.fontSize)
        if style.bold { format_set_bold(format) }
        if let numberFormat = style.numberFormat { numberFormat.withCString { format_set_num_format(format, $0) } }
        if style.indent > 0 { format_set_indent(format, UInt8(min(style.indent, 15))) }
        if let fill = style.fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, fill)
        }
        if style.bordered { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if style.wrapsText { format_set_text_wrap(format) }
        switch style.alignment {
        case .general: break
        case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        format_set_align(format, UInt8((style.verticallyCentred ? LXW_ALIGN_VERTICAL_CENTER : LXW_ALIGN_VERTICAL_TOP).rawValue))
        formats[style] = format
        return format
    }

    private func check(_ status: lxw_error, _ operation: @autoclosure () -> String) throws(XLSXWorkbookError) {
        guard status != LXW_NO_ERROR else { return }
        let message = lxw_strerror(status).map { String(cString: $0) } ?? "status \(status.rawValue)"
        throw .library(operation: operation(), message: message)
    }

    /// A cell's text as written: escaped against formulas, without control characters, within
    /// Excel's limit.
    static func cellText(_ text: String) -> String {
        var cellText = TextEscaping.spreadsheetCell(text)
        // In UTF-8 a C0 control is always its own byte, so the bytes tell without decoding.
        if cellText.utf8.contains(where: { $0 < 0x20 && String.isHiddenControl(Unicode.Scalar($0)) }) {
            cellText = cellText.showingControls()
        }
        // Counting characters walks the text; no text has more of them than UTF-8 bytes.
        if cellText.utf8.count > cellTextLimit && cellText.count > cellTextLimit {
            cellText = String(cellText.prefix(cellTextLimit - 1)) + "…"
        }
        return cellText
    }
}

private extension String {
    /// A C0 control character other than tab, line feed and carriage return. A NUL would end
    /// the C string early, and XML cannot hold the others: libxlsxwriter writes them as
    /// `_x0001_` escapes, which some readers show literally and Excel turns back into invisible
    /// characters. Neither helps someone looking for the bad byte in an export.
    static func isHiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
    }

    /// Each hidden control character replaced by its Unicode picture: NUL by ␀ (U+2400), 0x01
    /// by ␁ (U+2401), and so on.
    func showingControls() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { scalar in
            String.isHiddenControl(scalar) ? Unicode.Scalar(0x2400 + scalar.value)! : scalar
        }))
    }
}
