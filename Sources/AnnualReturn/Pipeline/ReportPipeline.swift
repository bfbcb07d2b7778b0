import CSVIngest
import Glibc

/// The pipeline, stage by stage:
///
/// 1. ingest — each export file, cut into pieces at record boundaries and parsed by the
///    strict CSV reader on every processor;
/// 2. stage — each row to a typed record of the same grain, every value checked; each piece's
///    records counted into the piece's own aggregate (still in parallel);
/// 3. dedupe — the pieces booked in file order: across cumulative exports the newest version
///    wins; a duplicate is taken out of the counts again, and the older version a conflict
///    replaces is taken out after the last file;
/// 4. cross-check — 合计 rows against their file, enforcement actions against penalty cases;
/// 5. figures — the contract ids of figures.json.
///
/// Memory does not grow with the exports' size except for the key table (about 70 bytes a
/// key at its average fill), the distinct enterprises and the conflicts: no record is kept
/// once counted, unless a caller asks for them (`explain` does), only a few pieces per thread
/// are in flight, and past 20,000 the problems and duplicates wait in temporary files
/// (``ProblemLog``).
///
/// Rendering and writing are separate steps (``ReturnWriter``), so a run can be checked
/// without touching the output folder.
public struct ReportPipeline {
    public let configuration: ReturnConfiguration
    /// Whether to keep every counted record (``RunResult/records``), which `explain` lists.
    private let keepsRecords: Bool
    /// How many threads parse and stage rows.
    private let threads: Int
    /// About how many bytes of an export one thread takes at a time.
    private let pieceBytes: Int
    /// The last line a record may start on, and the last row (``KeyTable/maximumLine``;
    /// smaller in tests).
    private let maximumLine: Int

    private var accounts: [FileAccount] = []
    /// Every diagnostic and duplicate, in listing order, kept on disk when there are many.
    private var problems: ProblemLog
    private var conflicts: [ConflictEntry] = []
    private var aggregate: Aggregate
    private var keyTables: [Dataset: KeyTable] = [:]
    /// The keys the tables hold: none once a run has finished.
    var heldKeyCount: Int { keyTables.values.reduce(0) { $0 + $1.count } }
    /// The stager of every file that could be mapped, to stage again the older versions that
    /// conflicts replaced.
    private var stagers: [FileReference: RecordStager] = [:]
    /// The encoding each file was read in: a second read of it (see `takeOut`) need not decide
    /// again, which for GB18030 is a pass over the whole file.
    private var encodings: [FileReference: TextEncoding] = [:]
    /// Older versions replaced by newer ones, to take out of the aggregate at the end.
    private var replacedVersions: [ReplacedVersion] = []
    /// Actions naming a case no penalty export holds, by where the action was read; an action
    /// replaced by a newer version loses its warning.
    private var unknownCaseReferences: [FileReference: [Int: Diagnostic]] = [:]
    private var counted = CountedRecords()
    /// How penalty decisions' publication is judged; nil without a calendar.
    private var publicationRule: PublicationRule?
    /// How other decisions' publication is judged (20 working days); nil without a calendar.
    private var otherPublicationRule: PublicationRule?

    /// About how many bytes of an export a thread stages at a time: a piece's staged rows wait
    /// in memory until the pieces before it are booked, so pieces stay small.
    public static let defaultPieceBytes = 256 << 10

    /// The processors this process may run on: the default number of threads.
    public static var availableProcessors: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    public init(configuration: ReturnConfiguration, keepsRecords: Bool = false,
                threads: Int = availableProcessors, pieceBytes: Int = defaultPieceBytes) {
        self.init(configuration: configuration, keepsRecords: keepsRecords, threads: threads, pieceBytes: pieceBytes,
                  maximumLine: KeyTable.maximumLine)
    }

