/// Which field of an export's rows holds which canonical column, worked out from the header.
///
/// A header matches a column after NFKC, trimming and (for English keys) case-folding, against
/// the configuration's own mapping first, then the column's English key, its Chinese header and
/// the other headers real exports use. Columns nobody maps to (序号, 备注) are ignored.
///
/// A class: every row's check holds the mapping, and a struct's maps and lists were retained
/// one by one at every row.
public final class HeaderMapping: Sendable {
    public let dataset: Dataset
    /// Canonical key → 0-based field index.
    public let fieldIndex: [String: Int]
    /// The header's own text, by field index, for naming fields in diagnostics.
    public let header: [String]
    /// `fieldIndex` by the keys' numbers (``CanonicalColumn/keyNumber``) in a small open-
    /// addressed table, for `fieldIndex(of:)`: a slot holds a number (0 when free) and a field.
    private let fieldSlots: [(keyNumber: UInt64, index: Int)]

    init(dataset: Dataset, fieldIndex: [String: Int], header: [String]) {
        self.dataset = dataset
        self.fieldIndex = fieldIndex
        self.header = header
        var slotCount = 16
        while slotCount < fieldIndex.count * 2 { slotCount *= 2 }
        var slots = Array(repeating: (keyNumber: UInt64(0), index: 0), count: slotCount)
        for (key, index) in fieldIndex {
            let number = CanonicalColumn.keyNumber(of: key)
            var slot = Int(truncatingIfNeeded: number) & (slotCount - 1)
            while slots[slot].keyNumber != 0 { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = (number, index)
        }
        fieldSlots = slots
    }

    /// The 0-based field of `column`, nil when the header has none: `fieldIndex[column.key]`
    /// found by the key's number, without reading the key. Staging asks for a dozen columns on
    /// every row; scanning the keys for it was 1.6 % of a run.
    func fieldIndex(of column: CanonicalColumn) -> Int? {
        let number = column.keyNumber
        let mask = fieldSlots.count - 1
        var slot = Int(truncatingIfNeeded: number) & mask
        while fieldSlots[slot].keyNumber != 0 {
            if fieldSlots[slot].keyNumber == number { return fieldSlots[slot].index }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Maps `header`; returns the required columns that no header field matched, if any.
    public static func build(dataset: Dataset, header: [String],
                             extra: [String: String]) -> Result<HeaderMapping, MissingColumns> {
        var byHeaderKey: [String: String] = [:]
        for column in dataset.columns {
            for name in [column.key, column.header] + column.otherHeaders {
                let key = TextNormalizer.headerKey(name)
                if byHeaderKey[key] == nil { byHeaderKey[key] = column.key }
            }
        }
        var fieldIndex: [String: Int] = [:]
        for (index, text) in header.enumerated() {
            let key = TextNormalizer.headerKey(text)
            guard let canonical = extra[key] ?? byHeaderKey[key] else { continue }
            if fieldIndex[canonical] == nil { fieldIndex[canonical] = index }
        }
        let missing = dataset.requiredColumns.filter { fieldIndex[$0.key] == nil }
        guard missing.isEmpty else { return .failure(MissingColumns(columns: missing, headersFound: header)) }
        return .success(HeaderMapping(dataset: dataset, fieldIndex: fieldIndex, header: header))
    }

    /// Required columns the header lacks, and what it has instead.
    public struct MissingColumns: Error, Sendable {
        public var columns: [CanonicalColumn]
        public var headersFound: [String]

        public var message: String {
            let wanted = columns.map { "\($0.key) (\($0.header))" }.joined(separator: ", ")
            let found = headersFound.map { "\"\($0)\"" }.joined(separator: ", ")
            return "the header has no column for \(wanted); the headers found are \(found); map one with `columns:` in the configuration"
        }
    }
}
