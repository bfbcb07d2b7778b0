import Foundation
import Glibc
import Testing
@testable import CSVIngest

/// Input nobody checked: huge fields, huge rows, runs of quotes, mixed encodings, NUL bytes and
/// files that are not CSV at all. Each case pins what the reader reports and that the rows after
/// the damage are still read. The time limits are safety nets for a loaded two-core machine, not
/// performance goals: each case takes well under a second in a debug build. Peak memory is
/// measured where it can be, on the binary: see `HostileInputEndToEndTests`.
/// The UTF-8 bytes of `text`.
private func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

struct HostileInputIngestTests {
    /// Generous: a hang or a quadratic blow-up trips it, a slow machine does not.
    static let timeLimit: Duration = .seconds(30)

    /// Reads `path` and checks the time limit and the reader's own bookkeeping.
    static func readChecked(path: String, options: CSVReadOptions = CSVReadOptions()) throws -> ReadResult {
        var outcome: ReadResult?
        let elapsed = try ContinuousClock().measure { outcome = try read(path: path, options: options) }
        #expect(elapsed < timeLimit, "reading took \(elapsed)")
        let result = try #require(outcome)
        let summary = try #require(result.summary)
        #expect(summary.records == summary.accepted + summary.rejected, "every record accepted or rejected")
        #expect(summary.accepted == result.records.count)
        #expect(summary.rejected == result.diagnostics.count)
        return result
    }

    /// Writes a file of `parts`, each repeated, straight to disk: a 64 MiB field is never held
    /// in memory by the test either.
    static func generatedFile(_ parts: [(bytes: [UInt8], times: Int)]) throws -> String {
        let path = try temporaryFile([], name: "generated.csv")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        for (bytes, times) in parts {
            // Repeat in blocks of about 1 MiB, so a 64 MiB run is 64 writes.
            let perBlock = max(1, min(times, (1 << 20) / max(1, bytes.count)))
            let block = Data([[UInt8]](repeating: bytes, count: perBlock).joined())
            var left = times
            while left >= perBlock {
                try handle.write(contentsOf: block)
                left -= perBlock
            }
            if left > 0 { try handle.write(contentsOf: Data([[UInt8]](repeating: bytes, count: left).joined())) }
        }
        return path
    }

    /// Removes the folder `temporaryFile` made for `path` (the big files should not linger).
    static func removeFolder(of path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }

    // MARK: Size

    /// A 64 MiB field, quoted or not, on one line: rejected at the cap (1 MiB by default), the
    /// rest of its line skipped, and the next row read.
    @Test(arguments: [true, false])
    func aSixtyFourMebibyteFieldIsRejectedAndLaterRowsAreRead(quoted: Bool) throws {
        let quote = quoted ? utf8("\"") : []
        let path = try Self.generatedFile([
            (utf8("id,note\n1,") + quote, 1), (utf8("x"), 64 << 20), (quote + utf8("\n2,ok\n3,also\n"), 1),
        ])
        defer { Self.removeFolder(of: path) }
        let result = try Self.readChecked(path: path)
        #expect(result.problems == ["field-too-large@2:2"])
        #expect(result.diagnostics.first?.message.contains("cap of 1048576 bytes") == true)
        // The raw text in the diagnostic is cut short, not 64 MiB long.
        #expect((result.diagnostics.first?.raw.utf8.count ?? .max) < 2048)
        #expect(result.records == [["id", "note"], ["2", "ok"], ["3", "also"]])
        #expect(result.rows == [1, 3, 4])
        #expect(result.summary?.bytes == (64 << 20) + 23 + 2 * quote.count)
    }