    /// With a lower last line than the key table's, or fewer problems held in memory before
    /// they go to a temporary file (for tests of the limits).
    init(configuration: ReturnConfiguration, keepsRecords: Bool = false,
         threads: Int = availableProcessors, pieceBytes: Int = defaultPieceBytes,
         maximumLine: Int = KeyTable.maximumLine,
         problemMemoryLimit: Int = SpilledList<Diagnostic>.defaultMemoryLimit) {
        self.configuration = configuration
        self.keepsRecords = keepsRecords
        self.threads = max(1, threads)
        self.pieceBytes = max(1, pieceBytes)
        self.maximumLine = min(maximumLine, KeyTable.maximumLine)
        aggregate = Aggregate(year: configuration.year, periods: configuration.periods)
        problems = ProblemLog(memoryLimit: problemMemoryLimit)
    }

    /// One input file: its dataset and its place in that dataset's inputs.
    struct FileReference: Hashable, Comparable {
        var dataset: Dataset
        var fileIndex: Int

        static func < (lhs: FileReference, rhs: FileReference) -> Bool {
            (Dataset.allCases.firstIndex(of: lhs.dataset)!, lhs.fileIndex)
                < (Dataset.allCases.firstIndex(of: rhs.dataset)!, rhs.fileIndex)
        }
    }

    /// One row of one input file.
    struct RowReference: Hashable {
        var file: FileReference
        var row: Int
    }

    /// A version a newer one replaced: where it was read, what its content was, and the
    /// conflict it belongs to.
    private struct ReplacedVersion {
        var file: FileReference
        var row: Int
        /// The line the row starts on: what the second read finds it by.
        var line: Int
        var fingerprint: RecordFingerprint
        var conflictIndex: Int
        /// The newer version's fields, to list what changed.
        var newerFields: [(key: String, value: String)]
    }

    /// Runs every stage over the configured exports.
    /// - Parameter keepsRecords: keep every counted record in ``RunResult/records`` (for
    ///   `explain`); otherwise records are counted and let go.
    /// - Parameter threads: how many threads parse and stage rows (all processors by default).
    ///   The result is the same, byte for byte, whatever the number.
    /// - Parameter pieceBytes: about how many bytes of an export a thread takes at a time.
    /// - Parameter onFileStart: called before each export is read, with the file and its
    ///   0-based position among all the exports in reading order (dataset by dataset, older
    ///   first), for progress reports.
    /// - Throws: ``PipelineError`` when a file cannot be read or changes during the run, the
    ///   working-day calendar lacks a year it needs, or a file does not reconcile.
    public static func run(
        _ configuration: ReturnConfiguration, keepsRecords: Bool = false,
        threads: Int = availableProcessors, pieceBytes: Int = defaultPieceBytes,
        onFileStart: ((_ file: ReturnConfiguration.InputFile, _ position: Int) -> Void)? = nil
    ) throws(PipelineError) -> RunResult {
        var pipeline = ReportPipeline(configuration: configuration, keepsRecords: keepsRecords,
                                      threads: threads, pieceBytes: pieceBytes)
        return try pipeline.run(onFileStart: onFileStart)
    }

