/// Answers "where does this number come from?" for any figure of a run: the records behind it
/// (file, Excel row, physical line, key, decisive date) and why each counts.
///
/// Only counted records are explained: the winning version of each key, as `RunResult.records`
/// keeps them. Rows the exports' checks rejected count in no figure; the `records.*` figures
/// list them.
public enum FigureExplainer {
    /// Explains the figure `id` of `result`.
    ///
    /// - Returns: the explanation, or `.unknownFigure` with the nearest ids when the run has no
    ///   such figure.
    public static func explain(_ id: String, in result: RunResult) -> Result<FigureExplanation, ExplainError> {
        guard let value = result.figures[id] else {
            return .failure(.unknownFigure(id: id, suggestions: FigureIDSuggestions.nearest(to: id, among: result.figures.ids)))
        }
        guard let rule = FigureRuleBook(configuration: result.configuration).rules[id] else {
            return .failure(.noRule(id: id))
        }
        let (entries, total, notes) = evaluate(rule, in: result)
        return .success(FigureExplanation(id: id, value: value, ruleChinese: rule.chinese, ruleEnglish: rule.english,
                                          unit: rule.unit, entries: entries, total: total, notes: notes))
    }

    private typealias Evaluation = (entries: [ExplanationEntry], total: ExplanationTotal, notes: [String])

    private static func evaluate(_ rule: FigureRule, in result: RunResult) -> Evaluation {
        switch rule.method {
        case .records(let query): return records(query, in: result)
        case .enterprises(let patrols): return enterprises(patrols: patrols, in: result)
        case .monthlyAverage(let countsByMonth):
            return monthlyAverage(countsByMonth(result.records), unit: rule.unit, in: result)
        case .fileCounts(let dataset, let count): return fileCounts(dataset, count, in: result)
        case .rejectedRows(let dataset): return rejectedRows(dataset, in: result)
        case .duplicates(let dataset): return duplicates(dataset, in: result)
        case .conflicts(let dataset): return conflicts(dataset, in: result)
        case .asOf: return asOf(in: result)
        case .statement(let source): return ([], .statement(source: source), [])
        case .yearOverYear(let id, let part): return yearOverYear(id, part, in: result)
        }
    }

    // MARK: Records

    private static func records(_ query: RecordQuery, in result: RunResult) -> Evaluation {
        let (entries, outside) = query.run(result.records)
        let total: ExplanationTotal
        switch query.tallying {
        case .count:
            total = .count(entries.reduce(0) { $0 + $1.contribution.units })
        case .money(let wanyuan):
            let sum = entries.reduce(Fen.zero) { sum, entry in
                if case .money(let amount) = entry.contribution { return sum + amount }
                return sum
            }
            total = .money(entries: entries.count, sum: sum, wanyuan: wanyuan)
        case .rate:
            var numerator = 0, denominator = 0
            for entry in entries {
                if case .fraction(let part, let whole) = entry.contribution {
                    numerator += part
                    denominator += whole
                }
            }
            total = .rate(numerator: numerator, denominator: denominator)
        }
        var notes: [String] = []
        if !outside.isEmpty {
            notes.append("另有 \(outside.count) 条记录的\((query.dataset.decisiveDateColumn?.header ?? "日期"))不在 \(query.scope.chineseName)内，不计入：\(ExplanationWording.list(outside))")
        }
        notes += rejectedNote(query.dataset, in: result)
        return (entries, total, notes)
    }

    /// Rejected rows are not behind any figure; say so, so a missing record can be found.
    private static func rejectedNote(_ dataset: Dataset, in result: RunResult) -> [String] {
        let rejected = result.accounts.filter { $0.dataset == dataset }.reduce(0) { $0 + $1.rejected }
        guard rejected > 0 else { return [] }
        return ["\(dataset.title)导出中另有 \(rejected) 行被拒绝，不计入任何统计数字（见 data-report.md、rejects.csv，或 explain records.\(dataset.rawValue).rejected）"]
    }

    // MARK: Distinct enterprises

