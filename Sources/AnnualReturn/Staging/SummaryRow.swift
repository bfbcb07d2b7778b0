/// A row at the end of an export that sums or explains the others (合计, 小计, 总计, 说明,
/// 填表说明, 注). It is not a record; a 合计 row's numbers are checked against the file's rows.
public struct SummaryRow: Sendable {
    public var location: SourceLocation
    /// The word that marks it, e.g. 合计.
    public var label: String
    /// The raw value of each numeric canonical column the row fills, by key.
    public var numbers: [String: String]

    static let prefixes = ["填表说明", "合计", "小计", "总计", "说明", "注"]

    /// The summary label of `record`, when its first non-empty cell starts with one.
    ///
    /// This runs for every row, and almost every first cell is a serial number or a key, so the
    /// cells are looked at as bytes; only a cell outside the NFKC-stable text that
    /// `TextNormalizer.isKnownNFKC` admits is turned into a `String` and normalised.
    static func label(of record: CSVRecord) -> String? {
        for index in 0..<record.count {
            let range = record.range(ofField: index)
            switch record.bytes.withUnsafeBytes({ knownNFKCLabel(UnsafeRawBufferPointer(rebasing: $0[range])) }) {
            case .empty:
                continue
            case .label(let label):
                return label
            case .unknown:
                let cell = TextNormalizer.nfkc(record[index]).trimmingWhitespace()
                if cell.isEmpty { continue }
                return prefixes.first { cell.hasPrefix($0) }
            }
        }
        return nil
    }

    /// What the bytes of one cell say about a summary label.
    private enum CellLabel {
        /// Empty or whitespace only: look at the next cell.
        case empty
        /// The first non-empty cell; its label, nil when it starts with none.
        case label(String?)
        /// Not text known to be in NFKC: the cell must be normalised to tell.
        case unknown
    }

    /// The label of a cell already in NFKC, whose whitespace can only be ASCII. A byte prefix
    /// is a `Character` prefix here: none of the characters such a cell can hold joins the one
    /// before it into a grapheme cluster.
    private static func knownNFKCLabel(_ bytes: UnsafeRawBufferPointer) -> CellLabel {
        guard TextNormalizer.isKnownNFKC(utf8: bytes) else { return .unknown }
        let cell = TextNormalizer.trimmingASCIIWhitespace(bytes)
        if cell.isEmpty { return .empty }
        return .label(prefixBytes.first { cell.starts(with: $0.bytes) }?.label)
    }

    /// `prefixes` with their UTF-8, in the same order.
    private static let prefixBytes = prefixes.map { (label: $0, bytes: Array($0.utf8)) }

    /// True for rows whose numbers are totals to check (合计 and 总计, not 小计 or notes).
    var isGrandTotal: Bool { label == "合计" || label == "总计" }
}