    /// Runs every stage, as ``run(_:keepsRecords:threads:pieceBytes:onFileStart:)`` does.
    mutating func run(
        onFileStart: ((_ file: ReturnConfiguration.InputFile, _ position: Int) -> Void)? = nil
    ) throws(PipelineError) -> RunResult {
        let lockdown = Set(configuration.lockdownMonths)
        publicationRule = try Self.publicationRule(for: configuration)
        otherPublicationRule = publicationRule?.with(workingDays: PublicationRule.otherWorkingDays)
        var position = 0
        for dataset in Dataset.allCases {
            let inputs = configuration.inputs[dataset] ?? []
            if inputs.count > KeyTable.maximumFiles { throw .tooManyInputs(dataset: dataset, count: inputs.count) }
            for (index, input) in inputs.enumerated() {
                onFileStart?(input, position)
                position += 1
                let file = FileReference(dataset: dataset, fileIndex: index)
                switch dataset {
                case .inspections: try read(input, file, as: InspectionRecord.self, lockdown: lockdown)
                case .penalties: try read(input, file, as: PenaltyRecord.self, lockdown: lockdown)
                case .enforcement: try read(input, file, as: EnforcementRecord.self, lockdown: lockdown)
                case .licensing: try read(input, file, as: LicensingRecord.self, lockdown: lockdown)
                case .disputes: try read(input, file, as: DisputeRecord.self, lockdown: lockdown)
                case .caseReviews: try read(input, file, as: CaseFileReview.self, lockdown: lockdown)
                case .catalogue: try read(input, file, as: CatalogueItem.self, lockdown: lockdown)
                }
            }
            // A dataset's keys are looked up only while its own files are read — but the
            // penalties' also while the enforcement actions are, for the cases they name — so
            // each table goes once it is done with: the largest (the inspections', first) is
            // not held while the rest are read.
            if dataset != .penalties { keyTables[dataset] = nil }
            if dataset == .enforcement { keyTables[.penalties] = nil }
        }
        // Every key has been booked: the tables, the largest thing a run holds, go before the
        // figures and the outputs need their own memory (all have by now, unless the run had
        // penalties and no enforcement actions).
        keyTables = [:]
        // Their memory back to the system, not kept by the allocator for later: the outputs'
        // peak then does not stand on top of it.
        _ = releaseFreeMemory(0)
        for account in accounts where !account.reconciles {
            throw .reconciliationFailed(file: account.file, read: account.read, accepted: account.accepted,
                                        rejected: account.rejected, duplicates: account.duplicates)
        }
        try takeOutReplacedVersions()
        checkSummaryTotals()
        reportUnknownCaseReferences()
        let (diagnostics, duplicates) = try problems.finish()

        let figures = FigureBuilder(configuration: configuration, aggregate: aggregate, accounts: accounts).build()
        return RunResult(configuration: configuration, aggregate: aggregate, figures: figures,
                         accounts: accounts, diagnostics: diagnostics, duplicates: duplicates,
                         conflicts: conflicts, records: counted)
    }

    /// The publication rule, its calendar loaded for every year a counted decision or its
    /// deadline can fall in: the return's year and each period's, and the year after the last
    /// (a late-December decision is due in January). Nil without a calendar, or without
    /// penalty, licensing and enforcement exports.
    private static func publicationRule(for configuration: ReturnConfiguration) throws(PipelineError) -> PublicationRule? {
        let decided = [Dataset.penalties, .licensing, .enforcement].flatMap { configuration.inputs[$0] ?? [] }
        guard let folder = configuration.calendarFolder, !decided.isEmpty else {
            return nil
        }
        // 20 working days reach at most a month and a half into the next year.
        let years = [configuration.year] + configuration.periods.flatMap { [$0.from.year, $0.to.year] }
        var calendar = WorkingDayCalendar(folder: folder)
        do {
            try calendar.load(years: years.min()!...(years.max()! + 1))
        } catch {
            throw .calendar(error)
        }
        return PublicationRule(calendar: calendar, workingDays: PublicationRule.penaltyWorkingDays,
                               year: configuration.year)
    }

    // MARK: Stages 1–4: ingest, stage, dedupe, count

