/// One accepted record of a CSV file: its fields as raw bytes, already checked to be valid
/// UTF-8 with no NUL byte and no field over the cap, and its place in the file.
///
/// Fields stay bytes until a caller asks for one: building a `String` per field costs more than
/// parsing it.
public struct CSVRecord: Sendable {
    /// The row Excel or WPS shows for this record (header = 1; blank lines take a row each).
    public let row: Int
    /// The first physical line of the record (1-based); differs from `row` after embedded newlines.
    public let line: Int
    /// The fields' bytes back to back.
    public let bytes: [UInt8]
    /// End offset in `bytes` of each field.
    public let fieldEnds: [Int]

    public init(row: Int, line: Int, bytes: [UInt8], fieldEnds: [Int]) {
        self.row = row
        self.line = line
        self.bytes = bytes
        self.fieldEnds = fieldEnds
    }

    /// Convenience for tests and small callers: a record from strings.
    public init(row: Int, line: Int, fields: [String]) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for field in fields {
            bytes.append(contentsOf: field.utf8)
            ends.append(bytes.count)
        }
        self.init(row: row, line: line, bytes: bytes, fieldEnds: ends)
    }

    /// The number of fields.
    public var count: Int { fieldEnds.count }

    /// The byte range of field `index` (0-based) in ``bytes``.
    public func range(ofField index: Int) -> Range<Int> {
        (index == 0 ? 0 : fieldEnds[index - 1])..<fieldEnds[index]
    }

    /// Field `index` (0-based) as a string, exactly as in the file.
    public subscript(index: Int) -> String {
        String(decoding: bytes[range(ofField: index)], as: UTF8.self)
    }

    /// All fields as strings.
    public var fields: [String] { (0..<count).map { self[$0] } }

    /// Calls `body` with the bytes of field `index` (0-based) without copying them.
    public func withBytes<R>(ofField index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let range = range(ofField: index)
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }
}

/// What reading one file amounted to. Counts include the header record.
public struct CSVFileSummary: Sendable, Equatable {
    /// The path as given.
    public var path: String
    /// Size of the file in bytes.
    public var bytes: Int = 0
    /// The encoding the file was read in.
    public var encoding: TextEncoding = .utf8
    /// Records read: `accepted + rejected`. Blank and delimiter-only lines are not records.
    public var records: Int = 0
    public var accepted: Int = 0
    public var rejected: Int = 0
    /// Blank lines and delimiter-only lines, each of which takes a row in Excel.
    public var blankRows: Int = 0
    /// Physical lines in the file.
    public var lines: Int = 0
    /// The header's fields, when the header record could be read.
    public var header: [String]?

    public init(path: String) { self.path = path }
}
