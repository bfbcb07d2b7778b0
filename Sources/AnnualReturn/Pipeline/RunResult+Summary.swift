extension RunResult {
    /// One line for the operator: files, rows read and what became of them, warnings.
    public var summaryLine: String { summaryLine(errorCount: errorCount) }

    /// `summaryLine`, given `errorCount` already counted (the lists may be on disk).
    public func summaryLine(errorCount: Int) -> String {
        let read = accounts.reduce(0) { $0 + $1.read }
        let accepted = accounts.reduce(0) { $0 + $1.accepted }
        let duplicates = accounts.reduce(0) { $0 + $1.duplicates }
        let conflicts = accounts.reduce(0) { $0 + $1.conflicts }
        let warnings = diagnostics.count - errorCount
        return "\(accounts.count) files, \(read) rows read: \(accepted) accepted, \(rejectedRows) rejected, "
            + "\(duplicates) duplicates (\(conflicts) conflicts replaced by newer exports); \(warnings) warnings"
    }

    /// How many diagnostics are errors (rejected rows), counted over the list as it is read.
    public var errorCount: Int {
        var count = 0
        for diagnostic in diagnostics where diagnostic.severity == .error { count += 1 }
        return count
    }

    /// The first `limit` errors (rejected rows) in file order, read without holding the rest.
    public func errors(first limit: Int) -> [Diagnostic] {
        var first: [Diagnostic] = []
        for diagnostic in diagnostics where diagnostic.severity == .error {
            guard first.count < limit else { break }
            first.append(diagnostic)
        }
        return first
    }
}
