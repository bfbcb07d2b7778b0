/// `return.md`: the return's tables in Chinese with the official names, for reading and for
/// pasting into documents.
public enum ReturnMarkdownRenderer {
    public static func render(_ document: ReturnDocument) -> [UInt8] {
        var lines: [String] = []
        lines.append("# \(TextEscaping.markdown(document.title))")
        lines.append("")
        lines.append("- 填报单位：\(TextEscaping.markdown(document.bureau))")
        lines.append("- 统计年度：\(document.year)年")
        lines.append("- 数据截至：\(document.asOf.map(ReturnBuilder.chineseDate) ?? "无记录")")
        lines.append("- 数据状态：\(document.statusLabel)")
        if !document.lockdownMonths.isEmpty {
            lines.append("- 停工月份：" + document.lockdownMonths.map(\.description).joined(separator: "、"))
        }
        for table in document.tables {
            lines.append("")
            lines.append("## \(TextEscaping.markdown(table.title))")
            lines.append("")
            if let convention = table.convention {
                lines.append("> 统计口径：\(TextEscaping.markdown(convention))")
                lines.append("")
            }
            let headings = ["项目"] + table.columns.map { column in
                column.unit.isEmpty ? column.title : "\(column.title)（\(column.unit)）"
            }
            lines.append("| " + headings.joined(separator: " | ") + " |")
            lines.append("|---" + String(repeating: "|---:", count: table.columns.count) + "|")
            for row in table.rows {
                let indent = String(repeating: "　", count: row.level)
                let label = indent + TextEscaping.markdown(table.displayLabel(of: row))
                lines.append("| " + ([label] + row.cells.map(cellText)).joined(separator: " | ") + " |")
            }
            for note in table.notes {
                lines.append("")
                lines.append("注：\(TextEscaping.markdown(note))")
            }
        }
        lines.append("")
        lines.append("## 说明")
        lines.append("")
        for (index, note) in document.notes.enumerated() {
            lines.append("\(index + 1). \(TextEscaping.markdown(note))")
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    static func cellText(_ cell: ReturnCell) -> String {
        switch cell {
        case .count(let value): return NumberText.count(value)
        case .money(let fen): return NumberText.yuan(fen)
        case .wanyuan(let fen): return NumberText.groupThousands(fen.wanyuanString)
        case .decimal(let rate): return rate ?? "—"
        case .suspended(let value): return value == 0 ? "停" : "\(NumberText.count(value))（停）"
        case .text(let text): return TextEscaping.markdown(text)
        }
    }
}
