import AnnualReturn
import ArgumentParser
import Glibc

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the exports and the report template without writing anything.",
        discussion: """
            Runs every check `report` runs — the configuration, every row of every export, the
            written report's template — and prints every problem to stderr, one a line, as
            FILE:ROW:COL: error[CODE]: message (or warning[CODE] with --warnings). Nothing is
            written and no lock is taken, so it is safe to run at any time, even while a nightly
            report runs. The exit codes are report's, so a script can check before publishing.

            Examples:
              annual-return check --config data/annual-return.yaml
              annual-return check --config data/annual-return.yaml --warnings | sort | uniq -c

            \(ExitStatus.helpText)
            """
    )

    @Option(help: "The YAML configuration file.")
    var config: String

    @OptionGroup var reading: ThreadsOption

    @Flag(help: "Print warnings (rows kept but worth a look) as well as errors.")
    var warnings = false

    func run() throws {
        let stderr = FileDescriptorWriter(descriptor: STDERR_FILENO)
        defer { stderr.flush() }
        let configuration: ReturnConfiguration
        do {
            configuration = try ConfigurationLoader.load(path: config)
        } catch {
            stderr.write("annual-return: \(error)\n")
            throw ExitStatus.of(error)
        }
        for notice in configuration.notices { stderr.write("annual-return: \(notice)\n") }
        let result: RunResult
        do {
            result = try ReportPipeline.run(configuration, threads: reading.threads)
        } catch {
            stderr.write("annual-return: \(error)\n")
            throw ExitStatus.of(error)
        }
        for diagnostic in result.diagnostics where warnings || diagnostic.severity == .error {
            stderr.write(diagnostic.formatted + "\n")
        }
        // Rendering checks the template's names without writing a byte.
        do {
            try ReturnWriter.check(result, threads: reading.threads)
        } catch {
            stderr.write("annual-return: \(error)\n")
            throw ExitStatus.of(error)
        }
        print("annual-return: \(result.summaryLine)")
        if result.rejectedRows > 0 { throw ExitStatus.dataError }
    }
}
