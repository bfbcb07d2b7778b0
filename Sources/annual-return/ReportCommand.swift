import ArgumentParser

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build the return from the exports named in a configuration file."
    )

    @Option(help: "The YAML configuration file.")
    var config: String = "data/annual-return.yaml"

    func run() throws {
        print("annual-return report: the counting stage is not built yet; only `annual-return parse` works in this version.")
        throw ExitStatus.usage
    }
}
