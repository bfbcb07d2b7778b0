import Foundation
import Testing
@testable import AnnualReturn

/// report.md: the shipped template over real figures, and the checks that keep a misspelt
/// figure out of a published report.
struct ReportTemplateTests {
    static var dataFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data").path
    }

    static func context(facts: [String: any Sendable] = [:]) throws -> ReportContext {
        let result = try runSmallFixture()
        return ReportContext(figures: result.figures, facts: facts, lockdownMonths: result.configuration.lockdownMonths,
                             asOf: result.asOf, isFinal: false, periods: result.configuration.periods)
    }

    /// The template and facts in data/ render over the hand-counted district, every name known.
    @Test func shippedTemplateRendersTheSmallDistrict() throws {
        var result = try runSmallFixture()
        result.configuration.reportTemplate = Self.dataFolder + "/report-template.md"
        result.configuration.factsFile = Self.dataFolder + "/facts.yaml"
        let report = try #require(try ReturnWriter.writtenReport(result))
        let text = String(decoding: report, as: UTF8.self)
        #expect(text.contains("本局共实施行政检查6家次，涉及生产经营单位4家"))
        #expect(text.contains("罚没金额合计2.49万元"))
        #expect(text.contains("3月、10月受疫情防控影响"))
        #expect(text.contains("评查区间为2021年11月1日至2022年7月31日，区间内本局作出行政处罚决定4件"))
        #expect(text.contains("法律顾问全年审查各类合同2份"))
        let difference = try goldenDifference(report, golden: "small/report.md")
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test(arguments: [
        ("检查{{inspections.count}}家次\n处罚{{penalties.casez}}件", "penalties.casez", 2),
        ("\n\n{{facts.catalogue.total}}", "facts.catalogue.total", 3),
        ("{{#words.has_lockdown}}\n{{words.lockdown_monthz}}{{/words.has_lockdown}}", "words.lockdown_monthz", 2),
        ("{{{meta.bureaux}}}", "meta.bureaux", 1),
        ("{{meta.year}}\n{{meta.year}} {{meta.year}}\n\n{{penalties.casez}}", "penalties.casez", 4),
        // A template saved on Windows: CR LF ends its lines too.
        ("检查{{inspections.count}}家次\r\n\r\n处罚{{penalties.casez}}件", "penalties.casez", 3),
    ])
    func unknownFigureNamesItAndItsLine(template: String, name: String, line: Int) throws {
        let context = try Self.context()
        #expect(throws: ReportTemplateError.unknownFigure(name: name, file: "t.md", line: line)) {
            try ReportTemplateRenderer.render(template: template, file: "t.md", context: context)
        }
    }

    @Test(arguments: [
        ("{{#facts.list}}x", "never closed"),
        ("{{/meta.year}}", "closes no open"),
        ("{{=<% %>=}}", "delimiters"),
        ("{{> other}}", "partials"),
        ("text {{meta.year", "never closed"),
    ])
    func malformedTemplatesSaySo(template: String, message: String) throws {
        let context = try Self.context(facts: ["list": [["name": "a"]] as [any Sendable]])
        #expect {
            try ReportTemplateRenderer.render(template: template, file: "t.md", context: context)
        } throws: { error in
            guard case ReportTemplateError.syntax(_, _, let text) = error else { return false }
            return text.contains(message)
        }
    }

    @Test func listsOfFactsIterateWithTheirItemNames() throws {
        let facts: [String: any Sendable] = ["documents": [["title": "管理办法", "result": "废止"],
                                                          ["title": "实施办法", "result": "继续有效"]] as [any Sendable]]
        let bytes = try ReportTemplateRenderer.render(
            template: "{{#facts.documents}}《{{title}}》{{result}}；{{/facts.documents}}", file: "t.md",
            context: try Self.context(facts: facts))
        #expect(String(decoding: bytes, as: UTF8.self) == "《管理办法》废止；《实施办法》继续有效；")
    }

    @Test func textFromInputIsEscapedForMarkdown() throws {
        var result = try runSmallFixture()
        result.figures["meta.bureau"] = .text("<script>alert(1)</script>*局*")
        let context = ReportContext(figures: result.figures, facts: ["note": "[链接](http://x)"], lockdownMonths: [],
                                    asOf: nil, isFinal: false)
        let bytes = try ReportTemplateRenderer.render(template: "{{meta.bureau}} {{facts.note}}", file: "t.md", context: context)
        #expect(String(decoding: bytes, as: UTF8.self) == "&lt;script&gt;alert(1)&lt;/script&gt;\\*局\\* \\[链接\\](http://x)")
    }
}
