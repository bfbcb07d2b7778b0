import CSVIngest

/// The problems of a run — diagnostics and duplicates — kept as they are booked, in the order
/// every listing shows them: by file (in reading order), row and column, ties in the order
/// found. They go into ``SpilledList``s, so a run with a million problems does not hold them
/// in memory.
///
/// Booking finds nearly every problem in that order already: files are read one after another
/// and rows in order; only a row's own problems come in the order they were checked, so each
/// row's are sorted by column when the next row starts. Problems found after the rows (a header
/// that could not be read, 合计 checks, unknown case numbers) are merged in at the end. Should
/// anything still come out of order (the same file listed twice), the list is sorted whole at
/// the end, as if nothing had been spilled.
struct ProblemLog {
    private var diagnostics = SpilledList<Diagnostic>()
    private var duplicates = SpilledList<DuplicateEntry>()
    /// Each file's place in reading order; a file read twice keeps its first place, as the
    /// listings' order does.
    private var fileOrder: [String: Int] = [:]
    /// The diagnostics of the row being booked, sorted by column when it ends.
    private var row: [Diagnostic] = []
    private var lastDiagnostic: ProblemOrder?
    private var diagnosticsInOrder = true
    private var lastDuplicate: ProblemOrder?
    private var duplicatesInOrder = true
    /// Diagnostics found once every row was booked.
    private var late: [Diagnostic] = []
    /// Whether a list came out of order and was sorted whole (read into memory) at the end.
    var wasSortedWhole: Bool { !diagnosticsInOrder || !duplicatesInOrder }

    /// `memoryLimit`: how many of each list are held in memory before it moves to a file.
    init(memoryLimit: Int = SpilledList<Diagnostic>.defaultMemoryLimit) {
        diagnostics = SpilledList(memoryLimit: memoryLimit)
        duplicates = SpilledList(memoryLimit: memoryLimit)
    }

    /// Notes that `file` is read next.
    mutating func startFile(_ file: String) {
        if fileOrder[file] == nil { fileOrder[file] = fileOrder.count }
    }

    /// A diagnostic of the row being booked or of a later one.
    mutating func add(_ diagnostic: Diagnostic) {
        if let current = row.first, current.file != diagnostic.file || current.row != diagnostic.row {
            endRow()
        }
        row.append(diagnostic)
    }

    /// A diagnostic found after all the rows were booked.
    mutating func addLate(_ diagnostic: Diagnostic) {
        late.append(diagnostic)
    }

    mutating func add(_ duplicate: DuplicateEntry) {
        let order = ProblemOrder(file: fileOrder[duplicate.location.file] ?? Int.max, row: duplicate.location.row, column: 0)
        if let lastDuplicate, order < lastDuplicate { duplicatesInOrder = false }
        lastDuplicate = order
        duplicates.append(duplicate)
    }

    private mutating func endRow() {
        // Stable: a row's problems in one column keep the order they were found in.
        for diagnostic in row.enumerated().sorted(by: { ($0.element.column, $0.offset) < ($1.element.column, $1.offset) }) {
            let order = order(of: diagnostic.element)
            if let lastDiagnostic, order < lastDiagnostic { diagnosticsInOrder = false }
            lastDiagnostic = order
            diagnostics.append(diagnostic.element)
        }
        row.removeAll(keepingCapacity: true)
    }

    private func order(of diagnostic: Diagnostic) -> ProblemOrder {
        ProblemOrder(file: fileOrder[diagnostic.file] ?? Int.max, row: diagnostic.row, column: diagnostic.column)
    }

    /// The diagnostics and duplicates in listing order, sealed for reading.
    /// - Throws: ``PipelineError/temporaryStorage(reason:)`` when a list could not be written
    ///   to its temporary file.
    mutating func finish() throws(PipelineError) -> (diagnostics: SpilledList<Diagnostic>, duplicates: SpilledList<DuplicateEntry>) {
        endRow()
        diagnostics.seal()
        duplicates.seal()
        for failure in [diagnostics.writeFailure, duplicates.writeFailure].compactMap({ $0 }) {
            throw .temporaryStorage(reason: failure)
        }
        let sortedDiagnostics = try inListingOrder(diagnostics, inOrder: diagnosticsInOrder, adding: late, by: order(of:))
        let sortedDuplicates = try inListingOrder(duplicates, inOrder: duplicatesInOrder, adding: []) { [fileOrder] in
            ProblemOrder(file: fileOrder[$0.location.file] ?? Int.max, row: $0.location.row, column: 0)
        }
        return (sortedDiagnostics, sortedDuplicates)
    }

    /// `list` with `more` merged in, in listing order; `list` itself when nothing needs to move.
    private func inListingOrder<Element: SpillCodable>(
        _ list: SpilledList<Element>, inOrder: Bool, adding more: [Element], by order: (Element) -> ProblemOrder
    ) throws(PipelineError) -> SpilledList<Element> {
        if inOrder && more.isEmpty { return list }
        let merged = SpilledList<Element>(memoryLimit: diagnostics.memoryLimit)
        func byOrder(_ elements: [Element]) -> [Element] {
            elements.enumerated().sorted { (order($0.element), $0.offset) < (order($1.element), $1.offset) }.map(\.element)
        }
        if inOrder {
            // Two ordered lists: one pass, the booked one first among equals (it was found first).
            var rest = byOrder(more)[...]
            for element in list {
                while let next = rest.first, order(next) < order(element) {
                    merged.append(next)
                    rest = rest.dropFirst()
                }
                merged.append(element)
            }
            merged.append(contentsOf: rest)
        } else {
            merged.append(contentsOf: byOrder(Array(list) + more))
        }
        merged.seal()
        if let failure = merged.writeFailure { throw .temporaryStorage(reason: failure) }
        return merged
    }
}

/// Where a problem is listed: its file's place in reading order, its row and its column.
struct ProblemOrder: Comparable {
    var file: Int
    var row: Int
    var column: Int

    static func < (lhs: ProblemOrder, rhs: ProblemOrder) -> Bool {
        (lhs.file, lhs.row, lhs.column) < (rhs.file, rhs.row, rhs.column)
    }
}
