import Testing
@testable import AnnualReturn

/// The enforcement export: English headers, short names, 其他 with and without a class, and
/// case references.
struct EnforcementExportTests {
    let table: SampleTable

    init() throws {
        table = try GeneratedSample.table(GeneratedSample.enforcement)
    }

    @Test func headersAreTheEnglishCanonicalKeys() {
        #expect(table.header == ["action_id", "date", "kind", "class", "case_id", "party", "unit"])
    }

    @Test func kindsIncludeShortNamesAndTheTwoBareOthers() throws {
        let kinds = try table.values("kind")
        #expect(Set(kinds).isSuperset(of: ["查封", "扣押", "加处罚款"]))
        let kindColumn = try table.column("kind")
        let classColumn = try table.column("class")
        let others = table.dataRecords.filter { $0[kindColumn] == "其他" }.map { $0[classColumn] }
        #expect(others.sorted() == ["", "行政强制措施"])
        for kind in Set(kinds) where kind != "其他" {
            let known = Catalogue.lookup(.enforcementMeasure, kind).category ?? Catalogue.lookup(.enforcementExecution, kind).category
            #expect(known != nil, "\(kind)")
        }
    }

    @Test func exactlyOneEmptyDate() throws {
        #expect(try table.values("date").filter(\.isEmpty).count == 1)
    }

    @Test func mostActionsNameAnExistingCaseAndTwoNameNone() throws {
        let cases = Set(try GeneratedSample.table(GeneratedSample.junePenalties).values("案件编号")
            + GeneratedSample.table(GeneratedSample.decemberPenalties).values("案件编号"))
        let references = try table.values("case_id").filter { !$0.isEmpty }
        let unknown = references.filter { !cases.contains($0) }
        #expect(unknown.count == 2, "\(unknown)")
        #expect(references.count >= table.dataRecords.count * 3 / 4)
    }
}
