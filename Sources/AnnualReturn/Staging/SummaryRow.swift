/// A row at the end of an export that sums or explains the others (合计, 小计, 总计, 说明,
/// 填表说明, 注). It is not a record; a 合计 row's numbers are checked against the file's rows.
public struct SummaryRow: Sendable {
    public var location: SourceLocation
    /// The word that marks it, e.g. 合计.
    public var label: String
    /// The raw value of each numeric canonical column the row fills, by key.
    public var numbers: [String: String]

    static let prefixes = ["填表说明", "合计", "小计", "总计", "说明", "注"]

    /// The summary label of `record`, when its first non-empty cell starts with one.
    static func label(of record: CSVRecord) -> String? {
        for index in 0..<record.count {
            let cell = TextNormalizer.nfkc(record[index]).trimmingWhitespace()
            if cell.isEmpty { continue }
            return prefixes.first { cell.hasPrefix($0) }
        }
        return nil
    }

    /// True for rows whose numbers are totals to check (合计 and 总计, not 小计 or notes).
    var isGrandTotal: Bool { label == "合计" || label == "总计" }
}
