import Foundation
import Testing
@testable import AnnualReturn

/// Rows are parsed and staged in pieces on several threads and booked in file order; every
/// output must be the same, byte for byte, whatever the number of threads and wherever the
/// files were cut — dedupe order, conflicts and problem lists included.
struct ParallelStagingTests {
    /// (threads, piece bytes): one thread with whole files first, the reference; then pieces so
    /// small that records, quoted newlines and multi-byte characters are cut everywhere.
    static let settings = [(1, ReportPipeline.defaultPieceBytes), (2, 1), (3, 7), (4, 64), (2, 1_000)]

    static func outputs(_ configuration: ReturnConfiguration, threads: Int, pieceBytes: Int) throws -> [String: [UInt8]] {
        let result = try ReportPipeline.run(configuration, threads: threads, pieceBytes: pieceBytes)
        return Dictionary(uniqueKeysWithValues: try ReturnWriter.render(result).map { ($0.name, $0.bytes) })
    }

    static func expectSameOutputs(_ configuration: ReturnConfiguration, _ label: String) throws {
        let (threads, pieceBytes) = settings[0]
        let reference = try outputs(configuration, threads: threads, pieceBytes: pieceBytes)
        #expect(reference.count >= 8)
        for (threads, pieceBytes) in settings.dropFirst() {
            let other = try outputs(configuration, threads: threads, pieceBytes: pieceBytes)
            #expect(other.keys.sorted() == reference.keys.sorted(), "\(label)")
            for (name, bytes) in reference.sorted(by: { $0.key < $1.key }) where other[name] != bytes {
                Issue.record("\(label): \(name) differs with \(threads) threads and \(pieceBytes)-byte pieces")
            }
        }
    }

    @Test func theHandCountedDistrict() throws {
        let configuration = try ConfigurationLoader.load(path: "\(fixturesFolder)/small/annual-return.yaml")
        try Self.expectSameOutputs(configuration, "small district")
    }

    /// The generated sample: GB18030 and BOM files, quoted newlines, summary rows, cumulative
    /// exports with duplicates and conflicts, rejected rows.
    @Test func theGeneratedSample() throws {
        let yaml = """
            bureau: 示例区应急管理局
            year: 2022
            lockdown_months: ["2022-03", "2022-10"]
            inputs:
              inspections: [\(GeneratedSample.inspections)]
              penalties: [\(GeneratedSample.junePenalties), \(GeneratedSample.decemberPenalties)]
              enforcement: [\(GeneratedSample.enforcement)]
            periods:
              case_review: {from: "2021-11-01", to: "2022-07-31"}
            columns:
              penalties: {处罚决定书日期: decision_date}
            output: out
            """
        let configuration = try ConfigurationLoader.parse(yaml: yaml, path: "c.yaml", baseFolder: GeneratedSample.folder())
        try Self.expectSameOutputs(configuration, "generated sample")
    }

    /// Every penalties file of the fuzzing corpus — broken quotes, bad bytes, missing columns,
    /// summary rows — read as one district's exports, in order.
    @Test func theFuzzCorpusAsOneDistrict() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/corpus").path
        // A UTF-16 file stops a run (it is not CSV), so it is left out.
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus)
            .filter { $0.hasSuffix(".csv") && !$0.hasPrefix("utf16") }.sorted()
        #expect(files.count > 20)
        let yaml = """
            bureau: 测试区应急管理局
            year: 2022
            inputs:
              penalties: [\(files.map { "\"\($0)\"" }.joined(separator: ", "))]
            output: out
            """
        let configuration = try ConfigurationLoader.parse(yaml: yaml, path: "c.yaml", baseFolder: corpus)
        try Self.expectSameOutputs(configuration, "fuzz corpus")
    }
}
