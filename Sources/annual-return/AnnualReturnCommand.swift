import AnnualReturn
import ArgumentParser
import Glibc

@main
struct AnnualReturnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annual-return",
        abstract: "Builds a district's annual enforcement statistics return (行政执法统计年报) from the enforcement system's CSV exports.",
        discussion: ExitStatus.helpText,
        version: "0.1.0",
        subcommands: [ReportCommand.self, CheckCommand.self, ParseCommand.self, ExplainCommand.self,
                      MergeCommand.self, GenerateCommand.self]
    )

    static func main() {
        // A file size limit (ulimit -f) must fail the write that crosses it, so the run ends
        // with exit 73 and its outputs intact, rather than kill the process with SIGXFSZ.
        signal(SIGXFSZ, SIG_IGN)
        main(nil)
    }
}
