import CLibXlsxWriter
import Foundation
import TestScratch
import Testing
@testable import AnnualReturn

/// return.xlsx on the small district: identical bytes on every run, numbers written as numbers,
/// text from input never able to become a formula, and the sheets, chart and notes in place.
///
/// The workbook is a deflated zip, so cell contents are checked through the cells the renderer
/// wrote (`renderRecordingCells`); only the zip's entry names, which are stored uncompressed,
/// are checked on the bytes. scripts/check-xlsx.py checks the opened workbook against
/// return.json: set XLSX_CHECK_OUTPUT to a folder to have `exportForTheCheckScript` write one.
struct XLSXRendererTests {
    private func render(_ result: RunResult) throws -> (bytes: [UInt8], cells: [XLSXWorkbook.WrittenCell]) {
        let document = ReturnBuilder(result: result).build()
        return try ReturnXLSXRenderer.renderRecordingCells(document, result: result)
    }

    private func value(in cells: [XLSXWorkbook.WrittenCell], sheet: String, label: String,
                       column: Int = 1) -> XLSXWorkbook.CellValue? {
        guard let labelCell = cells.first(where: { $0.sheet == sheet && $0.column == 0 && $0.value == .string(label) })
        else { return nil }
        return cells.first { $0.sheet == sheet && $0.row == labelCell.row && $0.column == column }?.value
    }

    @Test func sameInputGivesIdenticalBytesAcrossAClockTick() throws {
        let result = try runSmallFixture()
        let document = ReturnBuilder(result: result).build()
        let first = try ReturnXLSXRenderer.render(document, result: result)
        // Anything stamped from the clock (zip entry times, document times) would differ now.
        Thread.sleep(forTimeInterval: 1.1)
        let second = try ReturnXLSXRenderer.render(document, result: result)
        #expect(Array(first.prefix(2)) == Array("PK".utf8))
        #expect(first == second)
    }

    @Test func creationTimeIsTheAsOfDateAtMidnightUTC() throws {
        var document = ReturnBuilder(result: try runSmallFixture()).build()
        #expect(document.asOf?.description == "2022-12-31")
        #expect(ReturnXLSXRenderer.properties(document).created == 1_672_444_800)
        document.asOf = nil
        #expect(ReturnXLSXRenderer.properties(document).created == 1_640_995_200)
    }

