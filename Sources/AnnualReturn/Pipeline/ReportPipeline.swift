/// The pipeline, stage by stage:
///
/// 1. ingest — each export file, streamed through the strict CSV reader;
/// 2. stage — each row to a typed record of the same grain, every value checked;
/// 3. dedupe — across cumulative exports, newest version winning;
/// 4. cross-check — 合计 rows against their file, enforcement actions against penalty cases;
/// 5. aggregate — the year and each named period;
/// 6. figures — the contract ids of figures.json.
///
/// Rendering and writing are separate steps (``ReturnWriter``), so a run can be checked
/// without touching the output folder.
public struct ReportPipeline {
    public let configuration: ReturnConfiguration

    private var accounts: [FileAccount] = []
    private var diagnostics: [Diagnostic] = []
    private var duplicates: [DuplicateEntry] = []
    private var conflicts: [ConflictEntry] = []
    private var inspections = DedupeTable<InspectionRecord>()
    private var penalties = DedupeTable<PenaltyRecord>()
    private var actions = DedupeTable<EnforcementRecord>()

    public init(configuration: ReturnConfiguration) {
        self.configuration = configuration
    }

    /// Runs every stage over the configured exports.
    /// - Parameter onFileStart: called before each export is read, with the file and its
    ///   0-based position among all the exports in reading order (dataset by dataset, older
    ///   first), for progress reports.
    /// - Throws: ``PipelineError`` when a file cannot be read or a file does not reconcile.
    public static func run(
        _ configuration: ReturnConfiguration,
        onFileStart: ((_ file: ReturnConfiguration.InputFile, _ position: Int) -> Void)? = nil
    ) throws(PipelineError) -> RunResult {
        var pipeline = ReportPipeline(configuration: configuration)
        return try pipeline.run(onFileStart: onFileStart)
    }

    private mutating func run(
        onFileStart: ((_ file: ReturnConfiguration.InputFile, _ position: Int) -> Void)?
    ) throws(PipelineError) -> RunResult {
        let lockdown = Set(configuration.lockdownMonths)
        var position = 0
        for dataset in Dataset.allCases {
            for (index, input) in (configuration.inputs[dataset] ?? []).enumerated() {
                onFileStart?(input, position)
                position += 1
                try read(input, dataset: dataset, fileIndex: index, lockdown: lockdown)
            }
        }
        for account in accounts where !account.reconciles {
            throw .reconciliationFailed(file: account.file, read: account.read, accepted: account.accepted,
                                        rejected: account.rejected, duplicates: account.duplicates)
        }
        checkSummaryTotals()
        checkCaseReferences()
        sortDiagnostics()

        let records = CountedRecords(inspections: inspections.sortedWinners, penalties: penalties.sortedWinners,
                                     actions: actions.sortedWinners)
        var aggregate = Aggregate(year: configuration.year, periods: configuration.periods)
        for located in records.inspections { aggregate.add(located.record) }
        for located in records.penalties { aggregate.add(located.record) }
        for located in records.actions { aggregate.add(located.record) }
        let figures = FigureBuilder(configuration: configuration, aggregate: aggregate, accounts: accounts).build()
        return RunResult(configuration: configuration, aggregate: aggregate, figures: figures,
                         accounts: accounts, diagnostics: diagnostics, duplicates: duplicates,
                         conflicts: conflicts, records: records)
    }

    // MARK: Stages 1–3: ingest, stage, dedupe

