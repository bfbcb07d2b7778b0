import CSVIngest

/// The reader's promises (CSVFileReader, CSVByteStream, LibCSVParser, CSVFieldWriter).
extension InvariantChecker {
    func checkIngest(byteCount: Int, into violations: inout [InvariantViolation]) {
        let options = CSVReadOptions(maxFieldBytes: Self.fieldCap)
        let outcome: ReadOutcome
        do {
            outcome = try ReadOutcome.read(path: inputPath, options: options)
        } catch {
            // A file whose first bytes show it is no CSV at all is refused whole, by design.
            if error.refusedFormat == nil { violations.append(InvariantViolation("file-readable", error.description)) }
            return
        }
        checkAccounting(outcome, byteCount: byteCount, into: &violations)
        checkRows(outcome, into: &violations)
        checkFields(outcome, into: &violations)
        checkChunking(against: outcome, into: &violations)
        // Without a header (the first row was rejected) the records need not share a width, and
        // written back, the first of them would be read as a header.
        if outcome.summary.header != nil { checkRoundTrip(of: outcome, into: &violations) }
    }

    /// Every record is accepted or rejected, once, and says so through exactly one channel.
    private func checkAccounting(_ outcome: ReadOutcome, byteCount: Int, into violations: inout [InvariantViolation]) {
        let summary = outcome.summary
        if summary.records != summary.accepted + summary.rejected {
            violations.append(InvariantViolation("records-add-up",
                "records \(summary.records) != accepted \(summary.accepted) + rejected \(summary.rejected)"))
        }
        let delivered = outcome.records.count
        if delivered != summary.accepted {
            violations.append(InvariantViolation("accepted-delivered",
                "\(delivered) records delivered, but the summary says \(summary.accepted) accepted"))
        }
        let errors = outcome.diagnostics.filter { $0.severity == .error }.count
        if errors != summary.rejected {
            violations.append(InvariantViolation("rejected-reported",
                "\(errors) error diagnostics, but the summary says \(summary.rejected) rejected"))
        }
        if summary.bytes != byteCount {
            violations.append(InvariantViolation("bytes-counted", "summary.bytes \(summary.bytes), file has \(byteCount)"))
        }
        // The header is the first record; its fields are the summary's header only when accepted.
        let headerAccepted: Bool
        if case .record = outcome.events.first { headerAccepted = true } else { headerAccepted = false }
        if headerAccepted != (summary.header != nil)
            || (summary.header != nil && summary.header != outcome.records.first?.fields) {
            violations.append(InvariantViolation("header-is-first-record",
                "summary.header \(summary.header.map { "\($0)" } ?? "nil"), first event \(String(describing: outcome.events.first))"))
        }
    }

    /// Rows count up the way Excel shows them: every record and blank line takes one, in order.
    private func checkRows(_ outcome: ReadOutcome, into violations: inout [InvariantViolation]) {
        let summary = outcome.summary
        let lastRow = summary.records + summary.blankRows
        var previous = 0
        for event in outcome.events {
            if event.row <= previous {
                violations.append(InvariantViolation("rows-increase",
                    "row \(event.row) delivered after row \(previous): \(event)"))
                break
            }
            if event.row > lastRow {
                violations.append(InvariantViolation("rows-bounded",
                    "row \(event.row), but records \(summary.records) + blank rows \(summary.blankRows) = \(lastRow)"))
                break
            }
            previous = event.row
        }
        let lines = max(summary.lines, 1)
        for record in outcome.records where record.line < 1 || record.line > lines {
            violations.append(InvariantViolation("lines-bounded",
                "record at row \(record.row) starts on line \(record.line), the file has \(summary.lines) lines"))
            break
        }
        for diagnostic in outcome.diagnostics
        where diagnostic.line < 1 || diagnostic.line > lines || diagnostic.column < 0 {
            violations.append(InvariantViolation("diagnostic-located",
                "line \(diagnostic.line), column \(diagnostic.column) of a file with \(summary.lines) lines: \(diagnostic.formatted)"))
            break
        }
    }

    /// Accepted fields are what CSVRecord promises: valid UTF-8, no NUL, within the cap, and
    /// every record as wide as the others.
    private func checkFields(_ outcome: ReadOutcome, into violations: inout [InvariantViolation]) {
        let records = outcome.records
        for record in records {
            if record.fieldEnds.last != record.bytes.count || zip(record.fieldEnds, record.fieldEnds.dropFirst()).contains(where: { $0 > $1 }) {
                violations.append(InvariantViolation("field-ends",
                    "row \(record.row): field ends \(record.fieldEnds) over \(record.bytes.count) bytes"))
                return
            }
            for index in 0..<record.count {
                let field = record.bytes[record.range(ofField: index)]
                if field.count > Self.fieldCap {
                    violations.append(InvariantViolation("field-within-cap",
                        "row \(record.row) field \(index + 1) has \(field.count) bytes, the cap is \(Self.fieldCap)"))
                    return
                }
                if field.contains(0) {
                    violations.append(InvariantViolation("field-without-nul", "row \(record.row) field \(index + 1)"))
                    return
                }
                // The standard library's validator, independent of the reader's own.
                if String(validating: field, as: UTF8.self) == nil {
                    violations.append(InvariantViolation("field-valid-utf8",
                        "row \(record.row) field \(index + 1): \(field.map { String($0, radix: 16) })"))
                    return
                }
            }
        }
        if outcome.summary.header != nil, let width = records.first?.count,
           let other = records.first(where: { $0.count != width }) {
            violations.append(InvariantViolation("records-same-width",
                "row \(records[0].row) has \(width) fields, row \(other.row) has \(other.count)"))
        }
    }

