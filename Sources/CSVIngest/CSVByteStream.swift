import Glibc

/// Turns a stream of UTF-8 bytes into checked records: feeds libcsv a physical line at a time,
/// numbers rows the way Excel shows them, rejects bad rows with a diagnostic, and recovers from
/// malformed quoting so that no later row disappears without a word.
///
/// Feeding libcsv line by line is what lets a record know its physical line, and lets the
/// stream notice the line on which a quoted field opened. When such a field never closes (end
/// of file) or grows past the cap, the record is rejected and the lines after the opening line
/// are read again as rows of their own: they come out either accepted or reported.
final class CSVByteStream {
    let parser: LibCSVParser
    private let fileName: String
    private let maxFieldBytes: Int
    private let invalidEncodingName: String
    /// False when the whole file was found to decode already (``EncodingDecision/isWhollyValid``).
    private let checksFieldEncoding: Bool
    private let onDiagnostic: (Diagnostic) -> Void
    private let onRecord: (CSVRecord) -> Void

    private(set) var records = 0
    private(set) var accepted = 0
    private(set) var rejected = 0
    private(set) var blankRows = 0
    private(set) var physicalLines = 0
    private(set) var header: [String]?
    private(set) var sawByteOrderMark = false
    private var headerFieldCount: Int?
    /// True once the first row that is not blank has been read or rejected: that row is the
    /// header, even when it is broken (a broken header is not replaced by the next record).
    private var sawHeaderRow = false
    /// A row rejected mid-line whose diagnostic waits for the rest of the line, which is
    /// skipped and may lie in the next chunk: its raw text must not depend on the chunk size.
    private var pendingRejection: PendingRejection?

    private struct PendingRejection {
        var code: DiagnosticCode
        var column: Int
        var row: Int
        var line: Int
        var message: String
        /// The fields read so far, then the rest of the line (up to ``suffixLimit`` bytes).
        var bytes: [UInt8]
        var ends: [Int]
        var suffixCount = 0

        static let suffixLimit = 512

        mutating func appendSuffix(_ more: UnsafeRawBufferPointer) {
            let room = Self.suffixLimit - suffixCount
            guard room > 0 else { return }
            let taken = more.prefix(room)
            bytes.append(contentsOf: taken)
            suffixCount += taken.count
            ends[ends.count - 1] = bytes.count
        }
    }

    /// Excel row of the last record or blank line (counted from the stream's start).
    private(set) var row = 0
    /// The physical line being fed (1-based).
    private(set) var lineNumber = 1
    /// The line on which the record now being read (or the next one) starts.
    private var recordStartLine = 1
    private var lineStartedInsideRecord = false
    private var lineStartedInsideQuote = false
    private var recordsEndedThisLine = 0
    private var lineHasBytes = false
    private var skippingRestOfLine = false
    private var atStreamStart = true
    private var streamStart: [UInt8] = []

    /// The line on which the quoted field still open at the last line end began.
    private var quoteOpenLine: Int?
    private var quoteOpenColumn = 0
    /// The bytes fed since the end of `quoteOpenLine`, to read again if the quote never closes.
    private var replay: [UInt8] = []
    private var replayOverflowed = false

    init(fileName: String, maxFieldBytes: Int, encoding: EncodingDecision,
         onDiagnostic: @escaping (Diagnostic) -> Void, onRecord: @escaping (CSVRecord) -> Void) {
        self.fileName = fileName
        self.maxFieldBytes = maxFieldBytes
        invalidEncodingName = encoding.invalidEncodingName
        checksFieldEncoding = !encoding.isWhollyValid
        self.onDiagnostic = onDiagnostic
        self.onRecord = onRecord
        parser = LibCSVParser(maxFieldBytes: maxFieldBytes)
        parser.onRecordEnd = { [unowned self] in self.recordEnded() }
    }

    // MARK: Pieces

    /// Starts the stream at the start of physical line `line`, after the header, as the serial
    /// reader is there when that line starts outside any record: a piece of the file read on
    /// its own. Rows are counted from 0 (the caller adds the rows before the piece); lines, and
    /// so the line numbers in messages, are the file's. Must be called before any input.
    func resume(atLine line: Int, header settled: CSVHeaderState) {
        precondition(atStreamStart && streamStart.isEmpty && lineNumber == 1, "resume(atLine:) after input")
        atStreamStart = false  // only the file's first bytes can be a byte order mark
        sawHeaderRow = true
        header = settled.fields
        headerFieldCount = settled.fieldCount
        lineNumber = line
        physicalLines = line - 1
        startLine()
    }

    /// The header once the first row that is not blank has been read or rejected; nil before.
    /// It never changes after that, so a piece that starts later can start from it.
    var headerState: CSVHeaderState? {
        sawHeaderRow ? CSVHeaderState(fields: header, fieldCount: headerFieldCount) : nil
    }

