import Foundation
import Glibc
import Testing

/// `annual-return report` on exports nobody checked: a 64 MiB field, a million columns, ten
/// million quotes, mixed encodings, NUL bytes, a workbook renamed `.csv`. Each run must end with
/// the documented exit code and a clear line, within a memory bound (ingest streams: one record
/// and one 1 MiB buffer at a time) and a time bound. The bounds are safety nets with wide
/// margins for a loaded two-core machine, not performance goals: a run here takes about a second.
struct HostileInputEndToEndTests {
    /// Peak resident memory allowed for one run. A debug build of these runs peaks between 30
    /// and 55 MiB; holding a 64 MiB field would pass this bound, holding two would not. Under
    /// AddressSanitizer (`make test-sanitize`) freed memory stays resident in its quarantine, up
    /// to 256 MiB by default, so the bound there only catches a runaway.
    static let memoryLimit = underAddressSanitizer ? 1 << 30 : 256 << 20

    /// True when this test process, and so the binary built with it, runs under AddressSanitizer.
    static let underAddressSanitizer = dlsym(dlopen(nil, RTLD_NOW), "__asan_init") != nil
    /// Wall time allowed for one run.
    static let timeLimit = 30.0

    /// A folder with `c.yaml` reading `i.csv` as the inspections export into `out`; `write`
    /// fills `i.csv`.
    static func district(_ write: (FileHandle) throws -> Void) throws -> URL {
        let folder = try BinaryRunner.temporaryFolder()
        let path = folder.appendingPathComponent("i.csv")
        try #require(FileManager.default.createFile(atPath: path.path, contents: nil), "cannot create \(path.path)")
        let handle = try FileHandle(forWritingTo: path)
        try write(handle)
        try handle.close()
        try Data("bureau: 测试局\nyear: 2022\ninputs:\n  inspections: [i.csv]\noutput: out\n".utf8)
            .write(to: folder.appendingPathComponent("c.yaml"))
        return folder
    }

    /// The inspections header and one good row, as UTF-8.
    static let header = Data("检查编号,检查日期,检查方式\n".utf8)
    static let goodRow = Data("JC-9,2022-06-01,日常检查\n".utf8)

    /// Writes `bytes` repeated `times` times, a mebibyte at a time.
    static func write(_ bytes: [UInt8], times: Int, to handle: FileHandle) throws {
        let perBlock = max(1, min(times, (1 << 20) / max(1, bytes.count)))
        let block = Data([[UInt8]](repeating: bytes, count: perBlock).joined())
        var left = times
        while left > 0 {
            let count = min(left, perBlock)
            try handle.write(contentsOf: count == perBlock ? block : block.prefix(count * bytes.count))
            left -= count
        }
    }

    /// Runs `report` on the folder, checks the bounds, and returns the outcome.
    static func report(in folder: URL) throws -> MeasuredRun.Outcome {
        let outcome = try MeasuredRun.binary(["report", "--config", "c.yaml", "--quiet", "--show-problems", "5"],
                                             in: folder, timeLimit: timeLimit * 4, measuresMemory: true)
        #expect(!outcome.timedOut && outcome.seconds < timeLimit, "took \(outcome.seconds) s")
        if let peak = outcome.peakMemoryBytes {
            #expect(peak < memoryLimit, "peak memory \(peak >> 20) MiB")
        } else {
            #expect(MeasuredRun.gnuTime == nil, "GNU time is installed but measured nothing: \(outcome)")
        }
        #expect(outcome.signal == nil, "\(outcome)")
        return outcome
    }

    /// The first line of stdout, the run's summary.
    static func summary(_ outcome: MeasuredRun.Outcome) -> String {
        String(outcome.stdout.split(separator: "\n").first ?? "")
    }

    @Test func aSixtyFourMebibyteFieldIsRejectedAndTheNextRowCounted() throws {
        let folder = try Self.district { file in
            try file.write(contentsOf: Self.header + Data("JC-1,2022-05-01,\"".utf8))
            try Self.write([UInt8(ascii: "x")], times: 64 << 20, to: file)
            try file.write(contentsOf: Data("\"\n".utf8) + Self.goodRow)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Self.report(in: folder)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.hasPrefix("i.csv:2:3: error[field-too-large]: field 3 grows past the cap of 1048576 bytes"), "\(outcome.stderr)")
        #expect(Self.summary(outcome).contains("2 rows read: 1 accepted, 1 rejected"), "\(outcome.stdout)")
        // The rejects sheet shows the start of the field, not 64 MiB of it.
        let rejects = try Data(contentsOf: folder.appendingPathComponent("out/2022/rejects.csv"))
        #expect(rejects.count < 16 * 1024)
    }

