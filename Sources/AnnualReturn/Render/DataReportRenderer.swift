/// `data-report.md`: every data problem, and the accounting of every row of every file, for the
/// legal-affairs staff who fix the exports before the deadline.
public enum DataReportRenderer {
    public static func render(_ result: RunResult) -> [UInt8] {
        let configuration = result.configuration
        var lines: [String] = []
        let errors = result.diagnostics.filter { $0.severity == .error }
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        lines.append("# 数据问题报告：\(TextEscaping.markdown(configuration.bureau)) \(configuration.year)年")
        lines.append("")
        lines.append("- 数据截至：\(result.asOf?.description ?? "无记录")（\(configuration.isFinal ? "正式" : "初步")）")
        // Row counts come from the file accounts, which a merged return carries too; the lists
        // of problems exist only for exports read in this run.
        let duplicates = result.accounts.reduce(0) { $0 + $1.duplicates }
        let conflicts = result.accounts.reduce(0) { $0 + $1.conflicts }
        lines.append("- 被拒绝的行：\(result.rejectedRows)；本次读取发现错误 \(errors.count) 条，警告 \(warnings.count) 条")
        lines.append("- 重复记录：\(duplicates)；内容冲突（以较新导出为准）：\(conflicts)")
        lines.append("")
        lines.append("## 文件核对")
        lines.append("")
        lines.append("每个文件：读取行数 = 接受 + 拒绝 + 重复。表头、空行和汇总行（合计、说明等）不是记录。")
        lines.append("")
        lines.append("| 文件 | 数据集 | 编码 | 字节 | SHA-256 | 读取 | 接受 | 拒绝 | 重复 | 其中冲突 | 空行 | 汇总行 | 核对 |")
        lines.append("|---|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")
        for account in result.accounts {
            let cells = [
                TextEscaping.markdown(account.file), account.dataset.title, account.encoding.rawValue,
                NumberText.count(account.bytes), "`\(account.sha256.prefix(16))…`",
                String(account.read), String(account.accepted), String(account.rejected),
                String(account.duplicates), String(account.conflicts), String(account.blankRows),
                String(account.summaryRows.count), account.reconciles ? "✓" : "✗",
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        lines.append("")
        lines.append("完整的 SHA-256：")
        lines.append("")
        for account in result.accounts {
            lines.append("- `\(account.sha256)`  \(TextEscaping.markdown(account.file))")
        }

        let counts = Dictionary(grouping: result.diagnostics, by: { "\($0.severity.rawValue)|\($0.code)" })
        if !counts.isEmpty {
            lines.append("")
            lines.append("## 问题分类")
            lines.append("")
            lines.append("| 级别 | 代码 | 条数 |")
            lines.append("|---|---|---:|")
            for key in counts.keys.sorted() {
                let parts = key.split(separator: "|")
                lines.append("| \(parts[0] == "error" ? "错误（行被拒绝）" : "警告（行保留）") | `\(parts[1])` | \(counts[key]!.count) |")
            }
        }

        section(&lines, title: "错误：被拒绝的行", diagnostics: errors)
        section(&lines, title: "警告：保留但需核查的行", diagnostics: warnings)

        if !result.conflicts.isEmpty {
            lines.append("")
            lines.append("## 内容冲突（较新导出为准，两个版本都列出）")
            lines.append("")
            lines.append("| 数据集 | 编号 | 旧版本 | 新版本（采用） | 变化 |")
            lines.append("|---|---|---|---|---|")
            for conflict in result.conflicts {
                let changes = conflict.changes.map { "\($0.key)：\($0.old) → \($0.new)" }.joined(separator: "；")
                lines.append("| \(conflict.dataset.title) | \(TextEscaping.markdown(conflict.key)) | \(TextEscaping.markdown(conflict.older.description)) | \(TextEscaping.markdown(conflict.newer.description)) | \(TextEscaping.markdown(changes)) |")
            }
        }

        if !result.duplicates.isEmpty {
            lines.append("")
            lines.append("## 重复记录（内容相同，只计一次）")
            lines.append("")
            lines.append("| 数据集 | 编号 | 重复出现于 | 首次出现于 |")
            lines.append("|---|---|---|---|")
            for duplicate in result.duplicates {
                lines.append("| \(duplicate.dataset.title) | \(TextEscaping.markdown(duplicate.key)) | \(TextEscaping.markdown(duplicate.location.description)) | \(TextEscaping.markdown(duplicate.original.description)) |")
            }
        }

        let summaries = result.accounts.flatMap(\.summaryRows)
        if !summaries.isEmpty {
            lines.append("")
            lines.append("## 汇总行（不是记录，未计入）")
            lines.append("")
            for summary in summaries {
                lines.append("- \(TextEscaping.markdown(summary.location.description))：\(summary.label)")
            }
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    private static func section(_ lines: inout [String], title: String, diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        lines.append("")
        lines.append("## \(title)")
        lines.append("")
        lines.append("| 文件 | 行 | 列 | 字段 | 代码 | 说明 | 原始值 |")
        lines.append("|---|---:|---:|---|---|---|---|")
        for diagnostic in diagnostics {
            let cells = [
                TextEscaping.markdown(diagnostic.file), String(diagnostic.row), String(diagnostic.column),
                TextEscaping.markdown(diagnostic.field ?? ""), "`\(diagnostic.code)`",
                TextEscaping.markdown(diagnostic.message), TextEscaping.markdown(diagnostic.raw),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
    }
}
