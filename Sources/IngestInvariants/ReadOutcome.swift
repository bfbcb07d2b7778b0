import CSVIngest

/// Everything one read of a file delivered, in delivery order, in a form that compares: two
/// reads of the same bytes must give equal outcomes whatever the chunk size.
struct ReadOutcome: Equatable {
    /// A record or a problem, as the reader handed it over.
    enum Event: Equatable {
        case record(row: Int, line: Int, bytes: [UInt8], fieldEnds: [Int])
        case diagnostic(Diagnostic)

        /// The Excel row the event is about.
        var row: Int {
            switch self {
            case .record(let row, _, _, _): return row
            case .diagnostic(let diagnostic): return diagnostic.row
            }
        }

        /// The event with a diagnostic's display text (`raw`) emptied.
        var withoutRawText: Event {
            guard case .diagnostic(var diagnostic) = self else { return self }
            diagnostic.raw = ""
            return .diagnostic(diagnostic)
        }
    }

    var events: [Event] = []
    var summary: CSVFileSummary

    /// The accepted records, in order.
    var records: [CSVRecord] {
        events.compactMap { event in
            guard case .record(let row, let line, let bytes, let ends) = event else { return nil }
            return CSVRecord(row: row, line: line, bytes: bytes, fieldEnds: ends)
        }
    }

    /// The problems reported, in order.
    var diagnostics: [Diagnostic] {
        events.compactMap { event in
            guard case .diagnostic(let diagnostic) = event else { return nil }
            return diagnostic
        }
    }

    /// Reads `path` with `options`, keeping every event.
    /// - Throws: ``IngestError`` when the file cannot be read at all.
    static func read(path: String, options: CSVReadOptions) throws(IngestError) -> ReadOutcome {
        var events: [Event] = []
        let summary = try CSVFileReader.read(
            path: path, displayName: "input.csv", options: options,
            onDiagnostic: { events.append(.diagnostic($0)) },
            onRecord: { events.append(.record(row: $0.row, line: $0.line, bytes: $0.bytes, fieldEnds: $0.fieldEnds)) })
        return ReadOutcome(events: events, summary: summary)
    }
}
