/// Why a run's outputs could not be produced.
public enum PublishError: Error, Sendable, CustomStringConvertible {
    /// The report template or facts file is wrong: a usage problem, nothing was written.
    case template(ReportTemplateError)
    /// An output could not be written.
    case output(OutputError)

    public var description: String {
        switch self {
        case .template(let error): return error.description
        case .output(let error): return error.description
        }
    }
}

/// Renders a run and writes its outputs into `<output>/<year>/`, each file atomically.
public enum ReturnWriter {
    /// The files of a run, by name, as bytes, in the order they are written. Everything is
    /// rendered before anything is written, so a template mistake leaves the folder untouched.
    public static func render(_ result: RunResult) throws(PublishError) -> [(name: String, bytes: [UInt8])] {
        let document = ReturnBuilder(result: result).build()
        var files: [(name: String, bytes: [UInt8])] = [
            ("figures.json", FiguresJSONRenderer.render(result.figures)),
            ("return.json", ReturnJSONRenderer.render(document)),
            ("return.md", ReturnMarkdownRenderer.render(document)),
            ("return.html", ReturnHTMLRenderer.render(document)),
            ("return.csv", ReturnCSVRenderer.render(document)),
            ("data-report.md", DataReportRenderer.render(result)),
            ("rejects.csv", RejectsCSVRenderer.render(result)),
        ]
        do {
            files.append(("return.xlsx", try ReturnXLSXRenderer.render(document, result: result)))
        } catch {
            throw .output(error)
        }
        if let report = try writtenReport(result) { files.append(("report.md", report)) }
        return files
    }

    /// report.md from the configured template and facts, or nil when no template is configured.
    static func writtenReport(_ result: RunResult) throws(PublishError) -> [UInt8]? {
        let configuration = result.configuration
        guard let templatePath = configuration.reportTemplate else { return nil }
        do {
            return try renderReport(configuration: configuration, result: result, templatePath: templatePath)
        } catch {
            throw .template(error)
        }
    }

    private static func renderReport(configuration: ReturnConfiguration, result: RunResult,
                                      templatePath: String) throws(ReportTemplateError) -> [UInt8] {
        var facts: [String: any Sendable] = [:]
        if let factsFile = configuration.factsFile { facts = try ReportContext.loadFacts(path: factsFile) }
        let template: String
        do {
            template = try FileBytes.readText(path: templatePath)
        } catch {
            throw .unreadable(path: templatePath, reason: error.description)
        }
        let context = ReportContext(figures: result.figures, facts: facts, lockdownMonths: configuration.lockdownMonths,
                                    asOf: result.asOf, isFinal: configuration.isFinal, periods: configuration.periods)
        return try ReportTemplateRenderer.render(
            template: template, file: FilePath.display(templatePath, relativeTo: configuration.baseFolder),
            context: context)
    }

    /// The folder a run's outputs go to.
    public static func folder(for configuration: ReturnConfiguration) -> String {
        "\(configuration.outputFolder)/\(configuration.year)"
    }

    /// Renders and writes every output of `result`; returns the folder.
    @discardableResult
    public static func write(_ result: RunResult) throws(PublishError) -> String {
        let files = try render(result)
        let folder = folder(for: result.configuration)
        do {
            for (name, bytes) in files {
                try AtomicFileWriter.write(bytes, to: "\(folder)/\(name)")
            }
        } catch {
            throw .output(error)
        }
        return folder
    }
}
