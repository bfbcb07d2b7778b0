import Foundation
import Glibc
import Testing

/// `annual-return report` when the world fails it: outputs that cannot be written (a file in the
/// way, a read-only mount, a file size limit, a full file system), inputs that vanish or end
/// mid-record, a configuration that is a folder or a binary file.
///
/// Each test first publishes the small district's return, then makes one thing fail, and checks
/// what an operator reading cron mail needs: the documented exit code, one line on stderr saying
/// what failed, the published `<year>` folder byte for byte as it was, and no temporary folder or
/// file left behind (the runs' `TMPDIR`, where the workbook is assembled, included).
struct FaultTests {
    /// A district whose return has been published once, and what that return holds.
    struct Published {
        var folder: URL
        var out: URL { folder.appendingPathComponent("out") }
        /// `TMPDIR` for the runs, so that leftovers can be seen.
        var temporary: URL { folder.appendingPathComponent("tmp") }
        /// `out/2022` as the first run published it, file by file.
        var year: [String: Data]
    }

    static func published() throws -> Published {
        let folder = try BinaryRunner.copyOfSmallDistrict()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tmp"), withIntermediateDirectories: false)
        let first = try MeasuredRun.binary(["report", "--config", "annual-return.yaml", "--quiet"], in: folder,
                                           environment: ["TMPDIR": folder.appendingPathComponent("tmp").path])
        #expect(first.status == 65, "\(first)")
        return Published(folder: folder, year: try ReportCommandTests.snapshot(folder.appendingPathComponent("out/2022")))
    }

    /// Runs `report --quiet` on the district's configuration (or `config`), after `setup`.
    static func report(_ district: Published, config: String = "annual-return.yaml", setup: String = "",
                       extra: [String] = []) throws -> MeasuredRun.Outcome {
        try MeasuredRun.binary(["report", "--config", config, "--quiet", "--show-problems", "0"] + extra,
                               in: district.folder, setup: setup, environment: ["TMPDIR": district.temporary.path],
                               timeLimit: 60)
    }

    /// The lines of stderr that say something: all but the run's closing `finished in …: exit N`
    /// line, which only repeats the exit code.
    static func causes(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { line in
            !(ReportCommandTests.isLogLine(line) && line.contains(" finished in ") && line.contains(": exit "))
        }
    }