    private static func enterprises(patrols: Bool, in result: RunResult) -> Evaluation {
        let identities = EnterpriseIdentities(references: result.aggregate.inspectionReferences)
        let scope = FigureScope.year(result.configuration.year)
        var order: [String] = []
        var sourcesByIdentity: [String: [(located: Located<InspectionRecord>, basis: EnterpriseIdentities.Basis)]] = [:]
        var unnamed: [ExplanationEntry] = []
        var outside: [ExplanationEntry] = []
        for located in result.records.inspections where located.record.isPatrol == patrols {
            let record = located.record
            guard scope.contains(record.date) else {
                if !record.enterprise.isEmpty {
                    outside.append(ExplanationEntry(key: record.id, date: record.date, reason: "", contribution: .none))
                }
                continue
            }
            guard !record.enterprise.isEmpty else {
                unnamed.append(ExplanationEntry(location: located.location, key: record.id, date: record.date,
                                                reason: "", contribution: .none))
                continue
            }
            let (identity, basis) = identities.identity(of: record.enterprise)
            if sourcesByIdentity[identity] == nil { order.append(identity) }
            sourcesByIdentity[identity, default: []].append((located, basis))
        }

        let entries = order.map { identity -> ExplanationEntry in
            let sources = sourcesByIdentity[identity] ?? []
            let name = sources.lazy.map(\.located.record.enterprise.name).first { !$0.isEmpty } ?? "（未写名称）"
            let joined = sources.filter { if case .nameJoined = $0.basis { return true } else { return false } }.count
            let key: String, how: String
            switch sources.first?.basis {
            case .creditCode(let code)?, .nameJoined(_, let code)?:
                key = code
                how = "按统一社会信用代码识别" + (joined > 0 ? "，其中 \(joined) 条无代码记录按名称归入" : "")
            case .name(let name, let codes)?:
                key = name
                how = codes == 0 ? "无统一社会信用代码，按名称识别" : "按名称识别（该名称对应 \(codes) 个信用代码，不能归并）"
            case nil:
                key = identity
                how = ""
            }
            return ExplanationEntry(
                key: key, reason: "\(name) · \(how) · \(sources.count) 条记录", contribution: .one,
                sources: sources.map { source in
                    ExplanationEntry(location: source.located.location, key: source.located.record.id,
                                     date: source.located.record.date,
                                     reason: "\(ExplanationWording.inspection(source.located.record)) · \(EnterpriseIdentities.describe(source.basis))",
                                     contribution: .none)
                })
        }
        var notes: [String] = []
        let noun = patrols ? "巡查" : "检查"
        if !unnamed.isEmpty {
            notes.append("\(unnamed.count) 条本年\(noun)记录未写被检查单位和信用代码，不计入企业数：\(ExplanationWording.list(unnamed))")
        }
        if !outside.isEmpty {
            notes.append("另有 \(outside.count) 条\(noun)记录的检查日期不在 \(scope.chineseName)内，不计入：\(ExplanationWording.list(outside))")
        }
        notes += rejectedNote(.inspections, in: result)
        return (entries, .count(entries.count), notes)
    }

    // MARK: Monthly averages

    private static func monthlyAverage(_ counts: [YearMonth: Int], unit: String, in result: RunResult) -> Evaluation {
        let year = result.configuration.year
        let lockdown = Set(result.configuration.lockdownMonths)
        var entries: [ExplanationEntry] = []
        var stopped: [String] = []
        for month in (1...12).map({ YearMonth(year: year, month: $0)! }) {
            let count = counts[month] ?? 0
            if lockdown.contains(month) {
                stopped.append("\(month)（\(count) \(unit)）")
            } else {
                entries.append(ExplanationEntry(key: month.description, reason: "正常月份 · \(count) \(unit)",
                                                contribution: .units(count)))
            }
        }
        var notes: [String] = []
        if !stopped.isEmpty {
            notes.append("停工月份 \(stopped.joined(separator: "、"))不计入月均；这些月份的记录仍计入全年及分月数字")
        }
        let total = entries.reduce(0) { $0 + $1.contribution.units }
        return (entries, .average(total: total, months: entries.count), notes)
    }

    // MARK: records.<dataset>.*

    private static func fileCounts(_ dataset: Dataset, _ count: FigureRule.FileCount, in result: RunResult) -> Evaluation {
        let entries = result.accounts.filter { $0.dataset == dataset }.map { account -> ExplanationEntry in
            let skipped = "（不计空行 \(account.blankRows) 行、汇总行 \(account.summaryRows.count) 行）"
            switch count {
            case .read:
                return ExplanationEntry(
                    key: account.file,
                    reason: "读取 \(account.read) 行 = 接受 \(account.accepted) + 拒绝 \(account.rejected) + 重复 \(account.duplicates)\(skipped)",
                    contribution: .units(account.read))
            case .accepted:
                let replaced = account.conflicts > 0 ? "，其中 \(account.conflicts) 行以新版本替换较旧导出中的同编号记录" : ""
                return ExplanationEntry(key: account.file, reason: "接受 \(account.accepted) 行\(replaced)",
                                        contribution: .units(account.accepted))
            }
        }
        return (entries, .count(entries.reduce(0) { $0 + $1.contribution.units }), [])
    }