    @Test func aRowOfAMillionColumnsIsOneExtraCell() throws {
        let folder = try Self.district { file in
            try file.write(contentsOf: Self.header + Data("JC-1,2022-05-01,日常检查".utf8))
            try Self.write(Array(",x".utf8), times: 1_000_000, to: file)
            try file.write(contentsOf: Data("\n".utf8) + Self.goodRow)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Self.report(in: folder)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.hasPrefix("i.csv:2:4: error[extra-cell]: the row has 1000003 fields but the header has 3"), "\(outcome.stderr)")
        #expect(Self.summary(outcome).contains("2 rows read: 1 accepted, 1 rejected"), "\(outcome.stdout)")
    }

    /// A 100,000-character column name beside the real ones: an unmapped column, ignored.
    @Test func aHundredThousandCharacterHeaderIsAnIgnoredColumn() throws {
        let folder = try Self.district { file in
            try file.write(contentsOf: Data("检查编号,检查日期,检查方式,".utf8))
            try Self.write(Array("备".utf8), times: 100_000, to: file)
            try file.write(contentsOf: Data("\nJC-1,2022-05-01,日常检查,x\n".utf8))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Self.report(in: folder)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stderr == "")
        #expect(Self.summary(outcome).contains("1 rows read: 1 accepted, 0 rejected"), "\(outcome.stdout)")
    }

    @Test func tenMillionQuotesAreOneFieldTooLarge() throws {
        let folder = try Self.district { file in
            try file.write(contentsOf: Self.header)
            try Self.write([UInt8(ascii: "\"")], times: 10_000_000, to: file)
            try file.write(contentsOf: Data("\n".utf8) + Self.goodRow)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Self.report(in: folder)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.hasPrefix("i.csv:2:1: error[field-too-large]: "), "\(outcome.stderr)")
        #expect(Self.summary(outcome).contains("2 rows read: 1 accepted, 1 rejected"), "\(outcome.stdout)")
    }

    /// Lines of quotes make a row each, each rejected. Every rejected row is kept for the data
    /// report, so memory grows with their number (about 2 KiB a row in a debug build): 10,000
    /// here stays far inside the bound.
    @Test func linesOfDoubledQuotesAreEachRejected() throws {
        let folder = try Self.district { file in
            try file.write(contentsOf: Self.header)
            try Self.write(Array("\"\"\"\"\n".utf8), times: 10_000, to: file)
            try file.write(contentsOf: Self.goodRow)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Self.report(in: folder)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.hasPrefix("i.csv:2:2: error[missing-cell]: "), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("annual-return: 9995 more problems in out/2022/data-report.md"), "\(outcome.stderr)")
        #expect(Self.summary(outcome).contains("10001 rows read: 1 accepted, 10000 rejected"), "\(outcome.stdout)")
    }

