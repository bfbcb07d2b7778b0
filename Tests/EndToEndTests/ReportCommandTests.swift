import Foundation
import Testing

/// `annual-return report` as cron runs it: exit codes, outputs, stdout and stderr.
struct ReportCommandTests {
    /// A copy of the hand-counted small district in a fresh folder.
    static func smallDistrict() throws -> URL {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AnnualReturnTests/Fixtures/small")
        let folder = try BinaryRunner.temporaryFolder().appendingPathComponent("small")
        try FileManager.default.copyItem(at: source, to: folder)
        return folder
    }

    static let outputs = ["figures.json", "return.json", "return.md", "return.html", "return.csv", "return.xlsx",
                          "data-report.md", "rejects.csv"]

    @Test func rejectedRowsExit65AndTheReturnIsStillWritten() throws {
        let folder = try Self.smallDistrict()
        let outcome = try BinaryRunner.run(["report", "--config", "annual-return.yaml"], in: folder)
        #expect(outcome.status == 65)
        #expect(outcome.stdout.contains("29 rows read: 22 accepted, 5 rejected, 2 duplicates"))
        #expect(outcome.stderr.contains("exports/inspections.csv:8:2: error[bad-date]"))
        for name in Self.outputs {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/2022/\(name)").path), "\(name)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out/2022").path)
            .filter { $0.hasPrefix(".") }
        #expect(leftovers == [])
    }

    @Test func twoRunsWriteTheSameBytes() throws {
        let folder = try Self.smallDistrict()
        _ = try BinaryRunner.run(["report", "--config", "annual-return.yaml"], in: folder)
        let first = try Self.outputs.map { try Data(contentsOf: folder.appendingPathComponent("out/2022/\($0)")) }
        _ = try BinaryRunner.run(["report", "--config", "annual-return.yaml"], in: folder)
        let second = try Self.outputs.map { try Data(contentsOf: folder.appendingPathComponent("out/2022/\($0)")) }
        #expect(first == second)
    }

    @Test func cleanExportsExitZero() throws {
        let folder = try BinaryRunner.temporaryFolder()
        try Data("检查编号,检查日期,检查方式,被检查单位\nJC-1,2022-05-01,日常检查,甲公司\n".utf8)
            .write(to: folder.appendingPathComponent("inspections.csv"))
        try Data("bureau: 测试局\nyear: 2022\ninputs:\n  inspections: [inspections.csv]\noutput: out\n".utf8)
            .write(to: folder.appendingPathComponent("c.yaml"))
        let outcome = try BinaryRunner.run(["report", "--config", "c.yaml", "--final"], in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
        let figures = try String(contentsOf: folder.appendingPathComponent("out/2022/figures.json"), encoding: .utf8)
        #expect(figures.contains("\"inspections.count\": 1,"))
        #expect(figures.contains("\"meta.status\": \"final\","))
    }

    @Test(arguments: [
        ("bureau: x\nyear: 2022\ninputs:\n  inspections: [i.csv]\nlockdown: []\n", Int32(64), "unknown key `lockdown`"),
        ("bureau: x\nyear: 2022\ninputs:\n  inspections: [missing.csv]\n", Int32(66), "missing.csv"),
        ("bureau: x\nyear: 2022\ninputs:\n  inspections: [i.csv]\noutput: blocker\n", Int32(73), "cannot write"),
    ])
    func failuresExitWithTheirCode(config: String, status: Int32, message: String) throws {
        let folder = try BinaryRunner.temporaryFolder()
        try Data("检查编号,检查日期,检查方式\nJC-1,2022-05-01,日常检查\n".utf8).write(to: folder.appendingPathComponent("i.csv"))
        try Data("a file where the output folder should be\n".utf8).write(to: folder.appendingPathComponent("blocker"))
        try Data(config.utf8).write(to: folder.appendingPathComponent("c.yaml"))
        let outcome = try BinaryRunner.run(["report", "--config", "c.yaml"], in: folder)
        #expect(outcome.status == status)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }

    @Test func missingConfigurationFileExits66() throws {
        let outcome = try BinaryRunner.run(["report", "--config", "/nonexistent/annual-return.yaml"])
        #expect(outcome.status == 66)
        #expect(outcome.stderr.contains("/nonexistent/annual-return.yaml"))
    }
}