    private static func rejectedRows(_ dataset: Dataset, in result: RunResult) -> Evaluation {
        var entries: [ExplanationEntry] = []
        for (fileIndex, account) in result.accounts.filter({ $0.dataset == dataset }).enumerated() {
            let errors = result.diagnostics.filter { $0.file == account.file && $0.severity == .error }
            if account.unmapped {
                // Without a usable header no row could be staged; the one header problem stands
                // for every row of the file.
                let header = errors.first { $0.code == .missingColumn } ?? errors.first
                entries.append(ExplanationEntry(
                    location: header.map { SourceLocation(file: account.file, fileIndex: fileIndex, row: $0.row, line: $0.line) },
                    key: header?.code.rawValue ?? DiagnosticCode.missingColumn.rawValue,
                    reason: "整个文件被拒绝（\(account.rejected) 行）：\(header?.message ?? "表头无法读取")",
                    contribution: .units(account.rejected)))
                continue
            }
            // A row can have several errors: one entry per row, every error in its reason.
            var order: [SourceLocation] = []
            var problems: [SourceLocation: [Diagnostic]] = [:]
            for diagnostic in errors {
                let location = SourceLocation(file: account.file, fileIndex: fileIndex, row: diagnostic.row, line: diagnostic.line)
                if problems[location] == nil { order.append(location) }
                problems[location, default: []].append(diagnostic)
            }
            for location in order {
                let rowProblems = problems[location] ?? []
                var codes: [String] = []
                for code in rowProblems.map(\.code.rawValue) where !codes.contains(code) { codes.append(code) }
                let reasons = rowProblems.map { problem in
                    let field = problem.field.map { "\($0)「\(problem.raw)」：" } ?? ""
                    return field + problem.message
                }
                entries.append(ExplanationEntry(location: location, key: codes.joined(separator: ", "),
                                                reason: reasons.joined(separator: "；"), contribution: .one))
            }
        }
        return (entries, .count(entries.reduce(0) { $0 + $1.contribution.units }), [])
    }

    private static func duplicates(_ dataset: Dataset, in result: RunResult) -> Evaluation {
        let entries = result.duplicates.filter { $0.dataset == dataset }.map { duplicate in
            ExplanationEntry(location: duplicate.location, key: duplicate.key,
                             reason: "与 \(duplicate.original) 的记录编号相同、内容相同，只计一次", contribution: .one)
        }
        return (entries, .count(entries.count), [])
    }

    private static func conflicts(_ dataset: Dataset, in result: RunResult) -> Evaluation {
        let entries = result.conflicts.filter { $0.dataset == dataset }.map { conflict in
            let changes = conflict.changes.map { "\($0.key) \($0.old) → \($0.new)" }.joined(separator: "；")
            return ExplanationEntry(location: conflict.newer, key: conflict.key,
                                    reason: "替换 \(conflict.older) 的旧版本（以较新导出为准）；变更：\(changes)",
                                    contribution: .one)
        }
        return (entries, .count(entries.count), [])
    }

    // MARK: meta.as_of

    private static func asOf(in result: RunResult) -> Evaluation {
        if let configured = result.configuration.asOf {
            return ([], .statement(source: "配置文件的 as_of（\(configured)）"), [])
        }
        guard let newest = result.aggregate.newestDate else {
            return ([], .statement(source: "配置文件未设 as_of，本年又没有记录，故为空"), [])
        }
        let records = result.records
        var entries: [ExplanationEntry] = []
        for located in records.inspections where located.record.date == newest {
            entries.append(ExplanationEntry(location: located.location, key: located.record.id, date: newest,
                                            reason: "\(ExplanationWording.inspection(located.record)) · 本年最新的检查日期",
                                            contribution: .none))
        }
        for located in records.penalties where located.record.decisionDate == newest {
            entries.append(ExplanationEntry(location: located.location, key: located.record.caseID, date: newest,
                                            reason: "\(ExplanationWording.penalty(located.record)) · 本年最新的决定日期",
                                            contribution: .none))
        }
        for located in records.actions where located.record.date == newest {
            entries.append(ExplanationEntry(location: located.location, key: located.record.id, date: newest,
                                            reason: "\(ExplanationWording.action(located.record)) · 本年最新的决定日期",
                                            contribution: .none))
        }
        return (entries, .statement(source: "配置文件未设 as_of，取本年记录中最新的决定性日期 \(newest)，即所列记录的日期"), [])
    }

    // MARK: Year over year

    private static func yearOverYear(_ id: String, _ part: FigureRule.YearOverYearPart, in result: RunResult) -> Evaluation {
        let source = result.configuration.previousYear?.source ?? "—"
        let previous = result.configuration.previousYear?.figures[id]?.description ?? "—（上年无此数值）"
        let current = result.figures[id]?.description ?? "—"
        let statement: String
        switch part {
        case .previous:
            statement = "上年的 return.json（\(source)）中 \(id) 为 \(previous)"
        case .change:
            statement = "本年 \(id) \(current) − 上年 \(previous)（\(source)）"
        case .changePercent:
            statement = "（本年 \(id) \(current) − 上年 \(previous)）÷ 上年 \(previous)（\(source)）；上年为 0 时为空"
        }
        return ([], .statement(source: statement), [])
    }
}
