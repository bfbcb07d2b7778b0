import Foundation
import Glibc
import Testing

/// `annual-return report` as cron runs it: exit codes, outputs, stdout, stderr and logs.
struct ReportCommandTests {
    static let outputs = ["figures.json", "return.json", "return.md", "return.html", "return.csv", "return.xlsx",
                          "data-report.md", "rejects.csv"]

    /// True for a log line: ISO-8601 local time with milliseconds and offset, level, message.
    static func isLogLine(_ line: String) -> Bool {
        let pattern = #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d (trace|debug|info|notice|warning|error|critical) \S"#
        return line.contains(try! Regex(pattern))
    }

    /// The names in a folder, sorted; dot files included.
    static func names(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// Every file of a folder by name, with its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try names(in: folder) { files[name] = try Data(contentsOf: folder.appendingPathComponent(name)) }
        return files
    }

    @Test func rejectedRowsExit65AndTheReturnIsStillWritten() throws {
        let folder = try BinaryRunner.copyOfSmallDistrict()
        let outcome = try BinaryRunner.run(["report", "--config", "annual-return.yaml"], in: folder)
        #expect(outcome.status == 65)
        #expect(outcome.stdout.contains("29 rows read: 22 accepted, 5 rejected, 2 duplicates"))
        #expect(outcome.stderr.contains("exports/inspections.csv:8:2: error[bad-date]"))
        #expect(outcome.stderr.split(separator: "\n").contains { $0.hasPrefix("exports/inspections.csv:8:2: error[bad-date]: ") },
                "problem lines keep their own form: \(outcome.stderr)")
        for name in Self.outputs {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/2022/\(name)").path), "\(name)")
        }
        let leftovers = try Self.names(in: folder.appendingPathComponent("out/2022")).filter { $0.hasPrefix(".") }
        #expect(leftovers == [])
        // The output folder holds the lock file and the year: no temporary folder, no previous.
        #expect(try Self.names(in: folder.appendingPathComponent("out")) == [".annual-return.lock", "2022"])
    }

    @Test func twoRunsWriteTheSameBytes() throws {
        let folder = try BinaryRunner.copyOfSmallDistrict()
        _ = try BinaryRunner.run(["report", "--config", "annual-return.yaml"], in: folder)
        let first = try Self.snapshot(folder.appendingPathComponent("out/2022"))
        _ = try BinaryRunner.run(["report", "--config", "annual-return.yaml"], in: folder)
        let second = try Self.snapshot(folder.appendingPathComponent("out/2022"))
        #expect(Set(first.keys).isSuperset(of: Self.outputs))
        #expect(first == second)
    }

    @Test func anyNumberOfThreadsWritesTheSameBytes() throws {
        let folder = try BinaryRunner.copyOfSmallDistrict()
        _ = try BinaryRunner.run(["report", "--config", "annual-return.yaml", "--threads", "1"], in: folder)
        let one = try Self.snapshot(folder.appendingPathComponent("out/2022"))
        _ = try BinaryRunner.run(["report", "--config", "annual-return.yaml", "--threads", "5"], in: folder)
        #expect(try Self.snapshot(folder.appendingPathComponent("out/2022")) == one)
        let refused = try BinaryRunner.run(["report", "--config", "annual-return.yaml", "--threads", "0"], in: folder)
        #expect(refused.status == 64)
    }

    @Test func thePreviousOutputsAreKeptBesideTheYear() throws {
        let folder = try BinaryRunner.copyOfSmallDistrict()
        let out = folder.appendingPathComponent("out")
        _ = try BinaryRunner.run(["report", "--config", "annual-return.yaml"], in: folder)
        let provisional = try Self.snapshot(out.appendingPathComponent("2022"))

        #expect(try BinaryRunner.run(["report", "--config", "annual-return.yaml", "--final"], in: folder).status == 65)
        let final = try Self.snapshot(out.appendingPathComponent("2022"))
        #expect(final != provisional)
        #expect(try Self.snapshot(out.appendingPathComponent("2022.previous")) == provisional)
        #expect(String(decoding: final["figures.json"] ?? Data(), as: UTF8.self).contains("\"meta.status\": \"final\","))

        // A third run replaces the older previous outputs with the ones it replaces.
        #expect(try BinaryRunner.run(["report", "--config", "annual-return.yaml"], in: folder).status == 65)
        #expect(try Self.snapshot(out.appendingPathComponent("2022")) == provisional)
        #expect(try Self.snapshot(out.appendingPathComponent("2022.previous")) == final)
        #expect(try Self.names(in: out) == [".annual-return.lock", "2022", "2022.previous"])
    }

    @Test func cleanExportsExitZero() throws {
        let folder = try BinaryRunner.temporaryFolder()
        try Data("检查编号,检查日期,检查方式,被检查单位\nJC-1,2022-05-01,日常检查,甲公司\n".utf8)
            .write(to: folder.appendingPathComponent("inspections.csv"))
        try Data("bureau: 测试局\nyear: 2022\ninputs:\n  inspections: [inspections.csv]\noutput: out\n".utf8)
            .write(to: folder.appendingPathComponent("c.yaml"))
        let outcome = try BinaryRunner.run(["report", "--config", "c.yaml", "--final"], in: folder)
        #expect(outcome.status == 0)
        // Without --quiet, stderr holds log lines only, none above info: nothing went wrong.
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(Self.isLogLine(line) && line.contains(" info "), "\(line)")
        }
        let figures = try String(contentsOf: folder.appendingPathComponent("out/2022/figures.json"), encoding: .utf8)
        #expect(figures.contains("\"inspections.count\": 1,"))
        #expect(figures.contains("\"meta.status\": \"final\","))

        // With --quiet, as cron runs it, a clean run says nothing on stderr, so no mail.
        let quiet = try BinaryRunner.run(["report", "--config", "c.yaml", "--final", "--quiet"], in: folder)
        #expect(quiet.status == 0)
        #expect(quiet.stderr == "")
        #expect(quiet.stdout.split(separator: "\n").count == 2)
    }

    @Test func quietKeepsTheSummaryAndTheProblemsButNoInfoLines() throws {
        let folder = try BinaryRunner.copyOfSmallDistrict()
        let outcome = try BinaryRunner.run(["report", "--config", "annual-return.yaml", "--quiet"], in: folder)
        #expect(outcome.status == 65)
        let summary = outcome.stdout.split(separator: "\n")
        #expect(summary.count == 2)
        #expect(summary.first?.contains("29 rows read: 22 accepted, 5 rejected, 2 duplicates") == true)
        #expect(outcome.stderr.contains("exports/inspections.csv:8:2: error[bad-date]"))
        for line in outcome.stderr.split(separator: "\n").map(String.init) where Self.isLogLine(line) {
            #expect(!line.contains(" info "), "\(line)")
        }
    }

    @Test func theLogFileGetsTimestampedLinesAppended() throws {
        let folder = try BinaryRunner.copyOfSmallDistrict()
        let logFile = folder.appendingPathComponent("logs/report.log")
        try FileManager.default.createDirectory(at: logFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let arguments = ["report", "--config", "annual-return.yaml", "--quiet", "--log-file", "logs/report.log"]
        #expect(try BinaryRunner.run(arguments, in: folder).status == 65)
        let first = try String(contentsOf: logFile, encoding: .utf8)
        let lines = first.split(separator: "\n").map(String.init)
        #expect(!first.contains("\r"))
        for line in lines { #expect(Self.isLogLine(line), "\(line)") }
        // --quiet quietens stderr only: the log file tells the whole run.
        #expect(lines.contains { $0.contains(" info report 2022 from annual-return.yaml") })
        #expect(lines.contains { $0.contains(" info read exports/inspections.csv: ") })
        #expect(lines.contains { $0.contains(" info published out/2022/") })
        // The stdout summary is in the log file too, for a cron line that sends stdout nowhere.
        #expect(lines.contains { $0.contains(" info annual-return: 4 files, 29 rows read: 22 accepted, 5 rejected, 2 duplicates") })
        #expect(lines.contains { $0.contains(" error exports/inspections.csv:8:2: error[bad-date]") })
        #expect(lines.last?.contains(" warning finished in ") == true && lines.last?.hasSuffix(": exit 65") == true)

        #expect(try BinaryRunner.run(arguments, in: folder).status == 65)
        let second = try String(contentsOf: logFile, encoding: .utf8)
        #expect(second.hasPrefix(first))
        #expect(second.split(separator: "\n").count == 2 * lines.count)
    }

    @Test func aRunFindingTheLockHeldExits75AndTouchesNothing() throws {
        let folder = try BinaryRunner.copyOfSmallDistrict()
        let out = folder.appendingPathComponent("out")
        #expect(try BinaryRunner.run(["report", "--config", "annual-return.yaml"], in: folder).status == 65)
        // What a killed run would leave: a stale temporary folder. A run without the lock must
        // not clean it up, since it might belong to the run holding the lock.
        let stale = out.appendingPathComponent(".2022.tmp-4194304")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: false)
        try Data("{\"half\": ".utf8).write(to: stale.appendingPathComponent("figures.json"))
        let before = try Self.names(in: out)
        let published = try Self.snapshot(out.appendingPathComponent("2022"))

        let lockFile = out.appendingPathComponent(".annual-return.lock").path
        let descriptor = open(lockFile, O_RDWR)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)

        let started = Date()
        let outcome = try BinaryRunner.run(["report", "--config", "annual-return.yaml", "--final"], in: folder)
        #expect(outcome.status == 75)
        #expect(Date().timeIntervalSince(started) < 5, "it exits at once, without waiting for the lock")
        #expect(outcome.stdout == "")
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("out/.annual-return.lock") && outcome.stderr.contains("another run"), "\(outcome.stderr)")
        #expect(try Self.names(in: out) == before)
        #expect(try Self.snapshot(out.appendingPathComponent("2022")) == published)
        #expect(try Self.snapshot(stale) == ["figures.json": Data("{\"half\": ".utf8)])
    }

    @Test func aRunKilledBetweenItsRenamesIsRepairedByTheNext() throws {
        let folder = try BinaryRunner.copyOfSmallDistrict()
        let out = folder.appendingPathComponent("out")
        #expect(try BinaryRunner.run(["report", "--config", "annual-return.yaml"], in: folder).status == 65)
        let published = try Self.snapshot(out.appendingPathComponent("2022"))
        // The state a kill between the two renames leaves: no year, the old outputs complete in
        // previous, and the new ones complete in a temporary folder that no run owns any more.
        try FileManager.default.moveItem(at: out.appendingPathComponent("2022"), to: out.appendingPathComponent("2022.previous"))
        try FileManager.default.copyItem(at: out.appendingPathComponent("2022.previous"), to: out.appendingPathComponent(".2022.tmp-4194304"))

        let outcome = try BinaryRunner.run(["report", "--config", "annual-return.yaml", "--final", "--log-file", "report.log"], in: folder)
        #expect(outcome.status == 65)
        let log = try String(contentsOf: folder.appendingPathComponent("report.log"), encoding: .utf8)
        #expect(log.contains(" warning out/2022 was missing and out/2022.previous held the last complete outputs"), "\(log)")
        #expect(log.contains(" warning removed out/.2022.tmp-4194304"), "\(log)")
        #expect(outcome.stderr.contains("was missing"))
        #expect(try Self.names(in: out) == [".annual-return.lock", "2022", "2022.previous"])
        #expect(try Self.snapshot(out.appendingPathComponent("2022.previous")) == published)
        #expect(try Self.names(in: out.appendingPathComponent("2022")) == published.keys.sorted())
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

    /// An output that cannot be created: a file where the output folder should be, or where the
    /// year's folder should be. Exit 73, and nothing is left behind.
    @Test(arguments: [("blocker", [String]()), ("out", ["2022"])])
    func anUnwritableOutputExits73AndLeavesNothingBehind(output: String, inside: [String]) throws {
        let folder = try BinaryRunner.temporaryFolder()
        try Data("检查编号,检查日期,检查方式\nJC-1,2022-05-01,日常检查\n".utf8).write(to: folder.appendingPathComponent("i.csv"))
        let blocker = Data("a file where a folder should be\n".utf8)
        try Data(blocker).write(to: folder.appendingPathComponent("blocker"))
        if !inside.isEmpty {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(output), withIntermediateDirectories: false)
            try blocker.write(to: folder.appendingPathComponent("\(output)/2022"))
        }
        try Data("bureau: x\nyear: 2022\ninputs:\n  inspections: [i.csv]\noutput: \(output)\n".utf8)
            .write(to: folder.appendingPathComponent("c.yaml"))
        let before = try Self.names(in: folder)

        let outcome = try BinaryRunner.run(["report", "--config", "c.yaml"], in: folder)
        #expect(outcome.status == 73)
        #expect(outcome.stderr.contains("cannot write"), "\(outcome.stderr)")
        #expect(try Self.names(in: folder) == before)
        #expect(try Data(contentsOf: folder.appendingPathComponent("blocker")) == blocker)
        if !inside.isEmpty {
            // The lock file stays (it is never deleted); no temporary folder does.
            #expect(try Self.names(in: folder.appendingPathComponent(output)) == [".annual-return.lock"] + inside)
            #expect(try Data(contentsOf: folder.appendingPathComponent("\(output)/2022")) == blocker)
        }
    }

    @Test func missingConfigurationFileExits66() throws {
        let outcome = try BinaryRunner.run(["report", "--config", "/nonexistent/annual-return.yaml"])
        #expect(outcome.status == 66)
        #expect(outcome.stderr.contains("/nonexistent/annual-return.yaml"))
    }

    @Test func theHelpListsEveryExitCode() throws {
        let outcome = try BinaryRunner.run(["report", "--help"])
        #expect(outcome.status == 0)
        for code in ["0 ", "64", "65", "66", "70", "73", "75"] {
            #expect(outcome.stdout.contains("\n  \(code)"), "\(code)")
        }
        #expect(outcome.stdout.contains("--quiet") && outcome.stdout.contains("--log-file"))
    }
}