    /// A quoted field that spans many lines, 16 times the cap: past the cap, the lines after the
    /// opening line are read again as rows of their own, so the row after the runaway field is
    /// not lost. (A small cap keeps the thousands of rows it makes few.)
    @Test func aQuotedFieldSpanningManyLinesStopsAtTheCap() throws {
        let lines = 16 * 64 * 1024 / 24
        let path = try Self.generatedFile([
            (utf8("id,note\n1,\"start\n"), 1), (utf8("line of a runaway field\n"), lines), (utf8("\"\n2,ok\n"), 1),
        ])
        defer { Self.removeFolder(of: path) }
        let result = try Self.readChecked(path: path, options: CSVReadOptions(maxFieldBytes: 64 * 1024))
        #expect(result.problems.first == "field-too-large@2:2")
        #expect(result.diagnostics.first?.message.contains("read again as rows of their own") == true)
        // Each line of the runaway field is a one-field row (missing-cell); the closing quote
        // then opens a field that never closes, and the line after it is read again. Nothing
        // is silently dropped, and the row after the runaway text is still a row.
        #expect(result.diagnostics.count == lines + 2)
        #expect(result.diagnostics.dropFirst().dropLast().allSatisfy { $0.code == .missingCell })
        #expect(result.problems.last == "unterminated-quote@\(lines + 3):1")
        #expect(result.records == [["id", "note"], ["2", "ok"]])
        #expect(result.rows.last == lines + 4)
    }

    @Test func aRowOfAMillionColumnsIsOneExtraCellError() throws {
        let path = try Self.generatedFile([(utf8("a,b\n"), 1), (utf8("1,"), 1_000_000), (utf8("1\n2,ok\n"), 1)])
        defer { Self.removeFolder(of: path) }
        let result = try Self.readChecked(path: path)
        #expect(result.problems == ["extra-cell@2:3"])
        #expect(result.diagnostics.first?.message == "the row has 1000001 fields but the header has 2; field 3 has no column")
        #expect((result.diagnostics.first?.raw.count ?? .max) <= 201)
        #expect(result.records == [["a", "b"], ["2", "ok"]])
    }

    @Test func aHeaderOfAMillionColumnsMakesEveryShortRowAMissingCell() throws {
        let path = try Self.generatedFile([(utf8("h,"), 999_999), (utf8("h\n1,2\n"), 1)])
        defer { Self.removeFolder(of: path) }
        let result = try Self.readChecked(path: path)
        #expect(result.problems == ["missing-cell@2:3"])
        #expect(result.summary?.header?.count == 1_000_000)
    }

    /// A 100,000-character header: as one field, and as 12,500 columns.
    @Test func aHundredThousandCharacterHeaderIsRead() throws {
        let oneField = try Self.readChecked(path: try temporaryFile(
            Array(repeating: UInt8(ascii: "h"), count: 100_000) + utf8("\n1\n")))
        #expect(oneField.diagnostics == [])
        #expect(oneField.records.map(\.count) == [1, 1])
        #expect(oneField.records.first?.first?.count == 100_000)

        let names = (0..<12_500).map { String(format: "c%06d", $0) }  // 7 characters and a comma
        let manyColumns = try Self.readChecked(path: try temporaryFile(
            utf8(names.joined(separator: ",") + "\n" + Array(repeating: "1", count: 12_500).joined(separator: ",") + "\n")))
        #expect(manyColumns.diagnostics == [])
        #expect(manyColumns.summary?.header == names)
        #expect(manyColumns.records.count == 2)
    }

    // MARK: Quotes

    /// Ten million `"` on one line, an even and an odd number: the run becomes one quoted field of
    /// doubled quotes, which passes the cap; the rest of the line is skipped.
    @Test(arguments: [10_000_000, 10_000_001])
    func tenMillionQuotesOnALineAreOneFieldTooLarge(count: Int) throws {
        let path = try Self.generatedFile([(utf8("a,b\n"), 1), (utf8("\""), count), (utf8("\n1,ok\n"), 1)])
        defer { Self.removeFolder(of: path) }
        let result = try Self.readChecked(path: path)
        #expect(result.problems == ["field-too-large@2:1"])
        #expect(result.records == [["a", "b"], ["1", "ok"]])
    }

