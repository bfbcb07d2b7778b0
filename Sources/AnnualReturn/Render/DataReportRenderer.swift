/// `data-report.md`: every data problem, and the accounting of every row of every file, for the
/// legal-affairs staff who fix the exports before the deadline.
public enum DataReportRenderer {
    public static func render(_ result: RunResult) -> [UInt8] {
        ChunkedOutput<Never>.collect { emit in write(result, to: emit) }
    }

    /// The same bytes, handed to `emit` a chunk at a time: the lists of a large run are read
    /// from their temporary files and written out as they go, never held whole.
    static func write<Failure: Error>(_ result: RunResult, to emit: @escaping ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        let configuration = result.configuration
        var lines = ChunkedOutput(emit: emit)
        // One pass for the counts; the lists are read again, section by section.
        var counts: [String: Int] = [:]
        var errors = 0
        for diagnostic in result.diagnostics {
            counts["\(diagnostic.severity.rawValue)|\(diagnostic.code)", default: 0] += 1
            if diagnostic.severity == .error { errors += 1 }
        }
        let warnings = result.diagnostics.count - errors
        try lines.line("# 数据问题报告：\(TextEscaping.markdown(configuration.bureau)) \(configuration.year)年")
        try lines.line("")
        try lines.line("- 数据截至：\(result.asOf?.description ?? "无记录")（\(configuration.isFinal ? "正式" : "初步")）")
        // Row counts come from the file accounts, which a merged return carries too; the lists
        // of problems exist only for exports read in this run.
        let duplicates = result.accounts.reduce(0) { $0 + $1.duplicates }
        let conflicts = result.accounts.reduce(0) { $0 + $1.conflicts }
        try lines.line("- 被拒绝的行：\(result.rejectedRows)；本次读取发现错误 \(errors) 条，警告 \(warnings) 条")
        try lines.line("- 重复记录：\(duplicates)；内容冲突（以较新导出为准）：\(conflicts)")
        try lines.line("")
        try lines.line("## 文件核对")
        try lines.line("")
        try lines.line("每个文件：读取行数 = 接受 + 拒绝 + 重复。表头、空行和汇总行（合计、说明等）不是记录。")
        try lines.line("")
        try lines.line("| 文件 | 数据集 | 编码 | 字节 | SHA-256 | 读取 | 接受 | 拒绝 | 重复 | 其中冲突 | 空行 | 汇总行 | 核对 |")
        try lines.line("|---|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")
        for account in result.accounts {
            let cells = [
                TextEscaping.markdown(account.file), account.dataset.title, account.encoding.rawValue,
                NumberText.count(account.bytes), "`\(account.sha256.prefix(16))…`",
                String(account.read), String(account.accepted), String(account.rejected),
                String(account.duplicates), String(account.conflicts), String(account.blankRows),
                String(account.summaryRows.count), account.reconciles ? "✓" : "✗",
            ]
            try lines.line("| " + cells.joined(separator: " | ") + " |")
        }
        try lines.line("")
        try lines.line("完整的 SHA-256：")
        try lines.line("")
        for account in result.accounts {
            try lines.line("- `\(account.sha256)`  \(TextEscaping.markdown(account.file))")
        }

        if !counts.isEmpty {
            try lines.line("")
            try lines.line("## 问题分类")
            try lines.line("")
            try lines.line("| 级别 | 代码 | 条数 |")
            try lines.line("|---|---|---:|")
            for key in counts.keys.sorted() {
                let parts = key.split(separator: "|")
                try lines.line("| \(parts[0] == "error" ? "错误（行被拒绝）" : "警告（行保留）") | `\(parts[1])` | \(counts[key]!) |")
            }
        }

        try section(&lines, title: "错误：被拒绝的行", count: errors, severity: .error, in: result)
        try section(&lines, title: "警告：保留但需核查的行", count: warnings, severity: .warning, in: result)

        if !result.conflicts.isEmpty {
            try lines.line("")
            try lines.line("## 内容冲突（较新导出为准，两个版本都列出）")
            try lines.line("")
            try lines.line("| 数据集 | 编号 | 旧版本 | 新版本（采用） | 变化 |")
            try lines.line("|---|---|---|---|---|")
            for conflict in result.conflicts {
                let changes = conflict.changes.map { "\($0.key)：\($0.old) → \($0.new)" }.joined(separator: "；")
                try lines.line("| \(conflict.dataset.title) | \(TextEscaping.markdown(conflict.key)) | \(TextEscaping.markdown(conflict.older.description)) | \(TextEscaping.markdown(conflict.newer.description)) | \(TextEscaping.markdown(changes)) |")
            }
        }

        if !result.duplicates.isEmpty {
            try lines.line("")
            try lines.line("## 重复记录（内容相同，只计一次）")
            try lines.line("")
            try lines.line("| 数据集 | 编号 | 重复出现于 | 首次出现于 |")
            try lines.line("|---|---|---|---|")
            for duplicate in result.duplicates {
                try lines.line("| \(duplicate.dataset.title) | \(TextEscaping.markdown(duplicate.key)) | \(TextEscaping.markdown(duplicate.location.description)) | \(TextEscaping.markdown(duplicate.original.description)) |")
            }
        }

        let summaries = result.accounts.flatMap(\.summaryRows)
        if !summaries.isEmpty {
            try lines.line("")
            try lines.line("## 汇总行（不是记录，未计入）")
            try lines.line("")
            for summary in summaries {
                try lines.line("- \(TextEscaping.markdown(summary.location.description))：\(summary.label)")
            }
        }
        try lines.finish()
    }

    private static func section<Failure: Error>(_ lines: inout ChunkedOutput<Failure>, title: String, count: Int,
                                                severity: Severity, in result: RunResult) throws(Failure) {
        guard count > 0 else { return }
        try lines.line("")
        try lines.line("## \(title)")
        try lines.line("")
        try lines.line("| 文件 | 行 | 列 | 字段 | 代码 | 说明 | 原始值 |")
        try lines.line("|---|---:|---:|---|---|---|---|")
        for diagnostic in result.diagnostics where diagnostic.severity == severity {
            let cells = [
                TextEscaping.markdown(diagnostic.file), String(diagnostic.row), String(diagnostic.column),
                TextEscaping.markdown(diagnostic.field ?? ""), "`\(diagnostic.code)`",
                TextEscaping.markdown(diagnostic.message), TextEscaping.markdown(diagnostic.raw),
            ]
            try lines.line("| " + cells.joined(separator: " | ") + " |")
        }
    }
}
