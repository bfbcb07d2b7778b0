import CSVIngest

/// Every diagnostic, duplicate and conflict of a run as one list, worded and ordered as
/// rejects.csv and the workbook's data-problems sheet show them: by file in reading order, row
/// and column; at one place diagnostics first, then duplicates, then conflicts.
///
/// The pipeline keeps diagnostics and duplicates in that order already (``ProblemLog``), so the
/// list is a merge of three ordered lists read as it goes, never sorted or held whole.
enum ProblemListing {
    /// One line of the list: the fields of a rejects.csv record, numbers kept as numbers.
    struct Row {
        var file: String
        var row: Int
        var line: Int
        var column: Int
        var field: String
        var severity: String
        var code: String
        var message: String
        var raw: String

        /// The fields as text, in rejects.csv's column order.
        var texts: [String] {
            [file, String(row), String(line), String(column), field, severity, code, message, raw]
        }
    }

    /// The number of rows the list has.
    static func count(_ result: RunResult) -> Int {
        result.diagnostics.count + result.duplicates.count + result.conflicts.count
    }

    /// Calls `body` with each row in order, until it returns false.
    static func forEach<Failure: Error>(_ result: RunResult, _ body: (Row) throws(Failure) -> Bool) throws(Failure) {
        let fileOrder = Dictionary(result.accounts.enumerated().map { ($1.file, $0) }, uniquingKeysWith: { first, _ in first })
        func order(_ location: SourceLocation) -> ProblemOrder {
            ProblemOrder(file: fileOrder[location.file] ?? Int.max, row: location.row, column: 0)
        }
        var diagnostics = result.diagnostics.makeIterator()
        var duplicates = result.duplicates.makeIterator()
        // Conflicts are few and stay in memory: sorted here, ties in the order found.
        var conflicts = result.conflicts.enumerated()
            .sorted { (order($0.element.newer), $0.offset) < (order($1.element.newer), $1.offset) }
            .map(\.element)[...]
        var nextDiagnostic = diagnostics.next()
        var nextDuplicate = duplicates.next()
        while true {
            // The first of the three heads; among equals the earlier list.
            let diagnosticOrder = nextDiagnostic.map {
                ProblemOrder(file: fileOrder[$0.file] ?? Int.max, row: $0.row, column: $0.column)
            }
            let duplicateOrder = nextDuplicate.map { order($0.location) }
            let conflictOrder = conflicts.first.map { order($0.newer) }
            let row: Row
            if let diagnostic = nextDiagnostic, let diagnosticOrder,
               duplicateOrder.map({ diagnosticOrder <= $0 }) ?? true, conflictOrder.map({ diagnosticOrder <= $0 }) ?? true {
                row = Self.row(diagnostic)
                nextDiagnostic = diagnostics.next()
            } else if let duplicate = nextDuplicate, let duplicateOrder, conflictOrder.map({ duplicateOrder <= $0 }) ?? true {
                row = Self.row(duplicate)
                nextDuplicate = duplicates.next()
            } else if let conflict = conflicts.popFirst() {
                row = Self.row(conflict)
            } else {
                return
            }
            guard try body(row) else { return }
        }
    }

    private static func row(_ diagnostic: Diagnostic) -> Row {
        Row(file: diagnostic.file, row: diagnostic.row, line: diagnostic.line, column: diagnostic.column,
            field: diagnostic.field ?? "", severity: diagnostic.severity.rawValue, code: diagnostic.code.rawValue,
            message: diagnostic.message, raw: diagnostic.raw)
    }

    private static func row(_ duplicate: DuplicateEntry) -> Row {
        let location = duplicate.location
        return Row(file: location.file, row: location.row, line: location.line, column: 0,
                   field: duplicate.dataset.keyColumn.header, severity: "duplicate", code: DiagnosticCode.duplicate.rawValue,
                   message: "same content as \(duplicate.original); counted once", raw: duplicate.key)
    }

    private static func row(_ conflict: ConflictEntry) -> Row {
        let location = conflict.newer
        let changes = conflict.changes.map { "\($0.key): \($0.old) → \($0.new)" }.joined(separator: "; ")
        return Row(file: location.file, row: location.row, line: location.line, column: 0,
                   field: conflict.dataset.keyColumn.header, severity: "conflict", code: DiagnosticCode.conflict.rawValue,
                   message: "replaces the version at \(conflict.older) (the newer export wins); changed: \(changes)",
                   raw: conflict.key)
    }
}
