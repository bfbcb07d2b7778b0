import Foundation
import TestScratch
import Testing
@testable import AnnualReturn

/// Text from the exports and the configuration comes out inert in every output: no HTML runs,
/// no Markdown renders as a link, no spreadsheet cell starts a formula.
struct HostileInputTests {
    static let formula = "=HYPERLINK(\"http://x\",\"y\")"
    static let script = "<script>alert(1)</script>"

    /// A run whose bureau name, enterprise names and a conflicting party name are hostile.
    static func hostileRun() throws -> RunResult {
        let folder = try TestScratch.folder("hostile")
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let inspections = """
            检查编号,检查日期,检查方式,被检查单位
            JC-1,2022-05-01,日常检查,\(quoted(formula))
            JC-2,2022-05-02,日常检查,\(quoted(script)),extra
            JC-3,2022-05-03,日常检查,＝SUM(A1:A9)
            JC-4,2022-05-04,\(quoted(formula)),甲公司

            """
        let older = "案件编号,处罚决定日期,当事人,处罚种类,罚款金额(元)\nCF-1,2022-06-01,甲公司,罚款,100\n"
        let newer = "案件编号,处罚决定日期,当事人,处罚种类,罚款金额(元)\nCF-1,2022-06-01,\(quoted(formula)),罚款,100\nCF-2,2022-06-02,@cmd,罚款,-1\n"
        try Data(inspections.utf8).write(to: folder.appendingPathComponent("i.csv"))
        try Data(older.utf8).write(to: folder.appendingPathComponent("p1.csv"))
        try Data(newer.utf8).write(to: folder.appendingPathComponent("p2.csv"))
        let yaml = """
            bureau: "\(script)"
            year: 2022
            inputs:
              inspections: [i.csv]
              penalties: [p1.csv, p2.csv]
            output: out
            """
        let configuration = try ConfigurationLoader.parse(yaml: yaml, path: "c.yaml", baseFolder: folder.path)
        return try ReportPipeline.run(configuration)
    }

    static func output(_ name: String) throws -> String {
        let files = try ReturnWriter.render(try hostileRun())
        let bytes = try #require(files.first { $0.name == name }?.bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func theHostileTextReallyReachesTheOutputs() throws {
        let result = try Self.hostileRun()
        #expect(result.configuration.bureau == Self.script)
        #expect(result.conflicts.first?.changes.first?.new == TextNormalizer.compact(Self.formula))
        #expect(result.diagnostics.contains { $0.raw.contains(Self.script) })
    }

    // report.md's escaping is tested in ReportTemplateTests; this run configures no template.
    @Test(arguments: ["return.md", "data-report.md"])
    func markdownCarriesNoRawHTML(_ name: String) throws {
        let text = try Self.output(name)
        #expect(!text.contains("<script"), "\(name)")
        #expect(text.contains("&lt;script&gt;"), "\(name)")
    }

    @Test(arguments: ["rejects.csv", "return.csv"])
    func noSpreadsheetCellStartsAFormula(_ name: String) throws {
        let files = try ReturnWriter.render(try Self.hostileRun())
        let bytes = try #require(files.first { $0.name == name }?.bytes)
        let path = try TestScratch.folder("formula").appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var cells: [String] = []
        try CSVFileReader.read(path: path, onDiagnostic: { Issue.record("\($0.formatted)") },
                               onRecord: { cells += $0.fields })
        let dangerous = cells.filter { cell in
            guard let first = cell.unicodeScalars.first else { return false }
            return "=+-@\t\r\n\u{FF1D}\u{FF0B}\u{FF0D}\u{FF20}".unicodeScalars.contains(first)
        }
        #expect(dangerous == [], "\(name)")
        if name == "rejects.csv" {
            // The unknown 检查方式 is quoted back as the raw value, neutralised.
            #expect(cells.contains("'" + Self.formula))
            #expect(cells.contains("'-1"))
        }
    }

    /// Markdown escaping, case by case: active characters get a backslash, HTML's become
    /// entities, each line break (CR LF included) one space, everything else is left alone.
    @Test(arguments: [
        ("甲化工有限公司", "甲化工有限公司"),
        ("", ""),
        ("a|b", "a\\|b"),
        ("[链接](http://x)", "\\[链接\\](http://x)"),
        ("*粗*_斜_`码`#~!", "\\*粗\\*\\_斜\\_\\`码\\`\\#\\~\\!"),
        ("\\", "\\\\"),
        ("<b>&amp;", "&lt;b&gt;&amp;amp;"),
        ("一\r\n二\n三\r四", "一 二 三 四"),
        ("\r\n\r\n", "  "),
        ("罚款：1,000.00元", "罚款：1,000.00元"),
    ])
    func markdownEscaping(text: String, escaped: String) {
        #expect(TextEscaping.markdown(text) == escaped)
    }
}