    /// True where a fresh stream could take over: at the start of a line, outside any record
    /// and any quote, with no rejection waiting for its line end and no lines kept to be read
    /// again. (libcsv outside a record holds nothing either: a record's end resets its state.)
    var isAtCleanLineStart: Bool {
        !atStreamStart && !lineHasBytes && !skippingRestOfLine && pendingRejection == nil
            && !parser.isInsideRecord && quoteOpenLine == nil
    }

    // MARK: Feeding

    /// Consumes the next bytes of the file (already UTF-8, or raw bytes read as UTF-8).
    func consume(_ input: UnsafeRawBufferPointer) {
        guard let base = input.baseAddress, input.count > 0 else { return }
        var start = 0
        if atStreamStart {
            // A byte order mark is stripped only at the very start; further on it is data. The
            // first chunk may be shorter than the mark, so its bytes are held until decided.
            let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
            while start < input.count && streamStart.count < 3 {
                streamStart.append(input[start])
                start += 1
            }
            if streamStart.count < 3 && streamStart.elementsEqual(byteOrderMark.prefix(streamStart.count)) { return }
            atStreamStart = false
            if streamStart == byteOrderMark {
                sawByteOrderMark = true
            } else {
                let held = streamStart
                held.withUnsafeBytes { consumeBody($0, from: 0) }
            }
            streamStart = []
        }
        consumeBody(input, from: start)
    }

    private func consumeBody(_ input: UnsafeRawBufferPointer, from first: Int) {
        guard let base = input.baseAddress else { return }
        var start = first
        while start < input.count {
            let newline = memchr(base + start, 0x0A, input.count - start)
            let end = newline.map { base.distance(to: UnsafeRawPointer($0)) + 1 } ?? input.count
            if skippingRestOfLine {
                pendingRejection?.appendSuffix(UnsafeRawBufferPointer(start: base + start, count: end - start))
                if newline != nil {
                    skippingRestOfLine = false
                    reportPendingRejection()
                    endLine()
                }
                start = end
                continue
            }
            let segment = UnsafeRawBufferPointer(start: base + start, count: end - start)
            lineHasBytes = true
            if let (offset, failure) = parser.parse(segment) {
                record(replayOf: UnsafeRawBufferPointer(rebasing: segment[..<offset]))
                recover(from: failure, in: segment, at: offset)
                start += offset
                continue
            }
            record(replayOf: segment)
            if newline != nil { endLine() }
            start = end
        }
    }

    /// Ends the input: reports a quote left open, reads again what it swallowed, and completes
    /// a last record that has no line end.
    func finish() {
        if atStreamStart {
            atStreamStart = false
            let held = streamStart
            held.withUnsafeBytes { consumeBody($0, from: 0) }
        }
        skippingRestOfLine = false
        reportPendingRejection()
        while parser.isInsideQuotedField {
            row += 1
            records += 1
            sawHeaderRow = true
            let column = parser.fieldEnds.count + 1
            let openLine = quoteOpenLine ?? lineNumber
            var message = "the quote opened in field \(column) on line \(openLine) is never closed"
            let canReadAgain = quoteOpenLine != nil && !replayOverflowed
            if canReadAgain { message += "; the lines after it were read again as rows of their own" }
            reject(.unterminatedQuote, column: column, line: recordStartLine, message: message,
                   raw: partialRecordText())
            let again = replay
            restart(atLine: openLine + 1)
            guard canReadAgain else { break }
            again.withUnsafeBytes { consumeBody($0, from: 0) }
        }
        // A row rejected in the lines read again may be waiting for a line end that never came.
        skippingRestOfLine = false
        reportPendingRejection()
        parser.finish()
        physicalLines = max(physicalLines, lineHasBytes ? lineNumber : lineNumber - 1)
    }

    // MARK: Lines and rows

    private func endLine() {
        if !lineStartedInsideRecord && recordsEndedThisLine == 0 && !parser.isInsideRecord {
            row += 1  // a blank line still takes a row in Excel
            blankRows += 1
        }
        if parser.isInsideQuotedField {
            let openedOnThisLine = !lineStartedInsideQuote || parser.fieldsCompletedCounter > 0
                || recordsEndedThisLine > 0
            if openedOnThisLine {
                quoteOpenLine = lineNumber
                quoteOpenColumn = parser.fieldEnds.count + 1
                replay.removeAll(keepingCapacity: true)
                replayOverflowed = false
            }
        } else if quoteOpenLine != nil {
            quoteOpenLine = nil
            replay.removeAll(keepingCapacity: true)
        }
        physicalLines = max(physicalLines, lineNumber)
        lineNumber += 1
        startLine()
    }

