import Foundation
import TestScratch
import Testing
@testable import AnnualReturn

/// The return compares its headline figures with last year's return.json.
struct YearOverYearTests {
    /// The small district's return for 2021 (only its November–December records count), as
    /// this tool writes it, then this year's run reading it as last year's.
    static func runWithLastYear() throws -> RunResult {
        var lastYear = try ConfigurationLoader.load(path: "\(fixturesFolder)/small/annual-return.yaml")
        lastYear.year = 2021
        lastYear.lockdownMonths = []
        let lastYearResult = try ReportPipeline.run(lastYear)
        let folder = try TestScratch.folder("yoy")
        let path = folder.appendingPathComponent("return.json").path
        let json = try #require(try ReturnWriter.render(lastYearResult).first { $0.name == "return.json" })
        try Data(json.bytes).write(to: URL(fileURLWithPath: path))

        var configuration = try ConfigurationLoader.load(path: "\(fixturesFolder)/small/annual-return.yaml")
        configuration.previousYear = try PreviousYear.load(path: path, source: "2021/return.json")
        return try ReportPipeline.run(configuration)
    }

    @Test(arguments: [
        // 2021 holds JC-006 (an inspection of 2021-12-01), CF-001 (1,000.00 yuan) and QZ-006.
        ("inspections.count.previous", FigureValue.integer(1)),
        ("inspections.count.change", .integer(5)),
        ("inspections.count.change_pct", .text("500.0")),
        ("penalties.cases.previous", .integer(1)),
        ("penalties.total_yuan.previous", .text("1000.00")),
        ("penalties.total_yuan.change", .text("23900.50")),
        ("penalties.total_yuan.change_pct", .text("2390.1")),
        ("patrols.count.previous", .integer(0)),
        ("patrols.count.change", .integer(2)),
        ("patrols.count.change_pct", .null),  // nothing last year: no percentage
        ("enforcement.measures.previous", .integer(1)),
        ("enforcement.measures.change_pct", .text("100.0")),
        ("meta.previous_year", .integer(2021)),
    ])
    func figuresGainLastYearsValueAndTheChange(id: String, expected: FigureValue) throws {
        let result = try Self.runWithLastYear()
        #expect(result.figures[id] == expected, "\(id)")
    }

    @Test func theReturnShowsTheComparisonTable() throws {
        let result = try Self.runWithLastYear()
        let document = ReturnBuilder(result: result).build()
        let table = try #require(document.tables.last)
        #expect(table.id == "year_over_year")
        #expect(table.rows.count == PreviousYear.headlineIDs.count)
        let inspections = try #require(table.rows.first)
        #expect(inspections.cells == [.count(6), .count(1), .count(5), .decimal("500.0")])
    }

    @Test func withoutLastYearThereAreNoComparisonIDs() throws {
        let result = try runSmallFixture()
        #expect(result.figures.ids.filter { $0.hasSuffix(".previous") || $0.hasSuffix(".change_pct") } == [])
        #expect(!ReturnBuilder(result: result).build().tables.contains { $0.id == "year_over_year" })
    }

    @Test func lastYearsReturnIsFoundBesideTheOutput() throws {
        let folder = try TestScratch.folder("yoy-auto")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out/2021"), withIntermediateDirectories: true)
        try Data("{\"year\": 2021, \"tables\": [{\"rows\": [{\"cells\": [{\"value\": 3, \"figure\": \"inspections.count\"}]}]}]}".utf8)
            .write(to: folder.appendingPathComponent("out/2021/return.json"))
        try Data("a\n".utf8).write(to: folder.appendingPathComponent("i.csv"))
        let yaml = "bureau: x\nyear: 2022\ninputs:\n  inspections: [i.csv]\noutput: out\n"
        let configuration = try ConfigurationLoader.parse(yaml: yaml, path: "c.yaml", baseFolder: folder.path)
        #expect(configuration.previousYear?.figures["inspections.count"] == .integer(3))
        #expect(configuration.previousYear?.source == "out/2021/return.json")
    }

    @Test func anUnreadableLastYearIsANoticeNotAFailure() throws {
        let folder = try TestScratch.folder("yoy-bad")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out/2021"), withIntermediateDirectories: true)
        try Data("not json".utf8).write(to: folder.appendingPathComponent("out/2021/return.json"))
        try Data("a\n".utf8).write(to: folder.appendingPathComponent("i.csv"))
        let yaml = "bureau: x\nyear: 2022\ninputs:\n  inspections: [i.csv]\noutput: out\n"
        let configuration = try ConfigurationLoader.parse(yaml: yaml, path: "c.yaml", baseFolder: folder.path)
        #expect(configuration.previousYear == nil)
        #expect(configuration.notices.count == 1)
    }

    @Test func finalFromTurnsTheReturnFinalOnThatDay() throws {
        let folder = try TestScratch.folder("final")
        try Data("a\n".utf8).write(to: folder.appendingPathComponent("i.csv"))
        let base = "bureau: x\nyear: 2022\ninputs:\n  inspections: [i.csv]\n"
        let past = try ConfigurationLoader.parse(yaml: base + "final_from: \"2000-01-01\"\n", path: "c.yaml", baseFolder: folder.path)
        let future = try ConfigurationLoader.parse(yaml: base + "final_from: \"2099-01-01\"\n", path: "c.yaml", baseFolder: folder.path)
        #expect(past.isFinal)
        #expect(!future.isFinal)
    }
}
