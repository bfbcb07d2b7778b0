import Foundation
import Testing

/// `annual-return check`: every check of report, nothing written.
struct CheckCommandTests {
    @Test func reportsEveryErrorAndWritesNothing() throws {
        let folder = try BinaryRunner.copyOfSmallDistrict()
        let outcome = try BinaryRunner.run(["check", "--config", "annual-return.yaml"], in: folder)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.split(separator: "\n").count == 5)
        #expect(outcome.stderr.contains("exports/enforcement.csv:5:3: error[ambiguous-category]"))
        #expect(outcome.stdout.contains("5 rejected"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func warningsOnRequest() throws {
        let folder = try BinaryRunner.copyOfSmallDistrict()
        let outcome = try BinaryRunner.run(["check", "--config", "annual-return.yaml", "--warnings"], in: folder)
        #expect(outcome.stderr.split(separator: "\n").count == 18)
        #expect(outcome.stderr.contains("warning[lockdown-activity]"))
    }

    @Test func aTemplateNamingAnUnknownFigureExits64WithItsLine() throws {
        let folder = try BinaryRunner.copyOfSmallDistrict()
        try Data("第一行\n处罚{{penalties.casez}}件\n".utf8).write(to: folder.appendingPathComponent("t.md"))
        let config = try String(contentsOf: folder.appendingPathComponent("annual-return.yaml"), encoding: .utf8)
        try Data((config + "report_template: t.md\n").utf8).write(to: folder.appendingPathComponent("annual-return.yaml"))
        let outcome = try BinaryRunner.run(["check", "--config", "annual-return.yaml"], in: folder)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("t.md:2: the template names `penalties.casez`"))
    }
}
