/// A kind of file that is sometimes handed over as an export but is not CSV text, recognised by
/// its first bytes.
///
/// A workbook, a PDF or a UTF-16 "Unicode text" file renamed `.csv` would otherwise be read as
/// broken UTF-8 and bury the operator in a page of `invalid-encoding` errors; naming what the
/// file is, and how to turn it into CSV, is the one message that helps. Every signature below
/// starts with bytes that no UTF-8 or GB18030 CSV export begins with, so a real export is never
/// mistaken for one of these.
public enum NonCSVFormat: Sendable, Equatable, CustomStringConvertible {
    /// An Office Open XML workbook (a zip holding `xl/…`): what Excel and WPS save by default.
    case xlsx
    /// A Word document (a zip holding `word/…`).
    case docx
    /// A PowerPoint presentation (a zip holding `ppt/…`).
    case pptx
    /// An OpenDocument spreadsheet (LibreOffice, WPS).
    case ods
    /// Any other zip archive.
    case zip
    /// An Excel 97–2003 workbook, or another Office 97–2003 document (OLE2 compound file).
    case xls
    /// An Excel 2003 "XML Spreadsheet".
    case xmlSpreadsheet
    /// An HTML page, which some systems write for their "export to Excel" button.
    case html
    /// A PDF document (a report printed from the system instead of its export).
    case pdf
    /// A gzip-compressed file (`.csv.gz` without the `.gz`).
    case gzip
    /// A 7-Zip archive.
    case sevenZip
    /// A RAR archive.
    case rar
    /// A PNG image (a screenshot of the data).
    case png
    /// A JPEG image (a scan or a photo of the data).
    case jpeg
    /// A GIF image.
    case gif
    /// UTF-16 text with a byte order mark: what Excel and WPS save as "Unicode text".
    case utf16(bigEndian: Bool)

    /// How many bytes from the start of a file ``identify(_:)`` looks at, at most: enough to find
    /// the part names at the start of an Office zip.
    public static let sniffBytes = 64 * 1024

    /// What the first bytes of a file say it is, or nil when they could start CSV text.
    ///
    /// - Parameter prefix: the file's first bytes (up to ``sniffBytes``; fewer when the file is
    ///   shorter). An empty prefix is never recognised.
    public static func identify<Bytes: Collection>(_ prefix: Bytes) -> NonCSVFormat? where Bytes.Element == UInt8 {
        let bytes = Array(prefix.prefix(sniffBytes))
        func starts(_ signature: [UInt8]) -> Bool { bytes.starts(with: signature) }

        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) || starts([0x50, 0x4B, 0x07, 0x08]) {
            return zipKind(bytes)
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .xls }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x1F, 0x8B]) { return .gzip }
        if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .sevenZip }
        if starts(Array("Rar!\u{1A}\u{07}".utf8)) { return .rar }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        // 0xFF and 0xFE are never valid in UTF-8, nor as the first byte of GB18030 text.
        if starts([0xFF, 0xFE]) { return .utf16(bigEndian: false) }
        if starts([0xFE, 0xFF]) { return .utf16(bigEndian: true) }
        return markupKind(bytes)
    }

    /// Which Office format a zip is, from the part names stored in clear in its local headers.
    private static func zipKind(_ bytes: [UInt8]) -> NonCSVFormat {
        func holds(_ name: String) -> Bool { contains(bytes, Array(name.utf8)) }
        if holds("xl/workbook.xml") || holds("xl/worksheets/") || holds("xl/_rels/") { return .xlsx }
        if holds("word/document.xml") || holds("word/_rels/") { return .docx }
        if holds("ppt/presentation.xml") || holds("ppt/slides/") { return .pptx }
        if holds("application/vnd.oasis.opendocument.spreadsheet") { return .ods }
        return .zip
    }

    /// An HTML page or an XML document, after an optional UTF-8 byte order mark and white space.
    /// A CSV export's first cell never starts with `<html`, `<table` or `<?xml`.
    private static func markupKind(_ bytes: [UInt8]) -> NonCSVFormat? {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[start]) { start += 1 }
        let head = bytes[start..<min(bytes.count, start + 1024)].map { byte -> UInt8 in
            (0x41...0x5A).contains(byte) ? byte + 0x20 : byte  // ASCII lower case
        }
        func starts(_ text: String) -> Bool { head.starts(with: Array(text.utf8)) }
        if starts("<?xml") {
            let isSpreadsheet = contains(head, Array("urn:schemas-microsoft-com:office:spreadsheet".utf8))
                || contains(head, Array("progid=\"excel.sheet\"".utf8))
            return isSpreadsheet ? .xmlSpreadsheet : nil
        }
        if starts("<!doctype html") || starts("<html") || starts("<table") { return .html }
        return nil
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// What the file looks like, as a noun phrase: "an Excel workbook (.xlsx)".
    public var description: String {
        switch self {
        case .xlsx: return "an Excel workbook (.xlsx)"
        case .docx: return "a Word document (.docx)"
        case .pptx: return "a PowerPoint presentation (.pptx)"
        case .ods: return "an OpenDocument spreadsheet (.ods)"
        case .zip: return "a zip archive (an .xlsx workbook is one, too)"
        case .xls: return "an Excel 97-2003 workbook (.xls) or another Office 97-2003 document"
        case .xmlSpreadsheet: return "an Excel 2003 XML spreadsheet"
        case .html: return "a web page (HTML), as some systems save for \"export to Excel\""
        case .pdf: return "a PDF document"
        case .gzip: return "a gzip-compressed file"
        case .sevenZip: return "a 7-Zip archive"
        case .rar: return "a RAR archive"
        case .png: return "a PNG image"
        case .jpeg: return "a JPEG image"
        case .gif: return "a GIF image"
        case .utf16(let bigEndian):
            return "UTF-16 text (\(bigEndian ? "big" : "little")-endian; Excel and WPS call it \"Unicode text\")"
        }
    }

    /// What the operator should do to get a CSV file from it.
    public var advice: String {
        switch self {
        case .xlsx, .ods, .xls, .xmlSpreadsheet, .html, .utf16:
            return "open it in Excel or WPS and save it as CSV (UTF-8)"
        case .zip:
            return "if it is a workbook, open it in Excel or WPS and save it as CSV (UTF-8); otherwise unpack it and name the CSV file inside in the configuration"
        case .gzip, .sevenZip, .rar:
            return "unpack it and name the CSV file inside in the configuration"
        case .docx, .pptx, .pdf, .png, .jpeg, .gif:
            return "export the data from the enforcement system again, as CSV"
        }
    }
}