    /// Checks the published year is as it was and nothing temporary is left, in `out` or in `after`
    /// (a copy of `out` taken inside a private mount).
    static func expectIntact(_ district: Published, out: URL? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let out = out ?? district.out
        #expect(try ReportCommandTests.snapshot(out.appendingPathComponent("2022")) == district.year,
                "the published return changed", sourceLocation: sourceLocation)
        let leftovers = try ReportCommandTests.names(in: out).filter { $0.hasPrefix(".2022.tmp-") }
        #expect(leftovers == [], sourceLocation: sourceLocation)
        #expect(try ReportCommandTests.names(in: district.temporary) == [], "files left in TMPDIR", sourceLocation: sourceLocation)
    }

    /// True when this process may mount file systems in a mount namespace of a child's own
    /// (root, with `unshare`): such mounts vanish with the child, so nothing needs cleaning up.
    static let canMountPrivately: Bool = {
        guard getuid() == 0, let outcome = try? MeasuredRun.shell("exec unshare --mount true") else { return false }
        return outcome.status == 0
    }()

    /// Runs `report` in a private mount namespace, after the shell commands `mounts` (run in the
    /// district folder; they may mount over `out`). The mounts vanish when the run ends, so
    /// `after` (in the district folder) gets a copy of what the run saw in `out`.
    static func reportWithPrivateMounts(_ district: Published, mounts: String) throws -> MeasuredRun.Outcome {
        let inner = "\(mounts) && \"$@\"; status=$?; cp -a out/. after/; exit $status"
        return try MeasuredRun.shell(
            "cd \"$1\" || exit 126; shift; mkdir after && exec unshare --mount /bin/sh -c \"$@\"",
            arguments: [district.folder.path, inner, "sh", BinaryRunner.binary.path,
                        "report", "--config", "annual-return.yaml", "--quiet", "--show-problems", "0"],
            environment: ["TMPDIR": district.temporary.path], timeLimit: 60)
    }

    // MARK: The output folder

    /// A file where `<year>.previous` should be: it is the run's own name, so the file is
    /// replaced by the outputs the run replaces, like an older previous folder.
    @Test func aFileWherePreviousGoesIsReplaced() throws {
        let district = try Self.published()
        let previous = district.out.appendingPathComponent("2022.previous")
        try Data("not a folder\n".utf8).write(to: previous)
        let outcome = try Self.report(district)
        #expect(outcome.status == 65, "\(outcome)")
        #expect(try ReportCommandTests.snapshot(previous) == district.year)
        try Self.expectIntact(district)
        #expect(try ReportCommandTests.names(in: district.out) == [".annual-return.lock", "2022", "2022.previous"])
    }

    /// A symbolic link where `<year>.previous` should be, pointing at a folder of other files: the
    /// link is replaced, and what it points at is never followed, emptied or deleted.
    @Test func aSymbolicLinkWherePreviousGoesIsReplacedAndItsTargetKept() throws {
        let district = try Self.published()
        let elsewhere = district.folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: false)
        try Data("keep me\n".utf8).write(to: elsewhere.appendingPathComponent("important.txt"))
        try FileManager.default.createSymbolicLink(atPath: district.out.appendingPathComponent("2022.previous").path,
                                                   withDestinationPath: "../elsewhere")
        let outcome = try Self.report(district)
        #expect(outcome.status == 65, "\(outcome)")
        #expect(try ReportCommandTests.snapshot(elsewhere) == ["important.txt": Data("keep me\n".utf8)])
        #expect(try ReportCommandTests.snapshot(district.out.appendingPathComponent("2022.previous")) == district.year)
        try Self.expectIntact(district)
    }

    /// The output folder on a read-only mount: the lock file cannot be opened, so the run stops
    /// before reading anything. Exit 73.
    @Test(.enabled(if: FaultTests.canMountPrivately, "needs root and unshare for a private read-only bind mount"))
    func aReadOnlyOutputFolderExits73() throws {
        let district = try Self.published()
        let outcome = try Self.reportWithPrivateMounts(district, mounts: "mount --bind out out && mount -o remount,ro,bind out")
        #expect(outcome.status == 73, "\(outcome)")
        #expect(outcome.stdout == "")
        #expect(Self.causes(outcome.stderr).count == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(" error cannot write out/.annual-return.lock: Read-only file system"), "\(outcome.stderr)")
        try Self.expectIntact(district, out: district.folder.appendingPathComponent("after"))
        try Self.expectIntact(district)
    }

    // MARK: A full disk

    /// A file size limit (RLIMIT_FSIZE) that the workbook fits under but a larger output does
    /// not: writing that output into the temporary folder fails with EFBIG. The run starts with
    /// SIGXFSZ at its default action, as cron starts it, which would kill it at that write; the
    /// binary ignores the signal, so the write fails like any other: exit 73, one line, nothing
    /// left behind.
    @Test func aFileSizeLimitWhileWritingTheOutputsExits73() throws {
        let district = try Self.published()
        let workbook = try #require(district.year["return.xlsx"]).count
        let limit = (workbook / 512 + 2) * 512  // ulimit -f counts 512-byte blocks in sh
        let largest = try #require(district.year.values.map(\.count).max())
        try #require(largest > limit, "some output must be larger than the workbook for this test")

        let outcome = try Self.report(district, setup: "ulimit -f \(limit / 512);")
        #expect(outcome.status == 73, "\(outcome)")
        #expect(outcome.stdout == "")
        let causes = Self.causes(outcome.stderr)
        #expect(causes.count == 1, "\(outcome.stderr)")
        #expect(causes.first?.contains(try Regex(#" error cannot write out/\.2022\.tmp-\d+/[a-z.-]+: File too large$"#)) == true,
                "\(outcome.stderr)")
        try Self.expectIntact(district)
    }

    /// More problems than a run holds in memory go to a temporary file in TMPDIR; when that
    /// file cannot be written (here a file size limit, as on a full disk) the problems would be
    /// lost, so the run stops before publishing: exit 73, one line saying what to do, nothing
    /// left in TMPDIR (the file was deleted as soon as it was made).
    @Test func aProblemListThatCannotGoToDiskStopsTheRunWith73() throws {
        let district = try Self.published()
        // 20,500 inspections in a lockdown month: a warning each, past the 20,000 kept in memory.
        var lines = ["检查编号,检查日期,检查方式,被检查单位,执法单位"]
        for number in 1...20_500 { lines.append("JC-L\(number),2022-03-15,日常检查,丙商行\(number % 50),执法一大队") }
        try Data((lines.joined(separator: "\n") + "\n").utf8)
            .write(to: district.folder.appendingPathComponent("exports/lockdown.csv"))
        let config = try String(contentsOf: district.folder.appendingPathComponent("annual-return.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "inspections: [exports/inspections.csv]",
                                  with: "inspections: [exports/inspections.csv, exports/lockdown.csv]")
        try Data(config.utf8).write(to: district.folder.appendingPathComponent("many-problems.yaml"))

        let outcome = try Self.report(district, config: "many-problems.yaml", setup: "ulimit -f 128;")  // 64 KiB
        #expect(outcome.status == 73, "\(outcome)")
        let causes = Self.causes(outcome.stderr)
        #expect(causes.count == 1, "\(outcome.stderr)")
        #expect(causes.first?.contains("the list of data problems outgrew memory and its temporary file could not be written (File too large); nothing was published") == true,
                "\(outcome.stderr)")
        try Self.expectIntact(district)
    }

    /// A file size limit that the workbook passes while it is assembled in TMPDIR, and the
    /// outputs as they are written (each is written as soon as it is rendered): exit 73, one
    /// log line naming the first output in the listed order that could not be made, nothing
    /// published, and the half-written workbook removed from TMPDIR.
    @Test func aFileSizeLimitWhileAssemblingTheWorkbookExits73() throws {
        let district = try Self.published()
        let outcome = try Self.report(district, setup: "ulimit -f 16;")  // 8 KiB
        #expect(outcome.status == 73, "\(outcome)")
        #expect(outcome.stdout == "")
        let logLines = Self.causes(outcome.stderr).filter(ReportCommandTests.isLogLine)
        #expect(logLines.count == 1, "\(outcome.stderr)")
        #expect(logLines.first?.contains(try Regex(#" error cannot write out/\.2022\.tmp-\d+/figures\.json: File too large$"#)) == true,
                "\(outcome.stderr)")
        try Self.expectIntact(district)
        withKnownIssue("libxlsxwriter prints its own [ERROR] lines to stderr") {
            #expect(Self.causes(outcome.stderr).count == 1, "\(outcome.stderr)")
        }
    }

    /// A full file system: a small tmpfs holding the published outputs, mounted over a private
    /// view of `out`. Writing the new outputs fails with ENOSPC: exit 73, one line, the tmpfs
    /// left as it was.
    @Test(.enabled(if: FaultTests.canMountPrivately, "needs root and unshare for a private tmpfs"))
    func aFullFileSystemExits73() throws {
        let district = try Self.published()
        // Room for what is there (in 4 KiB pages, the lock file one of them) and three pages more.
        let pages = district.year.values.reduce(1) { $0 + ($1.count + 4095) / 4096 } + 3
        let mounts = "cp -a out saved && mount -t tmpfs -o size=\(pages * 4)k tmpfs out && cp -a saved/. out/"
        let outcome = try Self.reportWithPrivateMounts(district, mounts: mounts)
        #expect(outcome.status == 73, "\(outcome)")
        let causes = Self.causes(outcome.stderr)
        #expect(causes.count == 1, "\(outcome.stderr)")
        #expect(causes.first?.contains(try Regex(#" error cannot write out/\.2022\.tmp-\d+/[a-z.-]+: No space left on device$"#)) == true,
                "\(outcome.stderr)")
        try Self.expectIntact(district, out: district.folder.appendingPathComponent("after"))
        try Self.expectIntact(district)
    }

    // MARK: Inputs

    /// Writes a configuration like the district's, with `enforcement` as the enforcement inputs.
    static func configuration(_ district: Published, enforcement: [String]) throws -> String {
        let original = try String(contentsOf: district.folder.appendingPathComponent("annual-return.yaml"), encoding: .utf8)
        let changed = original.replacingOccurrences(
            of: "enforcement: [exports/enforcement.csv]",
            with: "enforcement: [\(enforcement.joined(separator: ", "))]")
        #expect(changed != original)
        try Data(changed.utf8).write(to: district.folder.appendingPathComponent("c.yaml"))
        return "c.yaml"
    }

    /// An input that matched when the configuration was read and is gone when the run reads it,
    /// as a dangling symbolic link is; and a folder named like an export. Exit 66, one line
    /// naming it, nothing published.
    @Test(arguments: [
        ("gone", "exports/gone.csv: no such file"),
        ("folder", "exports/folder.csv: is a folder, not a CSV file"),
    ])
    func anInputThatCannotBeReadExits66(kind: String, message: String) throws {
        let district = try Self.published()
        let exports = district.folder.appendingPathComponent("exports")
        if kind == "gone" {
            try FileManager.default.createSymbolicLink(atPath: exports.appendingPathComponent("gone.csv").path,
                                                       withDestinationPath: "vanished.csv")
        } else {
            try FileManager.default.createDirectory(at: exports.appendingPathComponent("folder.csv"), withIntermediateDirectories: false)
        }
        let config = try Self.configuration(district, enforcement: ["exports/enforcement.csv", "exports/\(kind).csv"])
        let outcome = try Self.report(district, config: config)
        #expect(outcome.status == 66, "\(outcome)")
        #expect(outcome.stdout == "")
        let causes = Self.causes(outcome.stderr)
        #expect(causes.count == 1, "\(outcome.stderr)")
        #expect(causes.first?.hasSuffix(" error \(message)") == true, "\(outcome.stderr)")
        try Self.expectIntact(district)
        #expect(try ReportCommandTests.names(in: district.out) == [".annual-return.lock", "2022"])
    }

    /// An export cut off in the middle of its last record, inside a quoted field (a copy that
    /// stopped half way): that record is rejected as `unterminated-quote`, every row before it
    /// is counted, and the return is published with exit 65.
    @Test func anExportCutOffInAQuotedFieldRejectsOnlyItsLastRecord() throws {
        let district = try Self.published()
        let handle = try FileHandle(forWritingTo: district.folder.appendingPathComponent("exports/enforcement.csv"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("QZ-099,2022-12-30,查封,,CF-003,\"乙机械厂（第二".utf8))
        try handle.close()
        let outcome = try Self.report(district, extra: ["--show-problems", "50"])
        #expect(outcome.status == 65, "\(outcome)")
        #expect(outcome.stdout.contains("30 rows read: 22 accepted, 6 rejected, 2 duplicates"), "\(outcome.stdout)")
        let line = "exports/enforcement.csv:8:6: error[unterminated-quote]: the quote opened in field 6 on line 8 is never closed"
        #expect(outcome.stderr.split(separator: "\n").contains { $0.hasPrefix(line) }, "\(outcome.stderr)")
        // The run published; the return it replaced is kept whole, and nothing is left over.
        #expect(try ReportCommandTests.snapshot(district.out.appendingPathComponent("2022.previous")) == district.year)
        #expect(try ReportCommandTests.names(in: district.out) == [".annual-return.lock", "2022", "2022.previous"])
        #expect(try ReportCommandTests.names(in: district.temporary) == [])
    }

    // MARK: The configuration

    /// A configuration that is a folder, a workbook or an image: exit 66 (it cannot be read as
    /// a configuration), one line naming it, nothing touched.
    @Test(arguments: [
        ("folder", "cannot read the configuration file config: it is a folder"),
        ("xlsx", "cannot read the configuration file config: it is not UTF-8 text"),
        ("png", "cannot read the configuration file config: it is not UTF-8 text"),
    ])
    func aConfigurationThatIsNoTextExits66(kind: String, message: String) throws {
        let district = try Self.published()
        let config = district.folder.appendingPathComponent("config")
        switch kind {
        case "folder": try FileManager.default.createDirectory(at: config, withIntermediateDirectories: false)
        case "xlsx": try district.year["return.xlsx"]?.write(to: config)
        default: try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array("IHDR".utf8)).write(to: config)
        }
        let outcome = try Self.report(district, config: "config")
        #expect(outcome.status == 66, "\(outcome)")
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.hasSuffix(" error \(message)\n"), "\(outcome.stderr)")
        try Self.expectIntact(district)
    }

    /// An export given where the configuration goes, a common slip: it is text but no mapping,
    /// so exit 64 with one line.
    @Test func anExportGivenAsTheConfigurationExits64() throws {
        let district = try Self.published()
        let outcome = try Self.report(district, config: "exports/inspections.csv")
        #expect(outcome.status == 64, "\(outcome)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(" error `(top level)` is \""), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("but it must be a mapping of keys to values"), "\(outcome.stderr)")
        try Self.expectIntact(district)
        // The wrong value is quoted only as far as needed to recognise it.
        #expect(outcome.stderr.utf8.count < 500, "\(outcome.stderr.utf8.count) bytes")
    }
}
