extension RunResult {
    /// One line for the operator: files, rows read and what became of them, warnings.
    public var summaryLine: String {
        let read = accounts.reduce(0) { $0 + $1.read }
        let accepted = accounts.reduce(0) { $0 + $1.accepted }
        let duplicates = accounts.reduce(0) { $0 + $1.duplicates }
        let conflicts = accounts.reduce(0) { $0 + $1.conflicts }
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        return "\(accounts.count) files, \(read) rows read: \(accepted) accepted, \(rejectedRows) rejected, "
            + "\(duplicates) duplicates (\(conflicts) conflicts replaced by newer exports); \(warnings) warnings"
    }

    /// The errors (rejected rows) in file order.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}
