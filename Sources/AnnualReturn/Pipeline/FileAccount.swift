/// What became of every row of one export file. The reconciliation
/// `read == accepted + rejected + duplicates` is checked in code for every file.
public struct FileAccount: Sendable {
    public var dataset: Dataset
    /// The file as reports name it.
    public var file: String
    public var bytes = 0
    /// Hex SHA-256 of the file's bytes, so a figure can be traced to the exact export.
    public var sha256 = ""
    public var encoding: TextEncoding = .utf8
    /// Records read: every row that is not the header, a blank line or a summary row.
    public var read = 0
    public var accepted = 0
    public var rejected = 0
    public var duplicates = 0
    /// Accepted records that replaced an earlier version with different content.
    public var conflicts = 0
    public var blankRows = 0
    public var summaryRows: [SummaryRow] = []
    /// Sums of the numeric columns over the file's valid rows (accepted and duplicates), by
    /// key: fen for amounts, units for counts. A 合计 row is checked against them.
    public var sums: [String: Int64] = [:]
    /// True when the file could not be mapped (its header lacks a required column).
    public var unmapped = false

    public init(dataset: Dataset, file: String) {
        self.dataset = dataset
        self.file = file
    }

    /// True when every record read is accounted for exactly once.
    public var reconciles: Bool { read == accepted + rejected + duplicates }
}