    private func startLine() {
        lineStartedInsideRecord = parser.isInsideRecord
        lineStartedInsideQuote = parser.isInsideQuotedField
        recordsEndedThisLine = 0
        lineHasBytes = false
        parser.fieldsCompletedCounter = 0
        if !lineStartedInsideRecord { recordStartLine = lineNumber }
    }

    private func record(replayOf bytes: UnsafeRawBufferPointer) {
        guard quoteOpenLine != nil, !replayOverflowed else { return }
        // The replay holds at most the open field (doubled quotes count twice) and a little more.
        if replay.count + bytes.count > 2 * maxFieldBytes + 65_536 {
            replayOverflowed = true
            replay = []
            return
        }
        replay.append(contentsOf: bytes)
    }

    private func restart(atLine line: Int) {
        parser.reset()
        quoteOpenLine = nil
        replay = []
        replayOverflowed = false
        lineNumber = line
        startLine()
    }

    // MARK: Records

    private func recordEnded() {
        recordsEndedThisLine += 1
        row += 1
        let line = recordStartLine
        recordStartLine = lineNumber  // a bare CR can end a record mid-line
        let bytes = parser.fieldBytes
        let ends = parser.fieldEnds
        if bytes.isEmpty {
            blankRows += 1  // a delimiter-only line is not a record
            return
        }
        records += 1
        let isHeader = !sawHeaderRow
        sawHeaderRow = true
        if isHeader { headerFieldCount = ends.count }
        if let problem = fieldProblem(bytes: bytes, ends: ends) {
            reject(problem.code, column: problem.column, line: line, message: problem.message,
                   raw: Self.display(bytes: bytes, ends: ends))
            return
        }
        let fields = CSVRecord(row: row, line: line, bytes: bytes, fieldEnds: ends)
        if isHeader {
            header = fields.fields
        } else if let expected = headerFieldCount, ends.count != expected {
            let extra = ends.count > expected
            let message = extra
                ? "the row has \(ends.count) fields but the header has \(expected); field \(expected + 1) has no column"
                : "the row has \(ends.count) fields but the header has \(expected); field \(ends.count + 1) is missing"
            reject(extra ? .extraCell : .missingCell, column: extra ? expected + 1 : ends.count + 1,
                   line: line, message: message, raw: Self.display(bytes: bytes, ends: ends))
            return
        }
        accepted += 1
        onRecord(fields)
    }

    private struct FieldProblem {
        var code: DiagnosticCode
        var column: Int
        var message: String
    }

    /// The first field, left to right, that is too large, holds a NUL byte or is not valid UTF-8.
    private func fieldProblem(bytes: [UInt8], ends: [Int]) -> FieldProblem? {
        bytes.withUnsafeBytes { all in
            // The usual row, in a file found valid already: one look for a NUL over the whole
            // record, and no field can be over the cap when all of them together are not.
            if !checksFieldEncoding && all.count <= maxFieldBytes
                && (all.isEmpty || memchr(all.baseAddress!, 0, all.count) == nil) {
                return nil
            }
            var start = 0
            for (index, end) in ends.enumerated() {
                defer { start = end }
                let field = UnsafeRawBufferPointer(rebasing: all[start..<end])
                if field.count > maxFieldBytes {
                    return FieldProblem(code: .fieldTooLarge, column: index + 1,
                                        message: "the field has \(field.count) bytes, more than the cap of \(maxFieldBytes)")
                }
                if let nul = memchr(field.baseAddress!, 0, field.count) {
                    let offset = field.baseAddress!.distance(to: UnsafeRawPointer(nul))
                    return FieldProblem(code: .nulByte, column: index + 1,
                                        message: "the field holds a NUL byte at byte \(offset + 1)")
                }
                switch checksFieldEncoding ? UTF8Validation.check(field) : .valid {
                case .valid:
                    break
                case .invalid(let offset), .truncated(let offset):
                    let byte = field[offset]
                    return FieldProblem(code: .invalidEncoding, column: index + 1,
                                        message: "the field is not valid \(invalidEncodingName): byte 0x\(Self.hex(byte)) at byte \(offset + 1)")
                }
            }
            return nil
        }
    }

    private func reject(_ code: DiagnosticCode, column: Int, line: Int, message: String, raw: String) {
        rejected += 1
        let name = header.flatMap { column >= 1 && column <= $0.count ? $0[column - 1] : nil }
        onDiagnostic(Diagnostic(severity: .error, code: code, file: fileName, row: row, line: line,
                                column: column, field: name, message: message, raw: raw))
    }

