import Foundation
@testable import AnnualReturn

/// The folder of this test target's fixtures.
let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures").path

let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Golden").path

/// Runs the pipeline over the hand-counted small district.
func runSmallFixture() throws -> RunResult {
    let configuration = try ConfigurationLoader.load(path: "\(fixturesFolder)/small/annual-return.yaml")
    return try ReportPipeline.run(configuration, keepsRecords: true)
}

/// Compares `bytes` with the golden file `name`; with UPDATE_GOLDEN=1 in the environment,
/// records it instead. Returns a readable first difference, or nil when equal.
func goldenDifference(_ bytes: [UInt8], golden name: String) throws -> String? {
    let path = "\(goldenFolder)/\(name)"
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return nil
    }
    guard let expected = FileManager.default.contents(atPath: path) else {
        return "no golden file \(name); run the tests with UPDATE_GOLDEN=1 to record it"
    }
    if Array(expected) == bytes { return nil }
    let actualLines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
    let expectedLines = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
    for index in 0..<max(actualLines.count, expectedLines.count) {
        let actual = index < actualLines.count ? actualLines[index] : "(end of file)"
        let wanted = index < expectedLines.count ? expectedLines[index] : "(end of file)"
        if actual != wanted {
            return "\(name) line \(index + 1):\n  expected: \(wanted)\n  actual:   \(actual)\n(re-record with UPDATE_GOLDEN=1 if the change is intended)"
        }
    }
    return "\(name) differs in line endings or trailing bytes"
}
