import AnnualReturn
import ArgumentParser

/// `--threads`: how many threads parse and stage the exports (and render the outputs, where a
/// command renders them). Shared by the commands that run the pipeline; the outputs are the
/// same whatever the number.
struct ThreadsOption: ParsableArguments {
    @Option(name: .customLong("threads"), help: ArgumentHelp(
        "How many threads read the exports and render the outputs (default: one per processor). The outputs are the same whatever the number.",
        valueName: "N"))
    private var requested: Int?

    /// The number asked for, or one per processor.
    var threads: Int { requested ?? ReportPipeline.availableProcessors }

    func validate() throws {
        if let requested, requested < 1 { throw ValidationError("--threads must be at least 1") }
    }
}
