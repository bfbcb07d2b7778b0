/// `return.csv`: the whole return in tidy long form, one line per cell — table, row, column,
/// unit, value — for pivot tables and for the city office's scripts. UTF-8 with a byte order
/// mark so Excel and WPS open it without garbling; numbers are plain (no thousands separators).
public enum ReturnCSVRenderer {
    static let header = ["表 table", "行 row", "列 column", "单位 unit", "数值 value", "说明 note", "指标 figure"]

    public static func render(_ document: ReturnDocument) -> [UInt8] {
        var output: [UInt8] = [0xEF, 0xBB, 0xBF]
        CSVFieldWriter.appendRecord(header, to: &output)
        for table in document.tables {
            for row in table.rows {
                for (index, cell) in row.cells.enumerated() {
                    let column = table.columns[index]
                    let (value, note) = text(cell)
                    let figure = index < row.figureIDs.count ? row.figureIDs[index] ?? "" : ""
                    // Text that may come from input is neutralised; a number we computed (a
                    // negative change, say) must stay a number.
                    let isNumber: Bool
                    if case .text = cell { isNumber = false } else { isNumber = true }
                    let fields = [table.title, row.label, column.title, row.unit ?? column.unit].map(TextEscaping.spreadsheetCell)
                        + [isNumber ? value : TextEscaping.spreadsheetCell(value), TextEscaping.spreadsheetCell(note), figure]
                    CSVFieldWriter.appendRecord(fields, to: &output)
                }
            }
        }
        return output
    }

    /// A cell's value as a plain number (or text), and a note where the number needs one.
    static func text(_ cell: ReturnCell) -> (value: String, note: String) {
        switch cell {
        case .count(let value): return (String(value), "")
        case .money(let fen): return (fen.yuanString, "")
        case .wanyuan(let fen): return (fen.wanyuanString, "")
        case .decimal(let rate): return (rate ?? "", rate == nil ? "分母为0，无法计算" : "")
        case .suspended(let value): return (String(value), "停：停工月份")
        case .text(let text): return (text, "")
        }
    }
}