    /// Lines of nothing but quotes: each pair of lines is a record of one field, so every one is
    /// a `missing-cell`, and the file still ends with its last row read.
    @Test func linesOfQuotesAreRowsOfTheirOwn() throws {
        let path = try Self.generatedFile([(utf8("a,b\n"), 1), (utf8("\"\n"), 20_000), (utf8("1,ok\n"), 1)])
        defer { Self.removeFolder(of: path) }
        let result = try Self.readChecked(path: path)
        #expect(result.diagnostics.count == 10_000)
        #expect(result.diagnostics.allSatisfy { $0.code == .missingCell })
        #expect(result.records == [["a", "b"], ["1", "ok"]])
    }

    /// Doubled quotes, the way RFC 4180 escapes them, in every awkward combination.
    @Test(arguments: [
        ("\"\"", [], []),                                         // an empty field alone: a blank row, as in Excel
        ("\"\"\"\"", ["\""], []),                                 // one quote
        ("\"\"\"\"\"\"", ["\"\""], []),                           // two quotes
        ("\"\"\"x\"\"\"", ["\"x\""], []),                         // a quoted word
        ("\"a\"\"\"\"b\"", ["a\"\"b"], []),
        ("\"\"\"\"\"", [], ["unterminated-quote@2:1"]),           // five: the opening quote never closes
        ("\"\"\"\"\"\"x", [], ["stray-quote@2:1"]),               // text after the closing quote
        ("x\"\"\"\"", [], ["stray-quote@2:1"]),                   // quotes in an unquoted field
    ] as [(String, [String], [String])])
    func doubledQuotes(field: String, expected: [String], problems: [String]) throws {
        let result = try Self.readChecked(path: try temporaryFile(utf8("a\n\(field)\n")))
        #expect(result.problems == problems)
        #expect(Array(result.records.dropFirst()) == (expected.isEmpty ? [] : [expected]))
    }

    @Test func fiveMillionDoubledQuotesInAFieldAreOneFieldTooLarge() throws {
        let path = try Self.generatedFile([(utf8("a,b\n1,\""), 1), (utf8("\"\""), 5_000_000), (utf8("\"\n2,ok\n"), 1)])
        defer { Self.removeFolder(of: path) }
        let result = try Self.readChecked(path: path)
        #expect(result.problems == ["field-too-large@2:2"])
        #expect(result.records == [["a", "b"], ["2", "ok"]])
    }

    // MARK: Bytes

    /// UTF-8 rows, a GB18030 row and a row with a byte valid in neither: the file is wholly
    /// neither encoding, so it is read as UTF-8 and only the rows holding bad bytes are rejected.
    @Test func invalidUTF8AndGB18030InOneFileRejectOnlyTheirRows() throws {
        let gb18030Name: [UInt8] = [0xD5, 0xC5, 0xC8, 0xFD]  // 张三
        let bytes = utf8("编号,名称\n1,华东化工\n2,") + gb18030Name + utf8("\n3,李四\n4,bad") + [0xFF]
            + utf8("byte\n5,") + [0xE4, 0xB8] + utf8("\n6,王五\n")
        let result = try Self.readChecked(path: try temporaryFile(bytes))
        #expect(result.summary?.encoding == .invalid)
        #expect(result.problems == ["invalid-encoding@3:2", "invalid-encoding@5:2", "invalid-encoding@6:2"])
        #expect(result.diagnostics.map(\.raw) == ["2,\\xD5\\xC5\\xC8\\xFD", "4,bad\\xFFbyte", "5,\\xE4\\xB8"])
        #expect(result.diagnostics.allSatisfy { $0.field == "名称" && $0.message.contains("not valid UTF-8") })
        #expect(result.records == [["编号", "名称"], ["1", "华东化工"], ["3", "李四"], ["6", "王五"]])
    }

    /// A UTF-8 export cut off inside its last character (a copy that stopped half way). Its
    /// Chinese text has an even number of bytes between commas, so the bytes also pair up as
    /// GB18030 and the whole file would "decode" as GB18030, every row mojibake. A file whose
    /// only UTF-8 flaw is a character cut by the end of the file stays UTF-8, and only its last
    /// row is rejected.
    @Test func aUTF8ExportCutInsideItsLastCharacterStaysUTF8() throws {
        let bytes = Array(utf8("action_id,kind\nQZ-1,查封\nQZ-2,扣押\nQZ-3,查").dropLast())
        let result = try Self.readChecked(path: try temporaryFile(bytes))
        #expect(result.summary?.encoding == .utf8)
        #expect(result.problems == ["invalid-encoding@4:2"])
        #expect(result.records == [["action_id", "kind"], ["QZ-1", "查封"], ["QZ-2", "扣押"]])
    }