    /// Reading in tiny chunks delivers exactly what reading in one chunk did.
    private func checkChunking(against whole: ReadOutcome, into violations: inout [InvariantViolation]) {
        let options = CSVReadOptions(maxFieldBytes: Self.fieldCap, chunkBytes: Self.smallChunkBytes)
        let chunked: ReadOutcome
        do {
            chunked = try ReadOutcome.read(path: inputPath, options: options)
        } catch {
            violations.append(InvariantViolation("file-readable", "in \(Self.smallChunkBytes)-byte chunks: \(error.description)"))
            return
        }
        guard chunked != whole else { return }
        // Raw text is compared on its own, so a difference in it alone names its own invariant.
        let chunkedEvents = chunked.events.map(\.withoutRawText)
        let wholeEvents = whole.events.map(\.withoutRawText)
        if chunked.summary == whole.summary && chunkedEvents == wholeEvents {
            let index = Self.firstDifference(chunked.events, whole.events)
            violations.append(InvariantViolation("diagnostic-raw-chunk-independent",
                "event \(index) in \(Self.smallChunkBytes)-byte chunks is \(chunked.events[index]), in one chunk \(whole.events[index])"))
            return
        }
        if chunked.summary != whole.summary {
            violations.append(InvariantViolation("chunk-size-irrelevant",
                "summary in \(Self.smallChunkBytes)-byte chunks \(chunked.summary) != in one chunk \(whole.summary)"))
        }
        if chunkedEvents != wholeEvents {
            let index = Self.firstDifference(chunkedEvents, wholeEvents)
            let get = { (events: [ReadOutcome.Event]) in index < events.count ? "\(events[index])" : "nothing" }
            violations.append(InvariantViolation("chunk-size-irrelevant",
                "event \(index) in \(Self.smallChunkBytes)-byte chunks is \(get(chunkedEvents)), in one chunk \(get(wholeEvents))"))
        }
    }

    /// The accepted records, written back with libcsv's quoting, read back the same and clean.
    private func checkRoundTrip(of outcome: ReadOutcome, into violations: inout [InvariantViolation]) {
        let original = outcome.records.map(\.fields)
        var output: [UInt8] = []
        for fields in original { CSVFieldWriter.appendRecord(fields, to: &output) }
        let written = output.withUnsafeBytes { writeRewritten($0) }
        guard written else {
            violations.append(InvariantViolation("scratch-file", "\(rewrittenPath) could not be written"))
            return
        }
        let again: ReadOutcome
        do {
            again = try ReadOutcome.read(path: rewrittenPath, options: CSVReadOptions(maxFieldBytes: Self.fieldCap))
        } catch {
            violations.append(InvariantViolation("file-readable", "written back: \(error.description)"))
            return
        }
        if let problem = again.diagnostics.first {
            violations.append(InvariantViolation("round-trip-clean",
                "written back, the records read with \(again.diagnostics.count) problems, the first \(problem.formatted) raw \(problem.raw)"))
        }
        let reread = again.records.map(\.fields)
        if reread != original {
            let index = Self.firstDifference(reread, original)
            let get = { (records: [[String]]) in index < records.count ? "\(records[index])" : "nothing" }
            violations.append(InvariantViolation("round-trip-same",
                "record \(index + 1) written back reads as \(get(reread)), was \(get(original))"))
        }
        if !original.isEmpty && again.summary.encoding != .utf8 {
            violations.append(InvariantViolation("round-trip-clean",
                "written back as UTF-8, the file is detected as \(again.summary.encoding.rawValue)"))
        }
        if again.records.map(\.row) != Array(1..<original.count + 1) {
            violations.append(InvariantViolation("round-trip-rows",
                "written back without blank lines, rows are \(again.records.map(\.row).prefix(10))…"))
        }
    }

    /// The index of the first element where `a` and `b` differ (the shorter one's count when
    /// one is a prefix of the other).
    static func firstDifference<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    }
}

extension IngestError {
    /// What the reader took the file for when it refused it as not CSV text at all.
    var refusedFormat: NonCSVFormat? {
        if case .notCSV(_, let format) = self { return format }
        return nil
    }
}