    /// Reads one export: pieces of it are parsed and staged on the worker threads, and booked
    /// here, in file order, as each piece is done.
    private mutating func read<Record: CountableRecord>(
        _ input: ReturnConfiguration.InputFile, _ file: FileReference, as: Record.Type, lockdown: Set<YearMonth>
    ) throws(PipelineError) {
        var account = FileAccount(dataset: file.dataset, file: input.displayName)
        var mapping: Result<HeaderMapping, HeaderMapping.MissingColumns>?
        var stager: RecordStager?
        var isFirstRow = true
        var reportedMissingColumns = false
        var pastTheLimit: PipelineError?
        problems.startFile(input.displayName)
        // The dataset's key table, out of the dictionary while its file is read: every row
        // looks it up, and a dictionary lookup hashes the dataset's name.
        var keys = keyTables.removeValue(forKey: file.dataset) ?? KeyTable()
        defer { keyTables[file.dataset] = keys }
        // The first export of a dataset sizes the key table from its first piece: its rows,
        // times the pieces the file holds. Sized ahead, the table ends three quarters full;
        // grown as keys came, it ended anywhere from half to three quarters full (half, for the
        // 1 GB sample's 4.3 million inspection keys: 80 MB more). A later export of the dataset
        // (mostly the same records again) grows it as it goes.
        let fileBytes = FileBytes.size(of: input.path)
        var sizesKeys = keys.count == 0 && fileBytes > 2 * pieceBytes
        let hasher = SHA256Hasher()
        let options = CSVReadOptions(encoding: configuration.encoding)
        let extra = configuration.columnMappings[file.dataset] ?? [:]
        let emptyAggregate = Aggregate(year: configuration.year, periods: configuration.periods)
        let summary: CSVFileSummary
        do {
            summary = try CSVFileReader.readInPieces(
                path: input.path, displayName: input.displayName, options: options,
                workers: threads, pieceBytes: pieceBytes,
                onBytes: { hasher.update($0) },
                makeSink: { header in
                    if mapping == nil, let header {
                        mapping = HeaderMapping.build(dataset: file.dataset, header: header, extra: extra)
                        if case .success(let built) = mapping {
                            stager = RecordStager(mapping: built, file: input.displayName,
                                                  fileIndex: file.fileIndex, lockdownMonths: lockdown,
                                                  publicationRule: publicationRule,
                                                  otherPublicationRule: otherPublicationRule)
                        }
                    }
                    return PieceStager<Record>(stager: stager, counts: emptyAggregate)
                },
                deliver: { piece, rowOffset in
                    if sizesKeys {
                        sizesKeys = false
                        let expected = Double(piece.events.count) * Double(fileBytes) / Double(pieceBytes)
                        keys.reserveCapacity(Int(expected * 1.02))
                    }
                    aggregate.merge(piece.counts)
                    account.sums.merge(piece.sums.byColumn(Record.summedColumns), uniquingKeysWith: +)
                    let keysAhead = piece.keys
                    for (index, event) in piece.events.enumerated() {
                        // The key table outgrows the cache on large inputs, and keys land at
                        // random in it: the slot of a row a few ahead is on its way meanwhile.
                        if index + TablePrefetch.distance < keysAhead.count {
                            keys.prefetch(keysAhead[index + TablePrefetch.distance])
                        }
                        switch event {
                        case .rejected(let diagnostic):
                            problems.add(diagnostic.shifted(byRows: rowOffset))
                            if isFirstRow {
                                isFirstRow = false  // the header itself is broken: no row can be mapped
                                account.unmapped = true
                            } else {
                                account.read += 1
                                account.rejected += 1
                            }
                        case .unstaged(let row, let line, let fields):
                            guard isFirstRow else {
                                account.read += 1
                                account.rejected += 1
                                continue
                            }
                            isFirstRow = false
                            account.unmapped = true
                            if case .failure(let missing) = mapping {
                                reportedMissingColumns = true
                                problems.add(Diagnostic(
                                    severity: .error, code: .missingColumn, file: input.displayName,
                                    row: row + rowOffset, line: line, column: 0,
                                    message: missing.message + "; every row of this file is rejected",
                                    raw: fields.joined(separator: ",")))
                            }
                        case .staged(let staged):
                            if isFirstRow {
                                isFirstRow = false  // the header, mapped; counted if it staged as a record
                                if case .record(let header, _) = staged.outcome {
                                    header.uncount(from: &aggregate)
                                    var headerSums = ColumnSums()
                                    header.addSums(to: &headerSums)
                                    account.sums.merge(headerSums.byColumn(Record.summedColumns)) { total, header in total - header }
                                }
                                continue
                            }
                            // A record past the last line or row the key table can note stops
                            // the run once the file is read; nothing after it is booked. Lines
                            // count line feeds only, and a bare carriage return ends a record
                            // too, so a row can be past its line.
                            guard pastTheLimit == nil else { continue }
                            if staged.line > maximumLine {
                                pastTheLimit = .tooManyLines(file: input.displayName, line: staged.line)
                                continue
                            }
                            if staged.row + rowOffset > maximumLine {
                                pastTheLimit = .tooManyRows(file: input.displayName, row: staged.row + rowOffset)
                                continue
                            }
                            settle(staged, rowOffset: rowOffset, in: file, account: &account, keys: &keys)
                        }
                    }
                })
        } catch {
            throw .unreadableInput(error)
        }
        if let pastTheLimit { throw pastTheLimit }
        if account.unmapped && stager == nil && !reportedMissingColumns {
            problems.addLate(Diagnostic(
                severity: .error, code: .missingColumn, file: input.displayName, row: 1, line: 1, column: 0,
                message: "the header row could not be read, so no column can be found; every row of this file is rejected"))
        }
        stagers[file] = stager
        encodings[file] = summary.encoding
        account.bytes = summary.bytes
        account.encoding = summary.encoding
        account.blankRows = summary.blankRows
        account.sha256 = hasher.finalizeHex()
        accounts.append(account)
    }

