/// Renders a run and writes its outputs into `<output>/<year>/`, each file atomically.
public enum ReturnWriter {
    /// The files of a run, by name, as bytes: what is written, in order.
    public static func render(_ result: RunResult) -> [(name: String, bytes: [UInt8])] {
        let document = ReturnBuilder(result: result).build()
        return [
            ("figures.json", FiguresJSONRenderer.render(result.figures)),
            ("return.json", ReturnJSONRenderer.render(document)),
            ("return.md", ReturnMarkdownRenderer.render(document)),
            ("data-report.md", DataReportRenderer.render(result)),
            ("rejects.csv", RejectsCSVRenderer.render(result)),
        ]
    }

    /// The folder a run's outputs go to.
    public static func folder(for configuration: ReturnConfiguration) -> String {
        "\(configuration.outputFolder)/\(configuration.year)"
    }

    /// Writes every output of `result`; returns the folder.
    @discardableResult
    public static func write(_ result: RunResult) throws(OutputError) -> String {
        let folder = folder(for: result.configuration)
        for (name, bytes) in render(result) {
            try AtomicFileWriter.write(bytes, to: "\(folder)/\(name)")
        }
        return folder
    }
}
