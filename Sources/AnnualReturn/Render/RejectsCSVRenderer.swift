/// `rejects.csv`: every problem row (errors and warnings), every duplicate and every conflict,
/// one line each, UTF-8 with a byte order mark so Excel and WPS open it without garbling.
public enum RejectsCSVRenderer {
    static let header = ["文件 file", "行 row", "物理行 line", "列 column", "字段 field", "级别 severity",
                         "代码 code", "说明 message", "原始值 raw"]

    public static func render(_ result: RunResult) -> [UInt8] {
        var output: [UInt8] = [0xEF, 0xBB, 0xBF]
        CSVFieldWriter.appendRecord(header, to: &output)
        var rows: [(order: SortKey, fields: [String])] = []
        let fileOrder = Dictionary(result.accounts.enumerated().map { ($1.file, $0) }, uniquingKeysWith: { a, _ in a })
        for diagnostic in result.diagnostics {
            rows.append((SortKey(file: fileOrder[diagnostic.file] ?? Int.max, row: diagnostic.row, column: diagnostic.column),
                         [diagnostic.file, String(diagnostic.row), String(diagnostic.line), String(diagnostic.column),
                          diagnostic.field ?? "", diagnostic.severity.rawValue, diagnostic.code.rawValue,
                          diagnostic.message, diagnostic.raw]))
        }
        for duplicate in result.duplicates {
            let location = duplicate.location
            rows.append((SortKey(file: fileOrder[location.file] ?? Int.max, row: location.row, column: 0),
                         [location.file, String(location.row), String(location.line), "0", duplicate.dataset.keyColumn.header,
                          "duplicate", DiagnosticCode.duplicate.rawValue,
                          "same content as \(duplicate.original); counted once", duplicate.key]))
        }
        for conflict in result.conflicts {
            let location = conflict.newer
            let changes = conflict.changes.map { "\($0.key): \($0.old) → \($0.new)" }.joined(separator: "; ")
            rows.append((SortKey(file: fileOrder[location.file] ?? Int.max, row: location.row, column: 0),
                         [location.file, String(location.row), String(location.line), "0", conflict.dataset.keyColumn.header,
                          "conflict", DiagnosticCode.conflict.rawValue,
                          "replaces the version at \(conflict.older) (the newer export wins); changed: \(changes)", conflict.key]))
        }
        // Sorted by place in the file; ties keep their order (index), so output never varies.
        let ordered = rows.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
        for (_, row) in ordered {
            CSVFieldWriter.appendRecord(row.fields.map(TextEscaping.spreadsheetCell), to: &output)
        }
        return output
    }

    struct SortKey: Comparable {
        var file: Int
        var row: Int
        var column: Int
        static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            (lhs.file, lhs.row, lhs.column) < (rhs.file, rhs.row, rhs.column)
        }
    }
}
