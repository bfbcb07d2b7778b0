import AnnualReturn
import ArgumentParser
import Glibc

/// `annual-return explain`: where one figure of figures.json comes from, record by record.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show where one figure comes from: the records behind it, with file, row, key and why each counts.",
        discussion: """
            Runs the configuration's exports through the same checks as `report` (nothing is \
            written to the output folder) and lists what lies behind FIGURE-ID, a key of \
            figures.json:

            - counts: each record counted, as FILE:ROW (the row Excel or WPS shows; the physical \
            line too when it differs), its key (检查编号, 案件编号 or 强制编号), its decisive date \
            and why it counts;
            - money: each case with its amount; the total equals the figure to the fen;
            - distinct enterprises: each enterprise once, by credit code or name, with the \
            records that name it and how its identity was decided;
            - rates: each record's numerator and denominator; monthly averages: the months used;
            - records.<dataset>.*: the per-file counts, or the rejected rows, duplicates or \
            conflicts themselves; meta.*: where the value is taken from.

            The text form ends with a line giving the total, which must equal the figure. The \
            CSV form (UTF-8 with a byte order mark, for Excel and WPS) has one row per record \
            and a last 合计 row.

            Only counted records are explained. Rows the checks reject count in no figure and \
            do not change this command's exit code: explain exits 0 even when `report` would \
            exit 65. To list them, explain records.<dataset>.rejected.

            Examples:
              annual-return explain --config data/annual-return.yaml penalties.by_type.fine
              annual-return explain --config data/annual-return.yaml patrols.enterprises
              annual-return explain --config data/annual-return.yaml --format csv \\
                  penalties.total_yuan > penalties-total.csv

            This command exits 0 when the figure is explained; 64 for a wrong option, a bad \
            configuration or an unknown figure id (the nearest ids are suggested); 66 when the \
            configuration or an export cannot be read; 70 when the records listed do not add up \
            to the figure, or a file's rows do not reconcile (a defect to report).

            \(ExitStatus.helpText)
            """
    )

    /// How the explanation is written to stdout.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case csv
    }

    @Option(help: "The YAML configuration file.")
    var config: String

    @OptionGroup var reading: ThreadsOption

    @Option(help: "text, for reading; or csv, UTF-8 with a byte order mark, for Excel and WPS.")
    var format: Format = .text

    @Argument(help: "The figure to explain, a key of figures.json, e.g. penalties.by_type.fine.")
    var figureID: String

    func run() throws {
        let configuration: ReturnConfiguration
        do {
            configuration = try ConfigurationLoader.load(path: config)
        } catch {
            printError("annual-return explain: \(error)")
            throw ExitStatus.of(error)
        }

        let result: RunResult
        do {
            result = try ReportPipeline.run(configuration, keepsRecords: true, threads: reading.threads)
        } catch {
            printError("annual-return explain: \(error)")
            throw ExitStatus.of(error)
        }

        let explanation: FigureExplanation
        switch FigureExplainer.explain(figureID, in: result) {
        case .success(let explained):
            explanation = explained
        case .failure(let error):
            printError("annual-return explain: \(error)")
            if case .noRule = error { throw ExitStatus.internalError }
            throw ExitStatus.usage
        }

        let stdout = FileDescriptorWriter(descriptor: STDOUT_FILENO)
        switch format {
        case .text: stdout.write(ExplanationTextRenderer.render(explanation))
        case .csv: stdout.write { $0.append(contentsOf: ExplanationCSVRenderer.render(explanation)) }
        }
        stdout.flush()

        // The listing is only worth trusting when it adds up to the published figure.
        guard explanation.isConsistent else {
            printError("annual-return explain: the records listed add up to \(explanation.recomputedValue?.description ?? "—"), but \(explanation.id) is \(explanation.value); please report this")
            throw ExitStatus.internalError
        }
    }

    private func printError(_ line: String) {
        FileDescriptorWriter(descriptor: STDERR_FILENO, flushThreshold: 0).write(line + "\n")
    }
}