    @Test func aHostileBureauNameIsWrittenAsText() throws {
        var result = try runSmallFixture()
        let hostile = "=HYPERLINK(\"http://x\",\"y\")"
        result.configuration.bureau = hostile
        result.diagnostics = SpilledList(Array(result.diagnostics) + [
            Diagnostic(severity: .warning, code: DiagnosticCode("bad-date"), file: "@exports/x.csv",
                       row: 2, line: 2, column: 3, field: "+field", message: "-message", raw: "=1+1\0tail"),
        ])
        let (bytes, cells) = try render(result)
        #expect(Array(bytes.prefix(2)) == Array("PK".utf8))

        let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]
        for cell in cells {
            guard case .string(let text) = cell.value, let first = text.unicodeScalars.first else { continue }
            #expect(!triggers.contains(first), "\(cell.sheet)!R\(cell.row)C\(cell.column) starts a formula: \(text)")
        }
        let titles = cells.filter { $0.row == 0 && $0.column == 0 }.map(\.value)
        #expect(titles.first == .string("'" + hostile + "2022年度行政执法统计年报"))
        let raws = cells.compactMap { cell -> String? in
            if case .string(let text) = cell.value, text.hasPrefix("'=1+1") { return text } else { return nil }
        }
        #expect(raws == ["'=1+1\u{2400}tail"])
    }

    @Test func numbersStayNumbersInTheirUnits() throws {
        let (_, cells) = try render(try runSmallFixture())
        #expect(value(in: cells, sheet: "表1 行政检查情况", label: "检查次数（家次）") == .number(6))
        #expect(value(in: cells, sheet: "表1 行政检查情况", label: "隐患整改率（%）") == .number(77.8))
        #expect(value(in: cells, sheet: "表2 行政处罚概况", label: "罚款金额（元）") == .number(23200.5))
        #expect(value(in: cells, sheet: "表2 行政处罚概况", label: "罚没金额合计（万元）") == .number(2.49))
        #expect(value(in: cells, sheet: "表14 指定统计区间", label: "case_review（2021-11-01至2022-07-31）",
                      column: 4) == .number(21700))
        // Lockdown months: 停 where nothing happened, the real count where something did.
        #expect(value(in: cells, sheet: "表12 分月情况", label: "10月（停）") == .string("停"))
        #expect(value(in: cells, sheet: "表12 分月情况", label: "3月（停）", column: 2) == .number(1))
        #expect(value(in: cells, sheet: "表12 分月情况", label: "全年合计", column: 4) == .number(4))
    }

    @Test func sheetsFollowTheTablesThenTheDataProblems() throws {
        let result = try runSmallFixture()
        let document = ReturnBuilder(result: result).build()
        let (bytes, cells) = try render(result)
        var sheets: [String] = []
        for cell in cells where sheets.last != cell.sheet { sheets.append(cell.sheet) }
        #expect(sheets == document.tables.map(\.title) + ["数据问题"])

        // Zip entry names are stored uncompressed: the chart, its drawing and the lockdown notes.
        let text = String(decoding: bytes, as: UTF8.self)
        for entry in ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/comments1.xml",
                      "xl/worksheets/sheet\(document.tables.count + 1).xml", "docProps/core.xml"] {
            #expect(text.contains(entry), "no \(entry) in the workbook")
        }
        #expect(!text.contains("xl/charts/chart2.xml"))

        // Every problem rejects.csv lists is on the sheet (scripts/check-xlsx.py compares them field by field).
        var problems: [ProblemListing.Row] = []
        ProblemListing.forEach(result) { problems.append($0); return true }
        #expect(problems.count == result.diagnostics.count + result.duplicates.count + result.conflicts.count)
        let listed = cells.filter { $0.sheet == "数据问题" && $0.column == 6 }.map(\.value)
        for problem in problems { #expect(listed.contains(.string(problem.code))) }
    }

    @Test(arguments: [
        ("表1 行政检查情况", "表1 行政检查情况"),
        ("a[b]c:d*e?f/g\\h", "a［b］c：d＊e？f／g＼h"),
        ("'quoted'", "quoted"),
        ("", "Sheet"),
        (String(repeating: "表", count: 40), String(repeating: "表", count: 31)),
    ])
    func sheetNamesAreValid(_ title: String, _ expected: String) {
        #expect(XLSXWorkbook.safeSheetName(title) == expected)
    }

    @Test func repeatedSheetNamesAreNumbered() {
        var used: Set<String> = []
        #expect(ReturnXLSXRenderer.uniqueSheetName("数据问题", avoiding: &used) == "数据问题")
        #expect(ReturnXLSXRenderer.uniqueSheetName("数据问题", avoiding: &used) == "数据问题(2)")
        #expect(ReturnXLSXRenderer.uniqueSheetName("数据问题", avoiding: &used) == "数据问题(3)")
    }

    /// A streamed sheet (the problems list) takes its rows in order and refuses a cell of a row
    /// already passed, rather than dropping it; the workbook around it is untouched.
    @Test func aStreamedSheetTakesRowsInOrderAndRefusesEarlierOnes() throws {
        let folder = try TestScratch.folder("xlsx-stream")
        let workbook = try XLSXWorkbook(path: folder.appendingPathComponent("s.xlsx").path,
                                        temporaryFolder: folder.path)
        let table = try workbook.addSheet(named: "表")
        let list = try workbook.addSheet(named: "清单", writtenInRowOrder: true)
        let style = XLSXCellStyle()
        for row in 0..<3 { try workbook.write("行\(row)", sheet: list, row: row, column: 0, style: style) }
        #expect(throws: XLSXWorkbookError.self) { try workbook.write("迟到", sheet: list, row: 1, column: 0, style: style) }
        // The other sheet is not streamed: any order.
        try workbook.write(2.0, sheet: table, row: 5, column: 0, style: style)
        try workbook.write(1.0, sheet: table, row: 1, column: 0, style: style)
        try workbook.close()
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("s.xlsx").path))
    }

    /// A workbook is deflated at `XLSXWorkbook.deflateLevel`, not at the level libxlsxwriter
    /// asks zlib for: the same sheet closed at each gives zips of different sizes, closing at
    /// -1 is closing at zlib's default (6), and a level holds only while its workbook closes.
    @Test func workbooksAreDeflatedAtTheChosenLevel() throws {
        func bytes(closingAt level: Int32) throws -> Int {
            let folder = try TestScratch.folder("xlsx-level")
            let path = folder.appendingPathComponent("l.xlsx").path
            let workbook = try XLSXWorkbook(path: path, temporaryFolder: folder.path)
            try workbook.setProperties(XLSXDocumentProperties(title: "deflate", created: 1_640_995_200))
            let sheet = try workbook.addSheet(named: "清单", writtenInRowOrder: true)
            let style = XLSXCellStyle()
            for row in 0..<3000 {
                try workbook.write("exports/inspections.csv", sheet: sheet, row: row, column: 0, style: style)
                try workbook.write("dated 2022-03-\(row % 28 + 1) inside the lockdown month 2022-03; counted",
                                   sheet: sheet, row: row, column: 1, style: style)
                try workbook.write(Double(row), sheet: sheet, row: row, column: 2, style: style)
            }
            try workbook.close(deflateLevel: level)
            return try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        }
        let chosen = try bytes(closingAt: XLSXWorkbook.deflateLevel)
        let libraryDefault = try bytes(closingAt: -1)
        #expect(XLSXWorkbook.deflateLevel != 6)
        #expect(chosen > libraryDefault)
        #expect(try bytes(closingAt: 6) == libraryDefault)
        #expect(try bytes(closingAt: XLSXWorkbook.deflateLevel) == chosen)
    }

    /// The level XLSXWorkbook sets holds only while its workbook closes: a workbook closed by
    /// libxlsxwriter alone on the same thread afterwards is deflated at the library's own level,
    /// byte for byte as one closed before.
    @Test func theLevelIsClearedOnceTheWorkbookIsClosed() throws {
        let folder = try TestScratch.folder("xlsx-level-cleared")
        func bytesOfALibraryWorkbook(_ name: String) throws -> Int {
            let path = folder.appendingPathComponent(name).path
            let workbook = try #require(path.withCString { workbook_new($0) })
            var properties = lxw_doc_properties()
            properties.created = 1_640_995_200
            workbook_set_properties(workbook, &properties)
            let sheet = try #require(workbook_add_worksheet(workbook, nil))
            for row in 0..<3000 {
                _ = worksheet_write_string(sheet, lxw_row_t(row), 0, "dated 2022-03-\(row % 28 + 1) inside the lockdown month", nil)
            }
            #expect(workbook_close(workbook) == LXW_NO_ERROR)
            return try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        }
        let before = try bytesOfALibraryWorkbook("before.xlsx")
        let ours = try XLSXWorkbook(path: folder.appendingPathComponent("ours.xlsx").path, temporaryFolder: folder.path)
        let sheet = try ours.addSheet(named: "清单")
        try ours.write("text", sheet: sheet, row: 0, column: 0, style: XLSXCellStyle())
        try ours.close()
        #expect(try bytesOfALibraryWorkbook("after.xlsx") == before)
    }

    @Test func headerTextKeepsAmpersandsLiteral() {
        #expect(XLSXWorkbook.headerFooterLiteral("A&B局") == "A&&B局")
        #expect(XLSXWorkbook.headerFooterLiteral(String(repeating: "&", count: 300)).count <= 255 - 16)
    }

    @Test func cjkCharactersCountDouble() {
        #expect(ReturnXLSXRenderer.displayWidth("案件数（件）") == 12)
        #expect(ReturnXLSXRenderer.displayWidth("2022-Q1") == 7)
        // Read from the UTF-8 bytes, it must be the width scalar by scalar: one- to four-byte
        // characters, wide and narrow, at every position.
        let pieces = ["a", "é", "ß", "—", "…", "“", "中", "한", "ｶ", "Ａ", "￥", "\u{3000}", "𠀀", "🧯", "\u{0301}", "\u{FEFF}", "\n"]
        for first in pieces {
            for second in pieces {
                for text in [first + second, second + "x" + first, first + first + second] {
                    let scalarWidth = text.unicodeScalars.reduce(0) { $0 + (ReturnXLSXRenderer.isWide($1) ? 2 : 1) }
                    #expect(ReturnXLSXRenderer.displayWidth(text) == scalarWidth, "\(text.unicodeScalars.map(\.value))")
                }
            }
        }
    }

    /// Writes return.xlsx, return.json and rejects.csv of the small district into
    /// `$XLSX_CHECK_OUTPUT/<year>/` for `python3 scripts/check-xlsx.py $XLSX_CHECK_OUTPUT/<year>`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["XLSX_CHECK_OUTPUT"] != nil))
    func exportForTheCheckScript() throws {
        let root = try #require(ProcessInfo.processInfo.environment["XLSX_CHECK_OUTPUT"])
        let result = try runSmallFixture()
        let document = ReturnBuilder(result: result).build()
        let folder = "\(root)/\(document.year)"
        try AtomicFileWriter.write(try ReturnXLSXRenderer.render(document, result: result), to: "\(folder)/return.xlsx")
        try AtomicFileWriter.write(ReturnJSONRenderer.render(document, result: result), to: "\(folder)/return.json")
        try AtomicFileWriter.write(RejectsCSVRenderer.render(result), to: "\(folder)/rejects.csv")
    }
}