    private mutating func read(_ input: ReturnConfiguration.InputFile, dataset: Dataset, fileIndex: Int,
                               lockdown: Set<YearMonth>) throws(PipelineError) {
        var account = FileAccount(dataset: dataset, file: input.displayName)
        var stager: RecordStager?
        var isFirstRow = true
        var fileDiagnostics: [Diagnostic] = []
        var hasher = SHA256Hasher()
        let options = CSVReadOptions(encoding: configuration.encoding)
        let extra = configuration.columnMappings[dataset] ?? [:]
        let summary: CSVFileSummary
        do {
            summary = try CSVFileReader.read(
                path: input.path, displayName: input.displayName, options: options,
                onBytes: { hasher.update($0) },
                onDiagnostic: { diagnostic in
                    fileDiagnostics.append(diagnostic)
                    if isFirstRow {
                        isFirstRow = false  // the header itself is broken: no row can be mapped
                        account.unmapped = true
                    } else {
                        account.read += 1
                        account.rejected += 1
                    }
                },
                onRecord: { record in
                    if isFirstRow {
                        isFirstRow = false
                        switch HeaderMapping.build(dataset: dataset, header: record.fields, extra: extra) {
                        case .success(let mapping):
                            stager = RecordStager(mapping: mapping, file: input.displayName,
                                                  fileIndex: fileIndex, lockdownMonths: lockdown)
                        case .failure(let missing):
                            account.unmapped = true
                            fileDiagnostics.append(Diagnostic(
                                severity: .error, code: .missingColumn, file: input.displayName,
                                row: record.row, line: record.line, column: 0,
                                message: missing.message + "; every row of this file is rejected",
                                raw: record.fields.joined(separator: ",")))
                        }
                        return
                    }
                    guard let stager else {
                        account.read += 1
                        account.rejected += 1
                        return
                    }
                    stage(record, with: stager, into: &account, diagnostics: &fileDiagnostics)
                })
        } catch {
            throw .unreadableInput(error)
        }
        if account.unmapped && stager == nil && !fileDiagnostics.contains(where: { $0.code == .missingColumn }) {
            fileDiagnostics.insert(Diagnostic(
                severity: .error, code: .missingColumn, file: input.displayName, row: 1, line: 1, column: 0,
                message: "the header row could not be read, so no column can be found; every row of this file is rejected"),
                at: 0)
        }
        account.bytes = summary.bytes
        account.encoding = summary.encoding
        account.blankRows = summary.blankRows
        account.sha256 = hasher.finalizeHex()
        accounts.append(account)
        diagnostics.append(contentsOf: fileDiagnostics)
    }

    private mutating func stage(_ row: CSVRecord, with stager: RecordStager, into account: inout FileAccount,
                                diagnostics fileDiagnostics: inout [Diagnostic]) {
        switch stager.mapping.dataset {
        case .inspections:
            Self.settle(stager.inspection(row), stager: stager, row: row, key: \.id, table: &inspections,
                   account: &account, diagnostics: &fileDiagnostics,
                   duplicates: &duplicates, conflicts: &conflicts) { record, sums in
                sums["hazards_general", default: 0] += Int64(record.hazardsGeneral)
                sums["hazards_major", default: 0] += Int64(record.hazardsMajor)
                sums["hazards_rectified", default: 0] += Int64(record.hazardsRectified)
                sums["irregularities", default: 0] += Int64(record.irregularities)
            }
        case .penalties:
            Self.settle(stager.penalty(row), stager: stager, row: row, key: \.caseID, table: &penalties,
                   account: &account, diagnostics: &fileDiagnostics,
                   duplicates: &duplicates, conflicts: &conflicts) { record, sums in
                sums["fine_amount", default: 0] += record.fine.value
                sums["confiscation_amount", default: 0] += record.confiscation.value
            }
        case .enforcement:
            Self.settle(stager.enforcement(row), stager: stager, row: row, key: \.id, table: &actions,
                   account: &account, diagnostics: &fileDiagnostics,
                   duplicates: &duplicates, conflicts: &conflicts) { _, _ in }
        }
    }

