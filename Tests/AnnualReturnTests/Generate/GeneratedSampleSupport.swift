import Foundation
import TestScratch
import Testing
@testable import AnnualReturn

/// The sample exports generated once with the default options into a temporary folder and
/// shared by the generator tests (generating takes a fraction of a second, reading it again
/// for every test would not).
enum GeneratedSample {
    private static let generated: Result<(folder: String, reports: [SampleFileReport]), any Error> = Result {
        let folder = try newTemporaryFolder()
        let reports = try SampleExportGenerator.generate(into: folder, options: SampleExportOptions())
        return (folder, reports)
    }

    /// The folder holding the default sample.
    static func folder() throws -> String { try generated.get().folder }

    /// The generator's report of the default sample, one entry per file.
    static func reports() throws -> [SampleFileReport] { try generated.get().reports }

    static let inspections = "inspections.csv"
    static let junePenalties = "penalties-2022-06-30.csv"
    static let decemberPenalties = "penalties-2022-12-31.csv"
    static let enforcement = "enforcement.csv"

    /// One file of the default sample read through the ingest stage.
    static func table(_ name: String) throws -> SampleTable {
        try SampleTable(path: folder() + "/" + name)
    }

    /// The raw bytes of one file of the default sample.
    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: folder() + "/" + name)))
    }

    /// A fresh, empty temporary folder.
    static func newTemporaryFolder() throws -> String {
        try TestScratch.folder("generate").path
    }
}

/// A CSV file as the ingest stage reads it: header, accepted records and diagnostics.
struct SampleTable {
    let summary: CSVFileSummary
    let header: [String]
    /// Accepted records after the header, summary rows included.
    let records: [CSVRecord]
    let diagnostics: [Diagnostic]

    init(path: String) throws {
        var records: [CSVRecord] = []
        var diagnostics: [Diagnostic] = []
        summary = try CSVFileReader.read(
            path: path, onDiagnostic: { diagnostics.append($0) }, onRecord: { records.append($0) })
        header = records.first?.fields ?? []
        self.records = Array(records.dropFirst())
        self.diagnostics = diagnostics
    }

    /// The 0-based index of the column headed `name`.
    func column(_ name: String) throws -> Int {
        try #require(header.firstIndex(of: name), "no column \(name) in \(header)")
    }

    /// The records that are data, not summary rows (合计, 填表说明).
    var dataRecords: [CSVRecord] {
        records.filter { record in
            let first = record.fields.first { !$0.isEmpty } ?? ""
            return !(first.hasPrefix("合计") || first.hasPrefix("填表说明"))
        }
    }

    /// The values of column `name` in the data records.
    func values(_ name: String) throws -> [String] {
        let index = try column(name)
        return dataRecords.map { $0[index] }
    }
}
