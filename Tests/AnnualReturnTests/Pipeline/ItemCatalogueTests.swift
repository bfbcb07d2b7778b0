import Foundation
import Testing
@testable import AnnualReturn

/// The enforcement item catalogue (综合行政执法事项清单), an optional input: undated, so every
/// item of the list counts, by class.
struct ItemCatalogueTests {
    static func run(_ rows: [String]?) throws -> RunResult {
        var files = [TemporaryDistrict.onePenalty]
        if let rows { files.append(.init(.catalogue, "items.csv", ["事项编码,事项名称,事项类别"] + rows)) }
        return try TemporaryDistrict.run(files)
    }

    @Test func itemsCountByClass() throws {
        let result = try Self.run([
            "SX-1,对未建立安全生产责任制的行政处罚,行政处罚",
            "SX-2,对未按规定培训的行政处罚,处罚",                 // short name
            "SX-3,对危险化学品单位的行政监督检查,行政检查",       // another name of the class
            "SX-4,查封危险物品作业场所,行政强制措施",
            "SX-5,加处罚款,行政强制执行",
            "SX-6,烟花爆竹经营许可,行政许可",
            "SX-7,不明事项,行政裁决",                             // unknown class: rejected
            "SX-8,,",                                             // empty class: rejected
            "SX-2,对未按规定培训的行政处罚,处罚",                 // a duplicate
            "SX-4,查封违法作业场所,行政强制措施",                 // a newer version: replaces
        ])
        let expected: [String: Int] = [
            "catalogue.items": 6, "catalogue.by_class.penalty": 2, "catalogue.by_class.inspection": 1,
            "catalogue.by_class.measure": 1, "catalogue.by_class.execution": 1, "catalogue.by_class.licensing": 1,
            "catalogue.by_class.other": 0,
            "records.catalogue.read": 10, "records.catalogue.accepted": 7, "records.catalogue.rejected": 2,
            "records.catalogue.duplicates": 1, "records.catalogue.conflicts": 1,
        ]
        for (id, value) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(result.figures[id] == .integer(value), "\(id)")
            #expect(try FigureExplainer.explain(id, in: result).get().isConsistent, "\(id)")
        }
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.row) == [8, 9])
        #expect(result.conflicts.first?.changes.map(\.key) == ["item_name"])
    }

    @Test func withoutTheCatalogueTheTableSaysSo() throws {
        let result = try Self.run(nil)
        #expect(result.figures["catalogue.items"] == .integer(0))
        let table = try #require(ReturnBuilder(result: result).build().tables.first { $0.id == "catalogue" })
        #expect(table.notes.contains { $0.contains("未提供综合行政执法事项清单") })
    }
}
