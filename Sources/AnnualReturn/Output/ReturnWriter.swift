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

/// Renders a run and publishes its outputs as the folder `<output>/<year>/`, all at once.
public enum ReturnWriter {
    /// The files of a run, by name, as bytes, in the order they are written. Everything is
    /// rendered before anything is written, so a template mistake leaves the folder untouched.
    public static func render(_ result: RunResult) throws(PublishError) -> [(name: String, bytes: [UInt8])] {
        let document = ReturnBuilder(result: result).build()
        var files: [(name: String, bytes: [UInt8])] = [
            ("figures.json", FiguresJSONRenderer.render(result.figures)),
            ("return.json", ReturnJSONRenderer.render(document, result: result)),
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

    /// The folder a run's outputs go to: `<output>/<year>`.
    public static func folder(for configuration: ReturnConfiguration) -> String {
        "\(configuration.outputFolder)/\(configuration.year)"
    }

    /// Where the outputs a run replaces are kept: `<output>/<year>.previous`.
    public static func previousFolder(for configuration: ReturnConfiguration) -> String {
        "\(folder(for: configuration)).previous"
    }

    /// Tidies what killed runs left in the output folder, before a run reads anything: removes
    /// stale temporary folders (`<output>/.<year>.tmp-*`) and, when a run was killed between
    /// the two renames of its publication (no `<year>`, a complete `<year>.previous`), renames
    /// `<year>.previous` back to `<year>`.
    ///
    /// Call it only while holding the output folder's ``OutputLock``.
    /// - Throws: ``PublishError/output(_:)`` when `<year>.previous` cannot be renamed back.
    public static func recover(_ configuration: ReturnConfiguration) throws(PublishError) -> OutputRecovery {
        let folder = folder(for: configuration)
        let removed = AtomicFileWriter.removeStaleTemporaryFolders(of: folder)
        do {
            let restored = try AtomicFileWriter.restoreInterruptedPublication(
                of: folder, previous: previousFolder(for: configuration))
            return OutputRecovery(removedTemporaryFolders: removed, restoredPrevious: restored)
        } catch {
            throw .output(error)
        }
    }

    /// Renders every output of `result` and publishes them together as `<output>/<year>`,
    /// keeping the outputs it replaces in `<output>/<year>.previous`; see
    /// ``AtomicFileWriter/publishFolder(_:as:keepingPreviousAs:)`` for what a reader or a crash
    /// can see. Nothing is written unless everything renders.
    ///
    /// Call it only while holding the output folder's ``OutputLock``.
    /// - Throws: ``PublishError/template(_:)`` when the written report cannot be rendered,
    ///   ``PublishError/output(_:)`` when the folder cannot be written; `<year>` is untouched then.
    @discardableResult
    public static func publish(_ result: RunResult) throws(PublishError) -> FolderPublication {
        let files = try render(result)
        let configuration = result.configuration
        do {
            try AtomicFileWriter.makeFolder(configuration.outputFolder)
            return try AtomicFileWriter.publishFolder(files, as: folder(for: configuration),
                                                      keepingPreviousAs: previousFolder(for: configuration))
        } catch {
            throw .output(error)
        }
    }

    /// Renders and publishes every output of `result` (see ``publish(_:)``); returns the folder.
    @discardableResult
    public static func write(_ result: RunResult) throws(PublishError) -> String {
        try publish(result).folder
    }
}

/// What ``ReturnWriter/recover(_:)`` found and repaired.
public struct OutputRecovery: Sendable, Equatable {
    /// Stale temporary folders removed, each left by a run that was killed.
    public var removedTemporaryFolders: [String]
    /// True when `<year>` was missing and `<year>.previous` was renamed back to `<year>`.
    public var restoredPrevious: Bool
}
