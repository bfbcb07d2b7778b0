import Testing
@testable import AnnualReturn

/// The text and CSV forms of an explanation.
struct ExplainRenderingTests {
    @Test func textHasAHeaderOneLinePerEntryAndAFooter() throws {
        let result = try runSmallFixture()
        let explanation = try FigureExplainerTests.explain("penalties.mentions.fine", in: result)
        let lines = ExplanationTextRenderer.render(explanation).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        #expect(lines[0].hasPrefix("penalties.mentions.fine = 3  规则："))
        let entryLines = lines.filter { $0.hasPrefix("exports/") }
        #expect(entryLines.count == 3)
        #expect(entryLines[0] == "exports/penalties-old.csv:3  CF-002  2022-01-05  涉及 罚款（罚款）")
        #expect(lines[lines.count - 2] == "合计：3 件次 = penalties.mentions.fine 3（相符）")
    }

    @Test func textIndentsTheRecordsOfAnEnterprise() throws {
        let result = try runSmallFixture()
        let explanation = try FigureExplainerTests.explain("inspections.enterprises", in: result)
        let text = ExplanationTextRenderer.render(explanation)
        #expect(text.contains("\n91350100M000100Y43  甲化工有限公司 · 按统一社会信用代码识别，其中 1 条无代码记录按名称归入 · 2 条记录\n    exports/inspections.csv:2  JC-001  2022-01-10  "))
        #expect(text.contains("合计：4 家 = inspections.enterprises 4（相符）"))
    }

    @Test func csvIsUTF8WithABOMOneRowPerRecordAndATotal() throws {
        let result = try runSmallFixture()
        let explanation = try FigureExplainerTests.explain("penalties.fines_yuan", in: result)
        let bytes = ExplanationCSVRenderer.render(explanation)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
        #expect(rows.count == 1 + 3 + 1)
        #expect(rows[0].hasPrefix("\"指标 figure\",\"指标值 value\",\"序号 no\""))
        #expect(rows[1] == "\"penalties.fines_yuan\",\"23200.50\",\"1\",\"exports/penalties-old.csv\",\"3\",\"3\",\"CF-002\",\"2022-01-05\",\"\",\"罚款 200.00 元\",\"1\",\"\",\"200.00\"")
        #expect(rows[4].hasPrefix("\"penalties.fines_yuan\",\"23200.50\",\"合计\""))
        #expect(rows[4].hasSuffix(",\"3\",\"\",\"23200.50\""))
    }

    @Test func csvGivesAnEnterpriseItsQuantityOnce() throws {
        let result = try runSmallFixture()
        let explanation = try FigureExplainerTests.explain("inspections.enterprises", in: result)
        let rows = String(decoding: ExplanationCSVRenderer.render(explanation).dropFirst(3), as: UTF8.self)
            .split(separator: "\r\n").dropFirst().dropLast()
        // Six inspection records name four enterprises: the quantity column sums to four.
        #expect(rows.count == 6)
        #expect(rows.filter { $0.hasSuffix(",\"1\",\"\",\"\"") }.count == 4)
    }

    @Test func csvCellsThatWouldStartAFormulaAreMadeText() {
        let explanation = FigureExplanation(
            id: "penalties.cases", value: .integer(1), ruleChinese: "规则", ruleEnglish: "rule", unit: "件",
            entries: [ExplanationEntry(location: SourceLocation(file: "x.csv", fileIndex: 0, row: 2, line: 2),
                                       key: "=HYPERLINK(\"http://example.invalid\")", reason: "+1", contribution: .one)],
            total: .count(1))
        let text = String(decoding: ExplanationCSVRenderer.render(explanation).dropFirst(3), as: UTF8.self)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://example.invalid\"\")\""))
        #expect(text.contains("\"'+1\""))
    }

    @Test func anExplanationThatDoesNotAddUpSaysSo() {
        let explanation = FigureExplanation(
            id: "penalties.cases", value: .integer(2), ruleChinese: "规则", ruleEnglish: "rule", unit: "件",
            entries: [ExplanationEntry(key: "CF-1", reason: "", contribution: .one)], total: .count(1))
        #expect(!explanation.isConsistent)
        #expect(explanation.footer.contains("不符"))
    }

    @Test func textKeepsEachEntryOnOneLine() {
        let explanation = FigureExplanation(
            id: "records.inspections.rejected", value: .integer(1), ruleChinese: "规则", ruleEnglish: "rule", unit: "行",
            entries: [ExplanationEntry(location: SourceLocation(file: "x.csv", fileIndex: 0, row: 2, line: 2),
                                       key: "bad-date", reason: "备注「复查\n整改」", contribution: .one)],
            total: .count(1))
        let lines = ExplanationTextRenderer.render(explanation).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1] == "x.csv:2  bad-date  备注「复查 整改」")
    }
}
