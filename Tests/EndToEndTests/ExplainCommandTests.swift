import Foundation
import Testing

/// `annual-return explain` as an auditor runs it: entry lines, the footer, exit codes.
struct ExplainCommandTests {
    @Test func explainsAFigureWithOneLinePerRecordAndExitsZero() throws {
        let folder = try BinaryRunner.copyOfSmallDistrict()
        let outcome = try BinaryRunner.run(["explain", "--config", "annual-return.yaml", "penalties.by_type.fine"], in: folder)
        // The small district has rejected rows: they do not change explain's exit code.
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr == "")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("penalties.by_type.fine = 1  ") == true)
        let entries = lines.filter { $0.hasPrefix("exports/") }
        // CF-002 is in both exports with the same content: the first reading is the one counted.
        #expect(entries == ["exports/penalties-old.csv:3  CF-002  2022-01-05  最重处罚种类 罚款（罚款）"])
        #expect(lines.last == "合计：1 件 = penalties.by_type.fine 1（相符）")
        // Nothing is written: explain only reads.
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func entryLinesMatchTheFigure() throws {
        let folder = try BinaryRunner.copyOfSmallDistrict()
        let outcome = try BinaryRunner.run(["explain", "--config", "annual-return.yaml", "penalties.mentions.fine"], in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.split(separator: "\n").filter { $0.hasPrefix("exports/") }.count == 3)
    }

    @Test func csvFormatIsForSpreadsheets() throws {
        let folder = try BinaryRunner.copyOfSmallDistrict()
        let outcome = try BinaryRunner.run(["explain", "--config", "annual-return.yaml", "--format", "csv",
                                            "penalties.total_yuan"], in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("\u{FEFF}\"指标 figure\""))
        let rows = outcome.stdout.split(separator: "\r\n")
        #expect(rows.count == 1 + 3 + 1)
        #expect(rows.last?.hasSuffix(",\"3\",\"\",\"24900.50\"") == true)
    }

    @Test func unknownFigureExits64AndSuggestsCloseIDs() throws {
        let folder = try BinaryRunner.copyOfSmallDistrict()
        let outcome = try BinaryRunner.run(["explain", "--config", "annual-return.yaml", "penalties.by_type.fines"], in: folder)
        #expect(outcome.status == 64)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains("`penalties.by_type.fines` is no figure"))
        #expect(outcome.stderr.contains("did you mean: penalties.by_type.fine"))
    }

    @Test func missingConfigurationExits66() throws {
        let outcome = try BinaryRunner.run(["explain", "--config", "/nonexistent/annual-return.yaml", "penalties.cases"])
        #expect(outcome.status == 66)
        #expect(outcome.stderr.contains("/nonexistent/annual-return.yaml"))
    }

    @Test func badConfigurationExits64() throws {
        let folder = try BinaryRunner.temporaryFolder()
        try Data("bureau: x\nyear: 2022\ninputs: {}\nlockdown: []\n".utf8).write(to: folder.appendingPathComponent("c.yaml"))
        let outcome = try BinaryRunner.run(["explain", "--config", "c.yaml", "penalties.cases"], in: folder)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("lockdown"))
    }

    @Test func helpNamesTheUsageAndTheExitCodes() throws {
        let outcome = try BinaryRunner.run(["explain", "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("annual-return explain --config data/annual-return.yaml penalties.by_type.fine"))
        #expect(outcome.stdout.contains("do not change this command's exit code"))
    }
}
