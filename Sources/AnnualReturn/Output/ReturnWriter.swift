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
    /// One output file: its name and how to render it.
    struct Output: Sendable {
        let name: String
        let render: @Sendable () throws(PublishError) -> [UInt8]
        /// Renders the output a part at a time into `emit` (a file, or nothing for a check),
        /// for one that can be too large to hold whole; nil when `render` is the only way.
        var stream: (@Sendable (_ emit: @escaping ([UInt8]) throws(OutputError) -> Void) throws(PublishError) -> Void)? = nil
    }

    /// Every output of `result`, in the order they are listed; report.md only when a template
    /// is configured.
    static func outputs(_ result: RunResult) -> [Output] {
        let document = ReturnBuilder(result: result).build()
        var outputs = [
            Output(name: "figures.json") { FiguresJSONRenderer.render(result.figures) },
            Output(name: "return.json", render: { ReturnJSONRenderer.render(document, result: result) },
                   stream: { emit throws(PublishError) in
                       try outputStep { () throws(OutputError) in try ReturnJSONRenderer.write(document, result: result, to: emit) }
                   }),
            Output(name: "return.md") { ReturnMarkdownRenderer.render(document) },
            Output(name: "return.html") { ReturnHTMLRenderer.render(document) },
            Output(name: "return.csv") { ReturnCSVRenderer.render(document) },
            Output(name: "data-report.md", render: { DataReportRenderer.render(result) },
                   stream: { emit throws(PublishError) in
                       try outputStep { () throws(OutputError) in try DataReportRenderer.write(result, to: emit) }
                   }),
            Output(name: "rejects.csv", render: { RejectsCSVRenderer.render(result) },
                   stream: { emit throws(PublishError) in
                       try outputStep { () throws(OutputError) in try RejectsCSVRenderer.write(result, to: emit) }
                   }),
            Output(name: "return.xlsx") { () throws(PublishError) in
                try outputStep { () throws(OutputError) in try ReturnXLSXRenderer.render(document, result: result) }
            },
        ]
        if result.configuration.reportTemplate != nil {
            outputs.append(Output(name: "report.md") { () throws(PublishError) in try writtenReport(result) ?? [] })
        }
        return outputs
    }

    /// report.md from the configured template and facts, or nil when no template is configured.
    static func writtenReport(_ result: RunResult) throws(PublishError) -> [UInt8]? {
        guard let templatePath = result.configuration.reportTemplate else { return nil }
        do throws(ReportTemplateError) {
            return try renderReport(configuration: result.configuration, result: result, templatePath: templatePath)
        } catch {
            throw .template(error)
        }
    }

    /// The order the outputs are rendered in when several threads share the work: the largest
    /// first (for a big district return.json lists every enterprise, the workbook and the
    /// problem lists follow), so no thread is left with a long one at the end.
    private static func renderingOrder(_ outputs: [Output]) -> [Int] {
        let first = ["return.json", "return.xlsx", "data-report.md", "rejects.csv"]
        return outputs.indices.sorted { a, b in
            (first.firstIndex(of: outputs[a].name) ?? first.count, a) < (first.firstIndex(of: outputs[b].name) ?? first.count, b)
        }
    }

    /// Renders every output of `result` on up to `threads` threads and lets the bytes go: what
    /// `check` does, to find a template's mistakes without writing anything. Those that can be
    /// written a part at a time are, so a large run's lists are never held whole.
    /// - Throws: the first failure in listed order.
    public static func check(_ result: RunResult, threads: Int = ReportPipeline.availableProcessors) throws(PublishError) {
        let checked = onThreads(outputs(result), threads: threads) { output throws(PublishError) in
            if let stream = output.stream {
                try stream { _ in }
            } else {
                _ = try output.render()
            }
        }
        for output in checked { try output.get() }
    }

    /// The files of a run, by name, as bytes, in the order they are listed, rendered on up to
    /// `threads` threads.
    public static func render(_ result: RunResult, threads: Int = ReportPipeline.availableProcessors)
        throws(PublishError) -> [(name: String, bytes: [UInt8])] {
        let outputs = outputs(result)
        let rendered = onThreads(outputs, threads: threads) { output throws(PublishError) in try output.render() }
        var files: [(name: String, bytes: [UInt8])] = []
        for (output, bytes) in zip(outputs, rendered) { files.append((output.name, try bytes.get())) }
        return files
    }

    /// `job` for every output on up to `threads` threads, the largest first (`renderingOrder`);
    /// the results in the outputs' listed order, so the first failure is the listed first.
    private static func onThreads<Value: Sendable>(
        _ outputs: [Output], threads: Int, _ job: @Sendable (Output) throws(PublishError) -> Value
    ) -> [Result<Value, PublishError>] {
        let order = renderingOrder(outputs)
        let done = ConcurrentWork.map(outputs.count, threads: threads) { index in
            Result { () throws(PublishError) -> Value in try job(outputs[order[index]]) }
        }
        var listed = done
        for (index, result) in done.enumerated() { listed[order[index]] = result }
        return listed
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
    /// can see. `<year>` changes only once every output has rendered and been written.
    ///
    /// The outputs are rendered on up to `threads` threads, and each is written to the
    /// temporary folder as soon as it is done and then let go, so a large run never holds
    /// every output in memory at once.
    ///
    /// Call it only while holding the output folder's ``OutputLock``.
    /// - Throws: ``PublishError/template(_:)`` when the written report cannot be rendered,
    ///   ``PublishError/output(_:)`` when the folder cannot be written; `<year>` is untouched then.
    @discardableResult
    public static func publish(_ result: RunResult, threads: Int = ReportPipeline.availableProcessors)
        throws(PublishError) -> FolderPublication {
        let configuration = result.configuration
        let target = folder(for: configuration)
        let temporary: String
        do {
            try AtomicFileWriter.makeFolder(configuration.outputFolder)
            temporary = try AtomicFileWriter.makeTemporaryFolder(for: target)
        } catch {
            throw .output(error)
        }
        let written = onThreads(outputs(result), threads: threads) { output throws(PublishError) in
            try write(output, into: temporary)
        }
        // The first failure in the listed order, whichever thread met it first.
        for output in written {
            guard case .failure(let failure) = output else { continue }
            AtomicFileWriter.discardTemporaryFolder(temporary)
            throw failure
        }
        do {
            return try AtomicFileWriter.publishTemporaryFolder(temporary, as: target,
                                                               keepingPreviousAs: previousFolder(for: configuration))
        } catch {
            throw .output(error)
        }
    }

    /// Renders one output into a new file of `folder`: straight into the file when it can be
    /// streamed, else whole and then written.
    private static func write(_ output: Output, into folder: String) throws(PublishError) {
        guard let stream = output.stream else {
            let bytes = try output.render()
            try outputStep { () throws(OutputError) in try AtomicFileWriter.writeNewFile(bytes, named: output.name, in: folder) }
            return
        }
        let file = try outputStep { () throws(OutputError) in try AtomicFileWriter.NewFile(named: output.name, in: folder) }
        try stream { chunk throws(OutputError) in try file.append(chunk) }
        try outputStep { () throws(OutputError) in try file.finish() }
    }

    /// Runs a step that writes, its failure as a ``PublishError/output(_:)``.
    private static func outputStep<Result>(_ step: () throws(OutputError) -> Result) throws(PublishError) -> Result {
        do {
            return try step()
        } catch {
            throw .output(error)
        }
    }

    /// Renders and publishes every output of `result` (see ``publish(_:threads:)``); returns the
    /// folder.
    @discardableResult
    public static func write(_ result: RunResult, threads: Int = ReportPipeline.availableProcessors)
        throws(PublishError) -> String {
        try publish(result, threads: threads).folder
    }
}

/// What ``ReturnWriter/recover(_:)`` found and repaired.
public struct OutputRecovery: Sendable, Equatable {
    /// Stale temporary folders removed, each left by a run that was killed.
    public var removedTemporaryFolders: [String]
    /// True when `<year>` was missing and `<year>.previous` was renamed back to `<year>`.
    public var restoredPrevious: Bool
}