    /// Books one staged row, `rowOffset` rows into the file from where its piece counted it:
    /// summary, rejected, new, duplicate or conflict, against the key table of its dataset,
    /// `keys`. Its piece counted every record; a duplicate is taken out again here.
    private mutating func settle<Record: CountableRecord>(
        _ staged: StagedRow<Record>, rowOffset: Int, in file: FileReference, account: inout FileAccount,
        keys: inout KeyTable
    ) {
        let row = staged.row + rowOffset
        switch staged.outcome {
        case .summary(var summary):
            summary.location.row += rowOffset
            account.summaryRows.append(summary)
        case .rejected(let problems):
            account.read += 1
            account.rejected += 1
            for problem in problems { self.problems.add(problem.shifted(byRows: rowOffset)) }
        case .record(let record, let warnings):
            account.read += 1
            for warning in warnings { problems.add(warning.shifted(byRows: rowOffset)) }
            let location = SourceLocation(file: account.file, fileIndex: file.fileIndex, row: row, line: staged.line)
            let entry = KeyTable.Entry(fingerprint: staged.fingerprint, fileIndex: file.fileIndex,
                                       row: row, line: staged.line)
            switch keys.insert(staged.key, entry) {
            case .new:
                account.accepted += 1
                note(record, at: location, in: file)
            case .duplicate(let original):
                account.duplicates += 1
                record.uncount(from: &aggregate)
                problems.add(DuplicateEntry(dataset: file.dataset, key: record.dedupeKey, location: location,
                                            original: self.location(of: original, in: file.dataset)))
            case .conflict(let replaced):
                account.accepted += 1
                account.conflicts += 1
                replacedVersions.append(ReplacedVersion(
                    file: FileReference(dataset: file.dataset, fileIndex: replaced.fileIndex), row: replaced.row,
                    line: replaced.line, fingerprint: replaced.fingerprint, conflictIndex: conflicts.count, newerFields: record.fieldValues))
                conflicts.append(ConflictEntry(dataset: file.dataset, key: record.dedupeKey,
                                               older: self.location(of: replaced, in: file.dataset), newer: location,
                                               changes: []))
                note(record, at: location, in: file)
            }
        }
    }

    /// Notes an accepted record (its piece has counted it): keeps it when asked to, and notes an
    /// action naming an unknown case (every penalty export has been read by then: datasets are
    /// read in that order).
    private mutating func note<Record: CountableRecord>(_ record: Record, at location: SourceLocation,
                                                        in file: FileReference) {
        if keepsRecords { counted.append(record, at: location) }
        if let action = record as? EnforcementRecord, let caseID = action.caseID,
           !(configuration.inputs[.penalties] ?? []).isEmpty,
           !(keyTables[.penalties]?.contains(KeyDigest(caseID)) ?? false) {
            unknownCaseReferences[file, default: [:]][location.row] = Diagnostic(
                severity: .warning, code: .unknownCaseReference, file: location.file,
                row: location.row, line: location.line, column: 0,
                field: CanonicalColumn.relatedCaseID.header,
                message: "the action names case \(caseID), which no penalty export holds",
                raw: caseID)
        }
    }

    private func location(of entry: KeyTable.Entry, in dataset: Dataset) -> SourceLocation {
        let name = configuration.inputs[dataset]?[entry.fileIndex].displayName ?? ""
        return SourceLocation(file: name, fileIndex: entry.fileIndex, row: entry.row, line: entry.line)
    }

