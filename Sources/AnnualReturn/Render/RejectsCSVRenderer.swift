/// `rejects.csv`: every problem row (errors and warnings), every duplicate and every conflict,
/// one line each, UTF-8 with a byte order mark so Excel and WPS open it without garbling.
public enum RejectsCSVRenderer {
    static let header = ["文件 file", "行 row", "物理行 line", "列 column", "字段 field", "级别 severity",
                         "代码 code", "说明 message", "原始值 raw"]

    public static func render(_ result: RunResult) -> [UInt8] {
        ChunkedOutput<Never>.collect { emit in write(result, to: emit) }
    }

    /// The same bytes, handed to `emit` a chunk at a time, the list read as it is written
    /// (see ``ProblemListing``).
    static func write<Failure: Error>(_ result: RunResult, to emit: @escaping ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        var output = ChunkedOutput(emit: emit)
        var record: [UInt8] = [0xEF, 0xBB, 0xBF]
        CSVFieldWriter.appendRecord(header, to: &record)
        try output.append(contentsOf: record)
        try ProblemListing.forEach(result) { (row: ProblemListing.Row) throws(Failure) -> Bool in
            record.removeAll(keepingCapacity: true)
            CSVFieldWriter.appendRecord(row.texts.map(TextEscaping.spreadsheetCell), to: &record)
            try output.append(contentsOf: record)
            return true
        }
        try output.finish()
    }
}