    /// Invalid UTF-8 and GB18030 in one file: neither encoding is wholly valid, so the file is
    /// read as UTF-8, the rows with bad bytes are rejected and the data report says so.
    @Test func mixedEncodingsRejectTheRowsWithBadBytes() throws {
        let folder = try Self.district { file in
            try file.write(contentsOf: Self.header)
            try file.write(contentsOf: Data("JC-1,2022-05-01,".utf8) + Data([0xC8, 0xD5, 0xB3, 0xA3, 0xBC, 0xEC, 0xB2, 0xE9, 0x0A]))  // 日常检查 in GB18030
            try file.write(contentsOf: Data("JC-2,2022-05-02,日常".utf8) + Data([0xFF, 0x0A]))
            try file.write(contentsOf: Self.goodRow)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Self.report(in: folder)
        #expect(outcome.status == 65)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 3, "\(outcome.stderr)")  // two problems and the finish line
        #expect(lines.first?.hasPrefix("i.csv:2:3: error[invalid-encoding]: the field is not valid UTF-8: byte 0xC8 at byte 1") == true)
        #expect(lines.dropFirst().first?.hasPrefix("i.csv:3:3: error[invalid-encoding]: ") == true)
        #expect(Self.summary(outcome).contains("3 rows read: 1 accepted, 2 rejected"), "\(outcome.stdout)")
        let report = try String(contentsOf: folder.appendingPathComponent("out/2022/data-report.md"), encoding: .utf8)
        #expect(report.contains("invalid (read as UTF-8)"))
    }

    @Test func nulBytesRejectTheirRows() throws {
        let folder = try Self.district { file in
            try file.write(contentsOf: Self.header + Data("JC-1,2022-05-01,日常\0检查\n".utf8))
            try Self.write([0], times: 1 << 20, to: file)
            try file.write(contentsOf: Data("\n".utf8) + Self.goodRow)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Self.report(in: folder)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.hasPrefix("i.csv:2:3: error[nul-byte]: the field holds a NUL byte at byte 7\ni.csv:3:1: error[nul-byte]: "),
                "\(outcome.stderr)")
        #expect(Self.summary(outcome).contains("3 rows read: 1 accepted, 2 rejected"), "\(outcome.stdout)")
    }

    /// A workbook saved under the export's name: one line naming it and what to do, exit 66
    /// (it cannot be read as CSV, like a missing file), and nothing is published.
    @Test(arguments: [
        ("xlsx", "an Excel workbook (.xlsx), not CSV: open it in Excel or WPS and save it as CSV (UTF-8)"),
        ("pdf", "a PDF document, not CSV: export the data from the enforcement system again, as CSV"),
        ("utf16", "UTF-16 text (little-endian; Excel and WPS call it \"Unicode text\"), not CSV"),
    ])
    func aFileThatIsNotCSVExits66NamingWhatItIs(kind: String, message: String) throws {
        let folder = try Self.district { file in
            switch kind {
            case "xlsx":
                // A real workbook: the one a report writes.
                let source = try BinaryRunner.copyOfSmallDistrict()
                #expect(try BinaryRunner.run(["report", "--config", "annual-return.yaml"], in: source).status == 65)
                try file.write(contentsOf: Data(contentsOf: source.appendingPathComponent("out/2022/return.xlsx")))
            case "pdf": try file.write(contentsOf: Data("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8) + Data((0..<8192).map { UInt8($0 % 251) }))
            default: try file.write(contentsOf: Data([0xFF, 0xFE] + "检查编号\t检查日期\r\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
            }
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Self.report(in: folder)
        #expect(outcome.status == 66)
        #expect(outcome.stdout == "")
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(outcome.stderr)")
        #expect(lines.first?.hasSuffix(" error i.csv looks like \(message)" + (kind == "utf16" ? ": open it in Excel or WPS and save it as CSV (UTF-8)" : "")) == true,
                "\(outcome.stderr)")
        #expect(lines.last?.hasSuffix(": exit 66") == true)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/2022").path))

        let parse = try MeasuredRun.binary(["parse", "i.csv"], in: folder)
        #expect(parse.status == 66)
        #expect(parse.stderr == "i.csv:0:0: error[unreadable-file]: i.csv looks like \(message)"
            + (kind == "utf16" ? ": open it in Excel or WPS and save it as CSV (UTF-8)" : "") + "\n")
    }
}

/// The binary run to completion in a child process of its own, with its exit, output, wall
/// time and, when asked, peak memory.
///
/// The child is `/bin/sh -c`, which sets up what the test asks (a folder, a file size limit, an
/// ignored signal) and then `exec`s the binary. It is started with `posix_spawn` and reaped with
/// `wait4`, in a process group of its own so that a run past its time limit is killed whole.
///
/// Peak memory needs care. Linux carries a process's peak resident size across `exec`, and a
/// child that `posix_spawn` starts shares the test process's memory until it does, so the
/// child's own `ru_maxrss` (and `getrusage(RUSAGE_CHILDREN)`, which is also the largest over
/// every child of a test process running tests in parallel) is at least the test process's peak.
/// GNU time forks the binary from its own small process, so its figure is the binary's alone;
/// it is used where installed. Without it, the child's `ru_maxrss` counts only when it is above
/// the test process's own peak; otherwise the binary's peak is unknown.
struct MeasuredRun {
    struct Outcome: CustomStringConvertible {
        /// The exit status, or nil when a signal ended the process.
        var status: Int32?
        /// The signal that ended the process, if one did.
        var signal: Int32?
        var stdout: String
        var stderr: String
        /// Peak resident memory of the binary in bytes; nil when not measured, or when it could
        /// not be told apart from the test process's own (see ``MeasuredRun``).
        var peakMemoryBytes: Int?
        var seconds: Double
        /// True when the run was killed for taking longer than its time limit.
        var timedOut: Bool

        var description: String {
            let memory = peakMemoryBytes.map { "\($0 >> 20) MiB" } ?? "memory unknown"
            return "status \(status.map(String.init) ?? "none"), signal \(signal.map(String.init) ?? "none"), \(seconds) s, \(memory), stdout: \(stdout.prefix(2000)), stderr: \(stderr.prefix(2000))"
        }
    }

    /// GNU time, when installed: it can write the peak memory of what it runs to a file.
    static let gnuTime: String? = {
        let path = "/usr/bin/time"
        guard access(path, X_OK) == 0,
              let probe = try? shell("exec \(path) -o /dev/null -f %M true"), probe.status == 0 else { return nil }
        return path
    }()

    /// Runs the binary with `arguments` in `folder`, after the shell commands `setup` (for
    /// example `ulimit -f 16;`); `environment` adds to or replaces the test's environment.
    static func binary(_ arguments: [String], in folder: URL, setup: String = "",
                       environment: [String: String] = [:], timeLimit: Double = 120,
                       measuresMemory: Bool = false) throws -> Outcome {
        let binary = BinaryRunner.binary.path
        guard measuresMemory, let gnuTime else {
            var outcome = try shell("cd \"$1\" || exit 126; shift; \(setup) exec \"$@\"",
                                    arguments: [folder.path, binary] + arguments,
                                    environment: environment, timeLimit: timeLimit)
            if !measuresMemory { outcome.peakMemoryBytes = nil }
            return outcome
        }
        let report = try BinaryRunner.temporaryFolder().appendingPathComponent("memory")
        defer { try? FileManager.default.removeItem(at: report.deletingLastPathComponent()) }
        var outcome = try shell("cd \"$1\" || exit 126; report=$2; shift 2; \(setup) exec \(gnuTime) -o \"$report\" -f %M \"$@\"",
                                arguments: [folder.path, report.path, binary] + arguments,
                                environment: environment, timeLimit: timeLimit)
        // The last line is the peak in KiB; before it, "Command terminated by signal N" when so.
        let lines = (try? String(contentsOf: report, encoding: .utf8))?.split(separator: "\n") ?? []
        outcome.peakMemoryBytes = lines.last.flatMap { Int($0) }.map { $0 * 1024 }
        if let line = lines.first(where: { $0.hasPrefix("Command terminated by signal ") }) {
            outcome.signal = Int32(line.dropFirst("Command terminated by signal ".count))
            outcome.status = nil
        }
        return outcome
    }

    /// Runs `/bin/sh -c script sh arguments…` and waits for it; a run longer than `timeLimit`
    /// seconds is killed with its process group.
    static func shell(_ script: String, arguments: [String] = [], environment: [String: String] = [:],
                      timeLimit: Double = 120) throws -> Outcome {
        let outputs = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outputs) }
        let stdoutPath = outputs.appendingPathComponent("stdout").path
        let stderrPath = outputs.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        // The child starts with every signal at its default and none blocked, whatever the test
        // runner set for itself; the script changes what it means to.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        var variables = ProcessInfo.processInfo.environment
        for (name, value) in environment { variables[name] = value }
        let argv = (["/bin/sh", "-c", script, "sh"] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }

        let started = Date()
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw SpawnFailed(code: spawned) }

        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { throw SpawnFailed(code: errno) }
            if !timedOut && Date().timeIntervalSince(started) > timeLimit {
                kill(-pid, SIGKILL)
                timedOut = true
            }
            usleep(5_000)
        }
        let seconds = Date().timeIntervalSince(started)
        var own = rusage()
        getrusage(RUSAGE_SELF.rawValue, &own)
        let signal = status & 0x7F
        return Outcome(
            status: signal == 0 ? (status >> 8) & 0xFF : nil,
            signal: signal == 0 ? nil : signal,
            stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: stdoutPath)), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: stderrPath)), as: UTF8.self),
            // Linux reports kibibytes. At or below the test process's own peak, the figure may
            // be that peak rather than the child's.
            peakMemoryBytes: usage.ru_maxrss > own.ru_maxrss ? Int(usage.ru_maxrss) * 1024 : nil,
            seconds: seconds, timedOut: timedOut)
    }

    struct SpawnFailed: Error {
        var code: Int32
    }
}
