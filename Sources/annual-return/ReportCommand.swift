import AnnualReturn
import ArgumentParser
import Glibc

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build the return from the exports named in a configuration file.",
        discussion: """
            Reads every export the configuration names, checks every row, and writes into
            <output>/<year>/: figures.json, return.json, return.md, return.csv,
            data-report.md, rejects.csv and, when a report template is configured, report.md. Each file is written whole or not at all. A short summary goes to stdout;
            the first problems go to stderr, all of them to data-report.md and rejects.csv.

            Examples:
              annual-return report --config data/annual-return.yaml
              annual-return report --config /etc/annual-return/2022.yaml --final

            \(ExitStatus.helpText)
            """
    )

    @Option(help: "The YAML configuration file.")
    var config: String

    @Flag(help: "Mark the return final (正式) instead of provisional (初步).")
    var final = false

    @Option(help: "How many problems to print on stderr (all are in data-report.md).")
    var showProblems = 20

    func run() throws {
        var configuration: ReturnConfiguration
        do {
            configuration = try ConfigurationLoader.load(path: config)
        } catch {
            printError("annual-return: \(error)")
            throw error.isMissingInput ? ExitStatus.noInput : ExitStatus.usage
        }
        if final { configuration.isFinal = true }

        let result: RunResult
        do {
            result = try ReportPipeline.run(configuration)
        } catch {
            printError("annual-return: \(error)")
            if case .unreadableInput = error { throw ExitStatus.noInput }
            throw ExitStatus.internalError
        }

        let folder: String
        do {
            folder = try ReturnWriter.write(result)
        } catch {
            printError("annual-return: \(error)")
            switch error {
            case .template(.unreadable): throw ExitStatus.noInput
            case .template: throw ExitStatus.usage
            case .output: throw ExitStatus.cannotCreateOutput
            }
        }

        let accounts = result.accounts
        let read = accounts.reduce(0) { $0 + $1.read }
        let accepted = accounts.reduce(0) { $0 + $1.accepted }
        let duplicates = accounts.reduce(0) { $0 + $1.duplicates }
        let conflicts = accounts.reduce(0) { $0 + $1.conflicts }
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        print("annual-return: \(accounts.count) files, \(read) rows read: \(accepted) accepted, \(result.rejectedRows) rejected, \(duplicates) duplicates (\(conflicts) conflicts replaced by newer exports); \(warnings) warnings")
        print("annual-return: \(configuration.year) return (\(configuration.isFinal ? "final" : "provisional"), as of \(result.asOf?.description ?? "no records")) written to \(folder)/")

        fflush(nil)  // the summary first, then the problems, even when both go to one pipe
        let errors = result.diagnostics.filter { $0.severity == .error }
        for diagnostic in errors.prefix(max(0, showProblems)) { printError(diagnostic.formatted) }
        if errors.count > showProblems {
            printError("annual-return: \(errors.count - showProblems) more problems in \(folder)/data-report.md")
        }
        if result.rejectedRows > 0 { throw ExitStatus.dataError }
    }

    private func printError(_ line: String) {
        FileDescriptorWriter(descriptor: STDERR_FILENO, flushThreshold: 0).write(line + "\n")
    }
}