    /// Rejects the current record once the rest of its line has been skipped.
    private func deferRejection(_ code: DiagnosticCode, column: Int, message: String) {
        var bytes = parser.fieldBytes
        var ends = parser.fieldEnds
        bytes.append(contentsOf: parser.partialField.prefix(512))
        ends.append(bytes.count)
        // The rest of the line, from the offending byte on, is added as it is skipped: reading
        // resumes at that byte, whichever chunk the line ends in.
        pendingRejection = PendingRejection(code: code, column: column, row: row, line: recordStartLine,
                                            message: message, bytes: bytes, ends: ends)
    }

    private func reportPendingRejection() {
        guard let pending = pendingRejection else { return }
        pendingRejection = nil
        rejected += 1
        let name = header.flatMap { pending.column >= 1 && pending.column <= $0.count ? $0[pending.column - 1] : nil }
        onDiagnostic(Diagnostic(severity: .error, code: pending.code, file: fileName, row: pending.row,
                                line: pending.line, column: pending.column, field: name, message: pending.message,
                                raw: Self.display(bytes: pending.bytes, ends: pending.ends)))
    }

    // MARK: Recovery

    private func recover(from failure: LibCSVParser.Failure, in segment: UnsafeRawBufferPointer, at offset: Int) {
        row += 1
        records += 1
        recordsEndedThisLine += 1
        sawHeaderRow = true
        let column = parser.fieldEnds.count + 1
        switch failure {
        case .strayQuote:
            let message = segment[offset] == UInt8(ascii: "\"") && !parser.isInsideQuotedField
                ? "a quote inside an unquoted field (a field with quotes must be quoted whole, its quotes doubled)"
                : "text after the closing quote of a quoted field (a quote inside a quoted field must be doubled)"
            deferRejection(.strayQuote, column: column, message: message + lineNote)
            parser.reset()
            quoteOpenLine = nil
            replay.removeAll(keepingCapacity: true)
            skippingRestOfLine = true
        case .fieldTooLarge:
            var message = "field \(column) grows past the cap of \(maxFieldBytes) bytes"
            if parser.isInsideQuotedField, let openLine = quoteOpenLine, !replayOverflowed {
                message += "; the quote opened on line \(openLine) probably never closes, so the lines after it were read again as rows of their own"
                reject(.fieldTooLarge, column: column, line: recordStartLine, message: message,
                       raw: partialRecordText())
                let again = replay
                restart(atLine: openLine + 1)
                again.withUnsafeBytes { consumeBody($0, from: 0) }
            } else {
                deferRejection(.fieldTooLarge, column: column, message: message + "; the rest of the line was skipped")
                parser.reset()
                quoteOpenLine = nil
                replay.removeAll(keepingCapacity: true)
                skippingRestOfLine = true
            }
        }
    }

    /// Names the physical line when it differs from the record's first line.
    private var lineNote: String {
        lineNumber == recordStartLine ? "" : " (on line \(lineNumber))"
    }

    /// The record read so far, for a diagnostic: completed fields and the open field.
    private func partialRecordText() -> String {
        var bytes = parser.fieldBytes
        var ends = parser.fieldEnds
        bytes.append(contentsOf: parser.partialField.prefix(512))
        ends.append(bytes.count)
        return Self.display(bytes: bytes, ends: ends)
    }

    // MARK: Display

    /// Fields joined by commas for a human: invalid bytes as `\xNN`, NUL as `\0`, line ends as
    /// `\n`/`\r`, cut at 200 characters.
    static func display(bytes: [UInt8], ends: [Int]) -> String {
        var text = ""
        var start = 0
        for (index, end) in ends.enumerated() {
            if index > 0 { text += "," }
            text += displayField(bytes[start..<end])
            start = end
            if text.count > 200 { break }
        }
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }

    private static func displayField(_ field: ArraySlice<UInt8>) -> String {
        var text = ""
        var rest = Array(field)
        while !rest.isEmpty {
            let outcome = rest.withUnsafeBytes { UTF8Validation.check($0) }
            let validCount: Int
            switch outcome {
            case .valid: validCount = rest.count
            case .invalid(let at), .truncated(let at): validCount = at
            }
            text += String(decoding: rest[..<validCount], as: UTF8.self)
            if validCount < rest.count {
                text += "\\x" + hex(rest[validCount])
                rest.removeFirst(validCount + 1)
            } else {
                rest.removeAll()
            }
        }
        return text.replacingControlCharacters()
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}

extension String {
    fileprivate func replacingControlCharacters() -> String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\0": out += "\\0"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// What reading the header row settled: its fields when it was accepted, and how many fields it
/// had (the count later rows are checked against), nil when it was rejected before that.
struct CSVHeaderState: Sendable, Equatable {
    var fields: [String]?
    var fieldCount: Int?
}