    /// NUL bytes in a field, a line of them, a mebibyte of them and one in the header.
    @Test func nulBytesRejectTheirRowsOnly() throws {
        let bytes = utf8("a,b\n1,x") + [0] + utf8("y\n") + [0, 0, 0] + utf8("\n2,ok\n")
            + [UInt8](repeating: 0, count: 1 << 20) + utf8("\n3,ok\n")
        let result = try Self.readChecked(path: try temporaryFile(bytes))
        #expect(result.problems == ["nul-byte@2:2", "nul-byte@3:1", "nul-byte@5:1"])
        #expect(result.diagnostics.first?.message == "the field holds a NUL byte at byte 2")
        #expect(result.diagnostics.map(\.raw).allSatisfy { $0.count <= 201 })
        #expect(result.records == [["a", "b"], ["2", "ok"], ["3", "ok"]])

        let inHeader = try Self.readChecked(path: try temporaryFile(utf8("a,b") + [0] + utf8("\n1,2\n")))
        #expect(inHeader.problems == ["nul-byte@1:2"])
        #expect(inHeader.summary?.header == nil)
    }

    // MARK: Not CSV at all

    /// The start of an .xlsx written by Excel: a zip whose first part is [Content_Types].xml,
    /// with the workbook's part names soon after.
    static let xlsxStart: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]
        + [UInt8](repeating: 0, count: 16) + [0x13, 0x00, 0x00, 0x00] + utf8("[Content_Types].xml")
        + [0x9D, 0x93, 0xCB, 0x6E, 0xC2, 0x30, 0x10] + utf8("PK\u{03}\u{04}") + [UInt8](repeating: 0, count: 22)
        + utf8("xl/workbook.xml") + [0xAD, 0x92, 0xCF]

    static let notCSVCases: [(String, [UInt8], NonCSVFormat)] = [
        ("xlsx", xlsxStart, .xlsx),
        ("docx", Array(xlsxStart.prefix(49)) + utf8("word/document.xml"), .docx),
        ("ods", utf8("PK\u{03}\u{04}") + [UInt8](repeating: 0, count: 26) + utf8("mimetypeapplication/vnd.oasis.opendocument.spreadsheet"), .ods),
        ("other zip", utf8("PK\u{03}\u{04}") + [UInt8](repeating: 0, count: 26) + utf8("data/inspections.csv"), .zip),
        ("xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00], .xls),
        ("pdf", utf8("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj\n"), .pdf),
        ("gzip", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00], .gzip),
        ("7z", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0x00, 0x04], .sevenZip),
        ("rar", utf8("Rar!\u{1A}\u{07}\u{01}\u{00}"), .rar),
        ("png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], .png),
        ("jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], .jpeg),
        ("gif", utf8("GIF89a\u{01}\u{00}"), .gif),
        ("UTF-16 little-endian", [0xFF, 0xFE] + Array("编号\t名称\r\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
         .utf16(bigEndian: false)),
        ("UTF-16 big-endian", [0xFE, 0xFF, 0x7F, 0x16, 0x53, 0xF7], .utf16(bigEndian: true)),
        ("HTML export", utf8("\u{FEFF}\r\n<!DOCTYPE html><html><body><table><tr><td>编号</td></tr></table>"), .html),
        ("bare HTML table", utf8("<TABLE border=1><TR><TD>编号</TD></TR></TABLE>"), .html),
        ("Excel 2003 XML", utf8("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">"),
         .xmlSpreadsheet),
    ]

    @Test(arguments: notCSVCases)
    func aFileThatIsNotCSVIsNamedForWhatItIs(name: String, bytes: [UInt8], format: NonCSVFormat) throws {
        // Followed by junk that would otherwise be a page of invalid-encoding errors.
        let path = try temporaryFile(bytes + (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 167) }, name: "x.csv")
        var diagnostics: [Diagnostic] = []
        var records = 0
        #expect(throws: IngestError.notCSV(path: path, looksLike: format)) {
            try CSVFileReader.read(path: path, onDiagnostic: { diagnostics.append($0) }, onRecord: { _ in records += 1 })
        }
        #expect(diagnostics.isEmpty && records == 0, "nothing is reported or read: \(name)")
        // Whatever the encoding asked for: a workbook is no CSV in any encoding.
        #expect(throws: IngestError.notCSV(path: path, looksLike: format)) {
            try read(path: path, options: CSVReadOptions(encoding: .gb18030))
        }
    }

    @Test func theMessageSaysWhatTheFileLooksLikeAndWhatToDo() {
        #expect(IngestError.notCSV(path: "exports/x.csv", looksLike: .xlsx).description
            == "exports/x.csv looks like an Excel workbook (.xlsx), not CSV: open it in Excel or WPS and save it as CSV (UTF-8)")
        #expect(IngestError.notCSV(path: "exports/x.csv", looksLike: .utf16(bigEndian: false)).description
            == "exports/x.csv looks like UTF-16 text (little-endian; Excel and WPS call it \"Unicode text\"), not CSV: open it in Excel or WPS and save it as CSV (UTF-8)")
        #expect(IngestError.notCSV(path: "x.csv", looksLike: .pdf).description
            == "x.csv looks like a PDF document, not CSV: export the data from the enforcement system again, as CSV")
    }

    /// Real exports that merely start like a signature are read as CSV.
    @Test(arguments: [
        "PK,name\n1,x\n",                         // a primary-key column
        "%PDF,x\n1,2\n",
        "<id>,name\n1,x\n",                       // a header in angle brackets
        "<?xml,b\n1,2\n",                         // no Excel namespace: not recognised
        "\u{FEFF}编号,名称\n1,x\n",                  // UTF-8 with BOM
        "",                                       // an empty file
        "G",
    ])
    func csvThatStartsLikeASignatureIsRead(text: String) throws {
        let result = try Self.readChecked(path: try temporaryFile(utf8(text)))
        #expect(result.diagnostics == [])
        #expect(result.records.count == text.filter { $0 == "\n" }.count + (text.hasSuffix("\n") || text.isEmpty ? 0 : 1))
    }

    @Test func gb18030FileIsNotMistakenForASignature() throws {
        // 0x81–0xFE lead bytes: the GB18030 export's first bytes.
        let result = try Self.readChecked(path: fixturePath("gb18030.csv"))
        #expect(result.summary?.encoding == .gb18030)
    }

    /// A pipe cannot be read twice: the bytes looked at for a signature are read again as data,
    /// and a workbook piped in is still named.
    @Test func aPipeIsSniffedWithoutLosingBytes() throws {
        let folder = URL(fileURLWithPath: try temporaryFile([])).deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, (bytes, format)) in [(utf8("id,name\n1,张三\n2,李四"), nil), (Array(Self.xlsxStart.prefix(16)), NonCSVFormat.zip)]
            .enumerated() {
            let fifo = folder.appendingPathComponent("pipe-\(index)").path
            #expect(mkfifo(fifo, 0o600) == 0)
            // Opening a pipe for reading waits for a writer: write from a thread of its own. The
            // zip is cut to what the reader takes, so no write ever meets a closed pipe.
            let writer = Thread {
                guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
                for byte in bytes { try? handle.write(contentsOf: Data([byte])) }  // one byte at a time
                try? handle.close()
            }
            writer.start()
            if let format {
                // A pipe gives the first 16 bytes only: enough for the zip, not for its parts.
                #expect(throws: IngestError.notCSV(path: fifo, looksLike: format)) { try read(path: fifo) }
            } else {
                let result = try read(path: fifo)
                #expect(result.diagnostics == [])
                #expect(result.records == [["id", "name"], ["1", "张三"], ["2", "李四"]])
            }
        }
    }
}
