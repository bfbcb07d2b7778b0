import Testing
@testable import AnnualReturn

/// Every renderer's output on the small district, byte for byte. Re-record with
/// `UPDATE_GOLDEN=1 make test` after an intended change, and read the diff before committing.
struct GoldenOutputTests {
    @Test(arguments: ["figures.json", "return.json", "return.md", "return.csv", "data-report.md", "rejects.csv"])
    func outputMatchesGoldenFile(_ name: String) throws {
        let result = try runSmallFixture()
        let files = try ReturnWriter.render(result)
        let bytes = try #require(files.first { $0.name == name }?.bytes)
        let difference = try goldenDifference(bytes, golden: "small/\(name)")
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let first = try ReturnWriter.render(try runSmallFixture())
        let second = try ReturnWriter.render(try runSmallFixture())
        #expect(first.map(\.bytes) == second.map(\.bytes))
    }
}
