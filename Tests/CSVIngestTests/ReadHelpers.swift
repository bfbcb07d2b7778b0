import Foundation
import TestScratch
@testable import CSVIngest

/// What reading some bytes produced, in a form tests can compare.
struct ReadResult: Equatable {
    var records: [[String]] = []
    var rows: [Int] = []
    var lines: [Int] = []
    var diagnostics: [Diagnostic] = []
    var summary: CSVFileSummary?

    /// `code@row:column` for each diagnostic, the shape validation tests pin.
    var problems: [String] { diagnostics.map { "\($0.code)@\($0.row):\($0.column)" } }
}

/// Writes `bytes` to a fresh temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8], name: String = "input.csv") throws -> String {
    let url = try TestScratch.folder("read").appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

func read(path: String, options: CSVReadOptions = CSVReadOptions()) throws -> ReadResult {
    var result = ReadResult()
    result.summary = try CSVFileReader.read(
        path: path, displayName: "input.csv", options: options,
        onDiagnostic: { result.diagnostics.append($0) },
        onRecord: { record in
            result.records.append(record.fields)
            result.rows.append(record.row)
            result.lines.append(record.line)
        })
    return result
}

func read(_ text: String, options: CSVReadOptions = CSVReadOptions()) throws -> ReadResult {
    try read(bytes: Array(text.utf8), options: options)
}

func read(bytes: [UInt8], options: CSVReadOptions = CSVReadOptions()) throws -> ReadResult {
    try read(path: temporaryFile(bytes), options: options)
}

/// The path of a committed fixture file.
func fixturePath(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(name).path
}

func fixtureBytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: fixturePath(name))))
}
