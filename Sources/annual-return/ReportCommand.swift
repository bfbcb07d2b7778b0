import AnnualReturn
import ArgumentParser
import Glibc
import Logging

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build the return from the exports named in a configuration file.",
        discussion: """
            Reads every export the configuration names, checks every row, and publishes \
            <output>/<year>/: figures.json, return.json, return.md, return.html, return.csv, \
            return.xlsx, data-report.md, rejects.csv and, when a report template is configured, \
            report.md. The folder is published whole: every file is written into a temporary \
            folder beside it, which then takes its place, so a reader sees all the old files or \
            all the new ones. The outputs it replaces are kept in <output>/<year>.previous/.

            One run at a time works on an output folder: a run first takes the lock \
            <output>/.annual-return.lock, and a run that finds it held exits 75 at once, having \
            read and written nothing. A run killed at any moment leaves the last complete \
            <output>/<year>/ in place; the next run tidies up after it.

            A two-line summary goes to stdout; the first problems go to stderr as \
            FILE:ROW:COL: error[CODE]: message, all of them to data-report.md and rejects.csv. \
            Timestamped log lines go to stderr (only warnings and errors with --quiet) and, with \
            --log-file, to that file. On a terminal, an input of more than 50 MB shows a \
            progress line.

            Examples:
              annual-return report --config data/annual-return.yaml
              annual-return report --config /etc/annual-return/2022.yaml --final
              annual-return report --config c.yaml --quiet --log-file report.log

            \(ExitStatus.helpText)
            """
    )

    @Option(help: "The YAML configuration file.")
    var config: String

    @OptionGroup var reading: ThreadsOption

    @Flag(help: "Mark the return final (正式) instead of provisional (初步).")
    var final = false

    @Option(help: "How many problems to print on stderr (all are in data-report.md).")
    var showProblems = 20

    @Flag(help: "Log only warnings and errors on stderr (for cron); the summary still goes to stdout.")
    var quiet = false

    @Option(name: .customLong("log-file"), help: "Also append every log line (info and above) to this file.")
    var logFile: String?

    /// Inputs larger than this in total get a progress line on a terminal; smaller ones are read
    /// in a moment.
    static let progressThreshold = 50 * 1024 * 1024

    func run() throws {
        let log: RunLog
        do {
            log = try RunLog(quiet: quiet, logFilePath: logFile)
        } catch {
            FileDescriptorWriter(descriptor: STDERR_FILENO, flushThreshold: 0).write("annual-return: \(error)\n")
            throw ExitStatus.cannotCreateOutput
        }
        let logger = log.logger()

        // The configuration is read before the lock, since it names the output folder the lock
        // lives in; nothing else is.
        var configuration: ReturnConfiguration
        do {
            configuration = try ConfigurationLoader.load(path: config)
        } catch {
            logger.error("\(error)")
            throw ExitStatus.of(error)
        }
        if final { configuration.isFinal = true }

        let lock: OutputLock
        do {
            lock = try OutputLock.acquire(outputFolder: configuration.outputFolder)
        } catch {
            logger.error("\(error)")
            switch error {
            case .held: throw ExitStatus.temporaryFailure
            case .output: throw ExitStatus.cannotCreateOutput
            }
        }

        let started = Self.monotonicSeconds()
        do {
            try withExtendedLifetime(lock) {
                try report(configuration, log: log, logger: logger)
            }
            logger.info("finished in \(Self.elapsed(since: started)): exit 0")
        } catch let status as ExitCode {
            let level: Logger.Level = status == ExitStatus.dataError ? .warning : .error
            logger.log(level: level, "finished in \(Self.elapsed(since: started)): exit \(status.rawValue)")
            throw status
        }
    }

    /// The run proper, while the output lock is held: tidy up, read, publish, summarise.
    private func report(_ configuration: ReturnConfiguration, log: RunLog, logger: Logger) throws {
        let inputs = Dataset.allCases.flatMap { configuration.inputs[$0] ?? [] }
        let inputBytes = inputs.reduce(0) { $0 + FileBytes.size(of: $1.path) }
        let folder = ReturnWriter.folder(for: configuration)
        logger.info("report \(configuration.year) from \(config): \(inputs.count) exports, \(Self.megabytes(inputBytes)), into \(folder)/")

        do {
            let recovery = try ReturnWriter.recover(configuration)
            for path in recovery.removedTemporaryFolders {
                logger.warning("removed \(path), left by a run that was killed")
            }
            if recovery.restoredPrevious {
                let previous = ReturnWriter.previousFolder(for: configuration)
                logger.warning("\(folder) was missing and \(previous) held the last complete outputs (a run was killed while swapping them); renamed \(previous) back to \(folder)")
            }
        } catch {
            logger.error("\(error)")
            throw ExitStatus.cannotCreateOutput
        }
        for notice in configuration.notices { logger.warning("\(notice)") }

        let showsProgress = log.showsProgress && inputBytes > Self.progressThreshold
        let result: RunResult
        do {
            result = try ReportPipeline.run(configuration, threads: reading.threads, onFileStart: { file, position in
                if showsProgress { log.progress("reading \(file.displayName) (\(position + 1)/\(inputs.count)) …") }
            })
        } catch {
            log.clearProgress()
            logger.error("\(error)")
            throw ExitStatus.of(error)
        }
        for account in result.accounts {
            logger.info("read \(account.file): \(account.read) rows: \(account.accepted) accepted, \(account.rejected) rejected, \(account.duplicates) duplicates; \(Self.megabytes(account.bytes)), \(account.encoding.rawValue)")
        }

        if showsProgress { log.progress("writing \(folder)/ …") }
        let publication: FolderPublication
        do {
            publication = try ReturnWriter.publish(result, threads: reading.threads)
        } catch {
            log.clearProgress()
            logger.error("\(error)")
            throw ExitStatus.of(error)
        }
        log.clearProgress()
        if let previous = publication.previous {
            logger.info("published \(folder)/; the outputs it replaced are in \(previous)/")
        } else {
            logger.info("published \(folder)/")
        }

        // The problem lists can be long and on disk: they are counted once and read, never copied.
        let errorCount = result.errorCount
        let summary = [
            "annual-return: \(result.summaryLine(errorCount: errorCount))",
            "annual-return: \(configuration.year) return (\(configuration.isFinal ? "final" : "provisional"), as of \(result.asOf?.description ?? "no records")) written to \(folder)/",
        ]
        for line in summary {
            print(line)
            log.writeToLogFile(level: .info, message: line)
        }

        fflush(nil)  // the summary first, then the problems, even when both go to one pipe
        for diagnostic in result.errors(first: max(0, showProblems)) { log.problem(diagnostic.formatted) }
        if errorCount > showProblems {
            log.problem("annual-return: \(errorCount - max(0, showProblems)) more problems in \(folder)/data-report.md")
        }
        if result.rejectedRows > 0 { throw ExitStatus.dataError }
    }

    // MARK: Helpers

    /// A size in MiB with one decimal, e.g. `14.8 MB`.
    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Seconds since `start`, with two decimals, e.g. `1.25 s`.
    private static func elapsed(since start: Double) -> String {
        let hundredths = Int((monotonicSeconds() - start) * 100)
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
    }
}