    /// Books one staged row: summary, rejected, new, duplicate or conflict.
    private static func settle<Record>(
        _ outcome: RecordStager.Outcome<Record>, stager: RecordStager, row: CSVRecord,
        key: KeyPath<Record, String>, table: inout DedupeTable<Record>,
        account: inout FileAccount, diagnostics fileDiagnostics: inout [Diagnostic],
        duplicates: inout [DuplicateEntry], conflicts: inout [ConflictEntry],
        addSums: (Record, inout [String: Int64]) -> Void
    ) {
        switch outcome {
        case .summary(let summary):
            account.summaryRows.append(summary)
        case .rejected(let problems):
            account.read += 1
            account.rejected += 1
            fileDiagnostics.append(contentsOf: problems)
        case .record(let record, let warnings):
            account.read += 1
            fileDiagnostics.append(contentsOf: warnings)
            addSums(record, &account.sums)
            let location = stager.location(of: row)
            let recordKey = record[keyPath: key]
            switch table.insert(Located(record, at: location), key: recordKey) {
            case .new:
                account.accepted += 1
            case .duplicate(let original):
                account.duplicates += 1
                duplicates.append(DuplicateEntry(dataset: stager.mapping.dataset, key: recordKey,
                                                 location: location, original: original))
            case .conflict(let replaced):
                account.accepted += 1
                account.conflicts += 1
                conflicts.append(ConflictEntry(dataset: stager.mapping.dataset, key: recordKey,
                                               older: replaced.location, newer: location,
                                               changes: record.differences(from: replaced.record)))
            }
        }
    }

    // MARK: Stage 4: cross-checks

    /// Puts the cross-checks' warnings among the rest: by file in input order, then row and
    /// column; problems of one cell keep the order they were found in.
    private mutating func sortDiagnostics() {
        let fileOrder = Dictionary(accounts.enumerated().map { ($1.file, $0) }, uniquingKeysWith: { first, _ in first })
        diagnostics = diagnostics.enumerated().sorted { a, b in
            let left = (fileOrder[a.element.file] ?? Int.max, a.element.row, a.element.column, a.offset)
            let right = (fileOrder[b.element.file] ?? Int.max, b.element.row, b.element.column, b.offset)
            return left < right
        }.map(\.element)
    }

    /// A 合计 row's numbers must equal the sums of its file's valid rows.
    private mutating func checkSummaryTotals() {
        for account in accounts {
            for summary in account.summaryRows where summary.isGrandTotal {
                for (key, text) in summary.numbers.sorted(by: { $0.key < $1.key }) {
                    guard let column = account.dataset.columns.first(where: { $0.key == key }) else { continue }
                    let stated: Int64?
                    if column.kind == .amount, case .amount(let fen) = AmountParser.parse(text) {
                        stated = fen.value
                    } else if column.kind == .count {
                        stated = Int64(TextNormalizer.nfkc(text).trimmingWhitespace())
                    } else {
                        stated = nil
                    }
                    let actual = account.sums[key] ?? 0
                    guard let stated, stated != actual else { continue }
                    let show = { (value: Int64) in column.kind == .amount ? Fen(value).yuanString : String(value) }
                    diagnostics.append(Diagnostic(
                        severity: .warning, code: .summaryRow, file: account.file, row: summary.location.row,
                        line: summary.location.line, column: 0, field: column.header,
                        message: "the \(summary.label) row gives \(column.header) as \(show(stated)), but the file's valid rows sum to \(show(actual))",
                        raw: text))
                }
            }
        }
    }

    /// Every enforcement action that names a case should name one the penalty exports hold.
    private mutating func checkCaseReferences() {
        guard !(configuration.inputs[.penalties] ?? []).isEmpty else { return }
        for located in actions.sortedWinners {
            guard let caseID = located.record.caseID, penalties.winners[caseID] == nil else { continue }
            diagnostics.append(Diagnostic(
                severity: .warning, code: .unknownCaseReference, file: located.location.file,
                row: located.location.row, line: located.location.line, column: 0,
                field: CanonicalColumn.relatedCaseID.header,
                message: "the action names case \(caseID), which no penalty export holds",
                raw: caseID))
        }
    }
}
