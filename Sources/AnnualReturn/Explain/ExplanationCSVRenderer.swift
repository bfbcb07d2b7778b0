/// The CSV form of an explanation, for auditors who open it in Excel or WPS: UTF-8 with a byte
/// order mark (so neither garbles the Chinese), one row per record, and a last 合计 row whose
/// quantity and amount equal the figure.
///
/// A distinct enterprise takes one row per record naming it, all with the enterprise's entry
/// number; its quantity 1 is on the first of them only, so the column still sums to the
/// figure. Every cell is made inert for spreadsheets (`TextEscaping.spreadsheetCell`).
public enum ExplanationCSVRenderer {
    static let header = ["指标 figure", "指标值 value", "序号 no", "文件 file", "行 row", "物理行 line", "编号 key",
                         "日期 date", "企业 enterprise", "说明 reason", "数量 quantity", "分母 denominator",
                         "金额（元） amount_yuan"]

    /// The explanation as the bytes of a CSV file.
    public static func render(_ explanation: FigureExplanation) -> [UInt8] {
        var output: [UInt8] = [0xEF, 0xBB, 0xBF]
        append(header, to: &output)
        let id = explanation.id
        let value = explanation.value.description
        for (index, entry) in explanation.entries.enumerated() {
            let number = String(index + 1)
            if entry.sources.isEmpty {
                append([id, value, number] + place(entry) + [entry.key, entry.date?.description ?? "", "", entry.reason]
                       + amounts(entry.contribution), to: &output)
                continue
            }
            let enterprise = "\(entry.key) · \(entry.reason)"
            for (sourceIndex, source) in entry.sources.enumerated() {
                let counted = sourceIndex == 0 ? amounts(entry.contribution) : ["", "", ""]
                append([id, value, number] + place(source) + [source.key, source.date?.description ?? "", enterprise,
                                                              source.reason] + counted, to: &output)
            }
        }
        append([id, value, "合计", "", "", "", "", "", "", explanation.footer] + totals(explanation.total), to: &output)
        return output
    }

    private static func append(_ fields: [String], to output: inout [UInt8]) {
        CSVFieldWriter.appendRecord(fields.map(TextEscaping.spreadsheetCell), to: &output)
    }

    /// File, row and physical line; empty for an entry that is not one record.
    private static func place(_ entry: ExplanationEntry) -> [String] {
        guard let location = entry.location else { return ["", "", ""] }
        return [location.file, String(location.row), String(location.line)]
    }

    /// Quantity, denominator and amount of one entry. Amounts are written without thousands
    /// separators so the spreadsheet reads them as numbers.
    private static func amounts(_ contribution: Contribution) -> [String] {
        switch contribution {
        case .one: return ["1", "", ""]
        case .units(let count): return [String(count), "", ""]
        case .money(let amount): return ["1", "", amount.yuanString]
        case .fraction(let numerator, let denominator): return [String(numerator), String(denominator), ""]
        case .none: return ["", "", ""]
        }
    }

    private static func totals(_ total: ExplanationTotal) -> [String] {
        switch total {
        case .count(let count): return [String(count), "", ""]
        case .money(let entries, let sum, _): return [String(entries), "", sum.yuanString]
        case .rate(let numerator, let denominator): return [String(numerator), String(denominator), ""]
        case .average(let total, let months): return [String(total), String(months), ""]
        case .statement: return ["", "", ""]
        }
    }
}