    /// Takes every version a newer export replaced out of the aggregate (and out of the kept
    /// records), and lists what changed in each conflict. The records were let go when they
    /// were counted, so the rows are staged again from their files — only files that hold a
    /// replaced version are read again, and of those only the lines the replaced versions start
    /// on (found by scanning for line feeds, not by parsing).
    private mutating func takeOutReplacedVersions() throws(PipelineError) {
        guard !replacedVersions.isEmpty else { return }
        let byFile = Dictionary(grouping: replacedVersions.indices) { replacedVersions[$0].file }
        var removedRows = Set<RowReference>()
        for file in byFile.keys.sorted() {
            let indices = byFile[file]!
            switch file.dataset {
            case .inspections: try takeOut(InspectionRecord.self, indices, from: file, removed: &removedRows)
            case .penalties: try takeOut(PenaltyRecord.self, indices, from: file, removed: &removedRows)
            case .enforcement: try takeOut(EnforcementRecord.self, indices, from: file, removed: &removedRows)
            case .licensing: try takeOut(LicensingRecord.self, indices, from: file, removed: &removedRows)
            case .disputes: try takeOut(DisputeRecord.self, indices, from: file, removed: &removedRows)
            case .caseReviews: try takeOut(CaseFileReview.self, indices, from: file, removed: &removedRows)
            case .catalogue: try takeOut(CatalogueItem.self, indices, from: file, removed: &removedRows)
            }
        }
        if keepsRecords { counted.removeAll { removedRows.contains(RowReference(file: $0, row: $1)) } }
    }

    private mutating func takeOut<Record: CountableRecord>(
        _: Record.Type, _ indices: [Int], from file: FileReference, removed: inout Set<RowReference>
    ) throws(PipelineError) {
        let input = configuration.inputs[file.dataset]![file.fileIndex]
        guard let stager = stagers[file] else {
            throw .inputChanged(file: input.displayName, row: replacedVersions[indices[0]].row)
        }
        let lines = Set(indices.map { replacedVersions[$0].line })
        let encoding: EncodingChoice = switch encodings[file] {
        case .gb18030?: .gb18030
        case .utf8?, .utf8WithBOM?: .utf8
        case .invalid?, nil: configuration.encoding
        }
        // Every record starting on a replaced version's line, staged (a line can start several).
        var staged: [Int: [Record]] = [:]
        do {
            for record in try CSVFileReader.records(
                startingOn: lines, path: input.path, displayName: input.displayName,
                options: CSVReadOptions(encoding: encoding)) {
                if case .record(let version, _) = Record.stage(record, with: stager) {
                    staged[record.line, default: []].append(version)
                }
            }
        } catch {
            throw .unreadableInput(error)
        }
        for index in indices {
            let version = replacedVersions[index]
            // The file must give back exactly the version first read; if it changed while the
            // run read it, the counts would mix two exports.
            guard let record = staged[version.line]?.first(where: { $0.fingerprint == version.fingerprint }) else {
                throw .inputChanged(file: input.displayName, row: version.row)
            }
            record.uncount(from: &aggregate)
            let olderFields = record.fieldValues
            conflicts[version.conflictIndex].changes = FieldChange.changes(from: olderFields, to: version.newerFields)
            unknownCaseReferences[file]?[version.row] = nil
            removed.insert(RowReference(file: file, row: version.row))
        }
    }

    // MARK: Stage 4: cross-checks

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
                    problems.addLate(Diagnostic(
                        severity: .warning, code: .summaryRow, file: account.file, row: summary.location.row,
                        line: summary.location.line, column: 0, field: column.header,
                        message: "the \(summary.label) row gives \(column.header) as \(show(stated)), but the file's valid rows sum to \(show(actual))",
                        raw: text))
                }
            }
        }
    }

    /// Every enforcement action that names a case should name one the penalty exports hold;
    /// the warnings of counted actions, in reading order.
    private mutating func reportUnknownCaseReferences() {
        for file in unknownCaseReferences.keys.sorted() {
            for (_, warning) in unknownCaseReferences[file]!.sorted(by: { $0.key < $1.key }) {
                problems.addLate(warning)
            }
        }
    }
}

/// glibc's `malloc_trim`: gives the allocator's free memory back to the system.
@_silgen_name("malloc_trim")
private func releaseFreeMemory(_ padding: Int) -> Int32
