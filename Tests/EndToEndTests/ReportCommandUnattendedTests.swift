import Foundation
import Glibc
import Testing

/// `annual-return report` left to itself: two runs started together, and a run killed while it
/// publishes. Both need a run that takes a noticeable time, so they read generated exports
/// (`generate --scale 6`, about 4 MB; a report of them takes one to two seconds in a debug
/// build on two cores). The tests run one after the other so that their timings stay apart.
@Suite(.serialized)
struct ReportCommandUnattendedTests {
    /// The generated exports, made once for the whole suite.
    static let generatedExports = Result { () throws -> URL in
        let folder = try BinaryRunner.temporaryFolder().appendingPathComponent("exports")
        let outcome = try BinaryRunner.run(["generate", "--out", folder.path, "--scale", "6"])
        guard outcome.status == 0 else { throw GenerateFailed(stderr: outcome.stderr) }
        return folder
    }

    struct GenerateFailed: Error {
        var stderr: String
    }

    /// A fresh folder with `c.yaml`, which reads the generated exports and writes into `out`.
    static func largeDistrict() throws -> URL {
        let exports = try generatedExports.get().path
        let folder = try BinaryRunner.temporaryFolder()
        let configuration = """
            bureau: 测试区应急管理局
            year: 2022
            lockdown_months: ["2022-03", "2022-10"]
            inputs:
              inspections: ["\(exports)/inspections.csv"]
              penalties: ["\(exports)/penalties-*.csv"]
              enforcement: ["\(exports)/enforcement.csv"]
            columns:
              penalties: {处罚决定书日期: decision_date}
            output: out

            """
        try Data(configuration.utf8).write(to: folder.appendingPathComponent("c.yaml"))
        return folder
    }

    @Test func twoRunsStartedTogetherGiveOneResultAndOneExit75() throws {
        let folder = try Self.largeDistrict()
        let out = folder.appendingPathComponent("out")
        let arguments = ["report", "--config", "c.yaml", "--show-problems", "0"]
        let runs = [try BackgroundRun(arguments, in: folder, name: "first"),
                    try BackgroundRun(arguments, in: folder, name: "second")]
        let outcomes = try runs.map { try $0.wait() }

        #expect(outcomes.map(\.status).sorted() == [65, 75], "\(outcomes)")
        let blocked = try #require(outcomes.first { $0.status == 75 })
        #expect(blocked.stdout == "")
        #expect(blocked.stderr.split(separator: "\n").count == 1, "\(blocked.stderr)")
        #expect(blocked.stderr.contains("another run") && blocked.stderr.contains("out/.annual-return.lock"))

        // One complete result: the year's folder and nothing else but the lock file.
        #expect(try ReportCommandTests.names(in: out) == [".annual-return.lock", "2022"])
        let published = try ReportCommandTests.snapshot(out.appendingPathComponent("2022"))
        #expect(published.keys.sorted() == ReportCommandTests.outputs.sorted())
        // And the same bytes a lone run gives (which keeps the first result as previous).
        #expect(try BinaryRunner.run(arguments, in: folder).status == 65)
        #expect(try ReportCommandTests.snapshot(out.appendingPathComponent("2022")) == published)
        #expect(try ReportCommandTests.snapshot(out.appendingPathComponent("2022.previous")) == published)
    }

    @Test func aRunKilledWhilePublishingLeavesTheYearAsItWas() throws {
        let folder = try Self.largeDistrict()
        let out = folder.appendingPathComponent("out")
        let arguments = ["report", "--config", "c.yaml", "--show-problems", "0"]
        #expect(try BinaryRunner.run(arguments, in: folder).status == 65)
        let published = try ReportCommandTests.snapshot(out.appendingPathComponent("2022"))

        // A final return differs from the provisional one, so a half-done swap would show.
        // Kill the run the moment its temporary folder appears: it has read everything and is
        // rendering and writing the new outputs. Killed outright, it cannot remove its
        // temporary files (the workbook it is rendering): they go to a folder of its own, which
        // goes with the district's.
        let killedTemporaryFolder = folder.appendingPathComponent("tmp-killed")
        try FileManager.default.createDirectory(at: killedTemporaryFolder, withIntermediateDirectories: true)
        let run = try BackgroundRun(arguments + ["--final"], in: folder, name: "killed",
                                    temporaryFolder: killedTemporaryFolder)
        var sawTemporaryFolder = false
        let deadline = Date().addingTimeInterval(60)
        while run.isRunning && Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            if names.contains(where: { $0.hasPrefix(".2022.tmp-") }) {
                run.kill()
                sawTemporaryFolder = true
                break
            }
            usleep(200)
        }
        let killed = try run.wait()
        #expect(sawTemporaryFolder)
        #expect(killed.killedBySignal == SIGKILL, "\(killed)")
        #expect(try ReportCommandTests.snapshot(out.appendingPathComponent("2022")) == published)
        #expect(try ReportCommandTests.names(in: out).contains { $0.hasPrefix(".2022.tmp-") })

        // The next run takes the lock the kernel released, removes the stale folder and publishes.
        let next = try BinaryRunner.run(arguments + ["--final"], in: folder)
        #expect(next.status == 65)
        #expect(next.stderr.contains(" warning removed out/.2022.tmp-"), "\(next.stderr)")
        #expect(try ReportCommandTests.names(in: out) == [".annual-return.lock", "2022", "2022.previous"])
        #expect(try ReportCommandTests.snapshot(out.appendingPathComponent("2022.previous")) == published)
        let figures = try String(contentsOf: out.appendingPathComponent("2022/figures.json"), encoding: .utf8)
        #expect(figures.contains("\"meta.status\": \"final\","))
    }
}

/// The binary started in the background, its stdout and stderr going to files (which, unlike
/// pipes, cannot fill up and stall it while nobody reads them).
final class BackgroundRun {
    struct Outcome: CustomStringConvertible {
        var status: Int32
        var killedBySignal: Int32?
        var stdout: String
        var stderr: String
        var description: String { "status \(status), signal \(killedBySignal.map(String.init) ?? "none"), stderr: \(stderr)" }
    }

    private let process = Process()
    private let stdoutFile: URL
    private let stderrFile: URL

    /// - Parameter temporaryFolder: the run's `TMPDIR`, when not the tests' own.
    init(_ arguments: [String], in folder: URL, name: String, temporaryFolder: URL? = nil) throws {
        stdoutFile = folder.appendingPathComponent("\(name).stdout")
        stderrFile = folder.appendingPathComponent("\(name).stderr")
        try Data().write(to: stdoutFile)
        try Data().write(to: stderrFile)
        process.executableURL = BinaryRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if let temporaryFolder {
            var environment = ProcessInfo.processInfo.environment
            environment["TMPDIR"] = temporaryFolder.path
            process.environment = environment
        }
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// Sends SIGKILL: the process ends at once, with no chance to tidy up.
    func kill() {
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
    }

    func wait() throws -> Outcome {
        process.waitUntilExit()
        let signalled = process.terminationReason == .uncaughtSignal
        return Outcome(status: signalled ? -1 : process.terminationStatus,
                       killedBySignal: signalled ? process.terminationStatus : nil,
                       stdout: try String(contentsOf: stdoutFile, encoding: .utf8),
                       stderr: try String(contentsOf: stderrFile, encoding: .utf8))
    }
}
