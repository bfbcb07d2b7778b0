/// Where a record came from: the export file and the row a user opens it at.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file as reports name it (relative to the configuration file).
    public var file: String
    /// The file's place in its dataset's `inputs` list: a higher index is a newer export.
    public var fileIndex: Int
    /// The row Excel or WPS shows (header = 1).
    public var row: Int
    /// The record's first physical line.
    public var line: Int

    public init(file: String, fileIndex: Int, row: Int, line: Int) {
        self.file = file
        self.fileIndex = fileIndex
        self.row = row
        self.line = line
    }

    public var description: String { "\(file):\(row)" }

    /// Older first: by file order in the inputs list, then by row.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.fileIndex, lhs.row) < (rhs.fileIndex, rhs.row)
    }
}
