/// One file the generator wrote.
public struct SampleFileReport: Sendable, Equatable {
    /// The file's path: the output folder as given, joined with the file name.
    public let path: String
    /// The records written, planted bad rows included; the header, summary rows (合计,
    /// 填表说明) and blank or delimiter-only lines are not counted. This is what the pipeline
    /// reports as `read` for the file.
    public let rows: Int

    /// A report of `rows` records written to `path`.
    public init(path: String, rows: Int) {
        self.path = path
        self.rows = rows
    }
}
