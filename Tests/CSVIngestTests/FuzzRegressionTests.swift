import Foundation
import IngestInvariants
import Testing

/// The fuzz target's checks, run on every file in `Fuzz/regressions/` (inputs the fuzzer once
/// crashed on) and `Fuzz/corpus/` (its seeds): each must keep every promise of ingest and
/// staging. `make fuzz` says how a new crash becomes a regression file.
struct FuzzRegressionTests {
    /// The top-level `Fuzz/` folder of the package.
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    /// The names of the input files in `Fuzz/<folder>/`, sorted; hidden files are not inputs.
    static func inputs(in folder: String) -> [String] {
        let path = fuzzFolder.appendingPathComponent(folder).path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    static func bytes(of folder: String, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fuzzFolder.appendingPathComponent(folder).appendingPathComponent(name)))
    }

    /// Runs the checks on one file; the open bugs of ``KnownIssue`` are left to their own test.
    static func expectEveryPromiseKept(folder: String, name: String) throws {
        let checker = try InvariantChecker()
        let violations = checker.check(try bytes(of: folder, name))
            .filter { !KnownIssue.openInvariants.contains($0.invariant) }
        for violation in violations {
            Issue.record("Fuzz/\(folder)/\(name): \(violation)")
        }
    }

    @Test(arguments: inputs(in: "regressions"))
    func regressionKeepsEveryPromise(_ name: String) throws {
        try Self.expectEveryPromiseKept(folder: "regressions", name: name)
    }

    @Test(arguments: inputs(in: "corpus"))
    func seedKeepsEveryPromise(_ name: String) throws {
        try Self.expectEveryPromiseKept(folder: "corpus", name: name)
    }

    /// Each open bug still shows on its regression file. Once it is fixed this test fails
    /// ("known issue was not recorded"): remove its ``KnownIssue`` entry with the fix.
    @Test(arguments: KnownIssue.open)
    func knownIssueStillOpen(_ issue: KnownIssue) throws {
        let input = try Self.bytes(of: "regressions", issue.regression)
        let checker = try InvariantChecker()
        let violations = checker.check(input).filter { $0.invariant == issue.invariant }
        withKnownIssue(Comment(rawValue: issue.bug)) {
            #expect(violations.isEmpty, "\(violations)")
        }
    }

    /// Guards against a moved folder turning the tests above into tests of nothing.
    @Test func foldersHoldInputs() {
        #expect(!Self.inputs(in: "regressions").isEmpty)
        #expect(Self.inputs(in: "corpus").count >= 24)
    }

    /// A well-formed export breaks no promise: the checks themselves raise no false alarm.
    @Test func cleanFileKeepsEveryPromise() throws {
        let checker = try InvariantChecker()
        let text = "案件编号,处罚决定日期,处罚种类,罚款金额(元)\r\nAJ1,2022-03-05,罚款,\"1,000.00\"\r\n合计,,,1000\r\n"
        #expect(checker.check(Array(text.utf8)).isEmpty)
    }
}
