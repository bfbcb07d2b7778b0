import Glibc

/// Receives the records and diagnostics of one piece of a file read by
/// ``CSVFileReader/readInPieces(path:displayName:options:workers:pieceBytes:onBytes:makeSink:deliver:)``,
/// in file order, on the thread that parses the piece.
///
/// A record's or diagnostic's `line` (and any line named in a message) is the file's physical
/// line; its `row` counts from the start of the piece's stream: add the row offset the sink is
/// delivered with.
public protocol CSVPieceSink {
    /// An accepted record; the header is the first record of the first piece, as row 1.
    mutating func record(_ record: CSVRecord)
    /// A rejected row.
    mutating func diagnostic(_ diagnostic: Diagnostic)
}

extension CSVFileReader {
    /// The piece size ``readInPieces(path:displayName:options:workers:pieceBytes:onBytes:makeSink:deliver:)``
    /// aims at: large enough that starting a piece costs nothing, small enough that a few
    /// pieces per thread are in memory at once.
    public static let defaultPieceBytes = 8 << 20

    /// Reads `path` as ``read(path:displayName:options:onBytes:onDiagnostic:onRecord:)`` does,
    /// parsing pieces of about `pieceBytes` on `workers` threads; the records, diagnostics and
    /// summary are exactly the serial read's.
    ///
    /// The calling thread reads the file once in order, showing every byte to `onBytes` (the
    /// hash), and cuts it into pieces at line ends. Each piece's records and diagnostics go to a
    /// sink of its own, made by `makeSink` on the calling thread and then used on the thread
    /// that parses the piece (so a sink can stage rows in parallel). Finished sinks come back
    /// to `deliver`, on the calling thread, in file order, each with its row offset: concatenated,
    /// they hold exactly what the serial read gives `onRecord` and `onDiagnostic`, once each
    /// sink's rows are offset. Lines need no offset: they are the file's already.
    ///
    /// A cut is a guess, made without parsing. When a piece turns out to start inside a record
    /// (the piece before it did not end clean), its sink is dropped without being delivered,
    /// and its bytes are read again, into a fresh sink, by the stream of the piece before it.
    /// At most `2 * workers` pieces are planned and not yet delivered at a time, dropped ones
    /// still being parsed included.
    ///
    /// The header row is read first, on the calling thread, so `makeSink` is given it (nil when
    /// the file has none or it was rejected) before any piece is parsed; its record is still
    /// delivered, as row 1 of the first piece. The lines up to the first line end after the
    /// header where the reader is outside any record are so parsed twice: one line, normally.
    ///
    /// With `workers` 1 (or less) the pieces are parsed on the calling thread, one after
    /// another. A pipe is read as one piece on the calling thread.
    ///
    /// - Parameter workers: the threads that parse pieces, besides the calling thread.
    /// - Parameter pieceBytes: the size a piece reaches before the next suitable line end ends it.
    /// - Parameter makeSink: makes the sink of the next piece, given the file's header.
    /// - Parameter deliver: takes a finished piece's sink and the offset to add to its rows.
    /// - Throws: what ``read(path:displayName:options:onBytes:onDiagnostic:onRecord:)`` throws.
    @discardableResult
    public static func readInPieces<Sink: CSVPieceSink>(
        path: String,
        displayName: String? = nil,
        options: CSVReadOptions = CSVReadOptions(),
        workers: Int,
        pieceBytes: Int = defaultPieceBytes,
        onBytes: (UnsafeRawBufferPointer) -> Void = { _ in },
        makeSink: (_ header: [String]?) -> sending Sink,
        deliver: (_ sink: sending Sink, _ rowOffset: Int) -> Void
    ) throws(IngestError) -> CSVFileSummary {
        let file = try InputFile(path: path)
        defer { file.close() }
        if let format = NonCSVFormat.identify(try file.peek(NonCSVFormat.sniffBytes)) {
            throw .notCSV(path: path, looksLike: format)
        }
        let decision = try decideEncoding(of: file, options: options, threads: workers)
        let fileName = displayName ?? path
        guard file.isSeekable else {
            return try readAsOnePiece(file: file, fileName: fileName, options: options, encoding: decision,
                                      onBytes: onBytes, makeSink: makeSink, deliver: deliver)
        }

        // The header first: pieces after it start from it, and every sink is made knowing it.
        let head = try CSVPieceReader(file: file.positional, fileName: fileName, options: options,
                                      encoding: decision, start: .fileStart, at: 0)
        let headerLines = try head.readLines { $0.headerState != nil && $0.isAtCleanLineStart }
        let header = head.stream.headerState

        try file.rewind()
        let pieces = PieceSchedule<Sink>(
            file: file, fileName: fileName, options: options, encoding: decision, header: header,
            planner: CSVPiecePlanner(file: file, chunkBytes: options.chunkBytes, pieceBytes: pieceBytes,
                                     headerLines: headerLines),
            workers: workers)
        defer { pieces.stop() }
        let totals = try pieces.run(onBytes: onBytes, makeSink: makeSink, deliver: deliver)

        var summary = CSVFileSummary(path: path)
        summary.bytes = file.size
        summary.take(totals, encoding: decision.encoding, sawByteOrderMark: head.stream.sawByteOrderMark)
        summary.header = header?.fields
        return summary
    }

    /// A pipe cannot be read twice, so neither cut nor read ahead for its header: it is read as
    /// the serial read does, into one sink, made when the first record or diagnostic comes (the
    /// header is settled by then) or at the end.
    private static func readAsOnePiece<Sink: CSVPieceSink>(
        file: InputFile, fileName: String, options: CSVReadOptions, encoding: EncodingDecision,
        onBytes: (UnsafeRawBufferPointer) -> Void,
        makeSink: (_ header: [String]?) -> sending Sink,
        deliver: (_ sink: sending Sink, _ rowOffset: Int) -> Void
    ) throws(IngestError) -> CSVFileSummary {
        let decoder: GB18030Decoder? = encoding.encoding == .gb18030 ? try GB18030Decoder() : nil
        // The stream and the sink keep `makeSink` only while this call runs.
        let result: Result<CSVFileSummary, IngestError> = withoutActuallyEscaping(makeSink) { makeSink in
            let target = LazySink(make: makeSink)
            let stream = CSVByteStream(
                fileName: fileName, maxFieldBytes: options.maxFieldBytes, encoding: encoding,
                onDiagnostic: { target.diagnostic($0) }, onRecord: { target.record($0) })
            target.stream = stream
            return stream.parser.withFieldCap {
                do throws(IngestError) {
                    try file.rewind()
                    try pump(file: file, decoder: decoder, chunkBytes: options.chunkBytes,
                             onBytes: onBytes, into: stream)
                } catch {
                    return .failure(error)
                }
                var summary = CSVFileSummary(path: file.path)
                summary.bytes = file.size
                summary.take(stream.counts, encoding: encoding.encoding, sawByteOrderMark: stream.sawByteOrderMark)
                summary.header = stream.header
                deliver(target.take(), 0)
                return .success(summary)
            }
        }
        return try result.get()
    }

    /// The encoding `file` is read in, decided as ``read(path:displayName:options:onBytes:onDiagnostic:onRecord:)``
    /// decides it.
    static func decideEncoding(of file: InputFile, options: CSVReadOptions,
                               threads: Int = 1) throws(IngestError) -> EncodingDecision {
        switch options.encoding {
        case .utf8: return EncodingDecision(.utf8, isWhollyValid: false)
        case .gb18030: return EncodingDecision(.gb18030, isWhollyValid: false)
        case .auto: return try EncodingDetector.detect(file, chunkBytes: options.chunkBytes, threads: threads)
        }
    }
}

/// The one sink of a pipe's single piece, made when first needed.
///
/// Only the calling thread ever touches it; `@unchecked Sendable` only lets the sink it holds
/// be handed to `deliver` as `sending` (nothing else keeps it).
private final class LazySink<Sink: CSVPieceSink>: @unchecked Sendable {
    private var made: Sink?
    private let make: (_ header: [String]?) -> sending Sink
    /// Asked for its header when the sink is made.
    weak var stream: CSVByteStream?

    init(make: @escaping (_ header: [String]?) -> sending Sink) {
        self.make = make
    }

    func record(_ record: CSVRecord) {
        if made == nil { made = make(stream?.header) }
        made!.record(record)
    }

    func diagnostic(_ diagnostic: Diagnostic) {
        if made == nil { made = make(stream?.header) }
        made!.diagnostic(diagnostic)
    }

    /// The sink, made now if nothing came.
    func take() -> sending Sink {
        let sink = made ?? make(stream?.header)
        made = nil
        return sink
    }
}

/// Plans, parses and delivers the pieces of one file (see
/// ``CSVFileReader/readInPieces(path:displayName:options:workers:pieceBytes:onBytes:makeSink:deliver:)``).
///
/// Why the result is the serial read's: the first piece starts where the serial read starts.
/// A piece that starts from the serial read's state gives exactly the serial read's records
/// and diagnostics for its bytes, and ends in its state. So if it ends clean, the fresh stream
/// the next piece was parsed with started from that state too; if not, the next piece's
/// result is dropped and its bytes are read on by the same stream instead. Delivered in file
/// order, the pieces are the serial read.
private final class PieceSchedule<Sink: CSVPieceSink> {
    private let file: PositionalFile
    private let fileName: String
    private let options: CSVReadOptions
    private let encoding: EncodingDecision
    private let header: CSVHeaderState?
    private let planner: CSVPiecePlanner
    private let threads: ParsingThreads
    private let maxInFlight: Int
    /// Pieces planned and not yet delivered, in file order; the first one started from the
    /// serial read's state.
    private var slots: [PieceTask<Sink>] = []
    /// Jobs whose piece was dropped while a thread was parsing it: they still hold memory.
    private var abandoned: [ParsingJob] = []
    private var plannerDone = false

    init(file: InputFile, fileName: String, options: CSVReadOptions, encoding: EncodingDecision,
         header: CSVHeaderState?, planner: CSVPiecePlanner, workers: Int) {
        self.file = file.positional
        self.fileName = fileName
        self.options = options
        self.encoding = encoding
        self.header = header
        self.planner = planner
        // One worker: parse on the calling thread, and never ahead of the piece being read.
        threads = ParsingThreads(count: workers > 1 ? workers : 0)
        maxInFlight = workers > 1 ? 2 * workers : 1
    }

    func stop() { threads.stop() }

    func run(onBytes: (UnsafeRawBufferPointer) -> Void,
             makeSink: (_ header: [String]?) -> sending Sink,
             deliver: (_ sink: sending Sink, _ rowOffset: Int) -> Void) throws(IngestError) -> CSVPieceCounts {
        var totals = CSVPieceCounts()
        while true {
            abandoned.removeAll { threads.isFinished($0) }
            while !plannerDone && slots.count + abandoned.count < maxInFlight {
                guard let piece = try planner.next(onBytes: onBytes) else {
                    plannerDone = true
                    break
                }
                let task = PieceTask(piece: piece, stream: try freshStream(for: piece), sink: makeSink(header?.fields))
                slots.append(task)
                threads.submit(task)
            }
            guard let head = slots.first else { return totals }
            threads.waitUntilFinished(head)
            slots.removeFirst()
            if let failure = head.failure { throw failure }
            let stream = head.stream
            let rowOffset = stream.rowOffset ?? totals.rows
            stream.rowOffset = rowOffset
            // The head started from the serial read's state: its records are final.
            deliver(head.takeSink(), rowOffset)
            if head.piece.isLast || stream.reader.endedClean {
                totals.add(stream.reader.counts)
                continue
            }
            // The head ended inside a record: the next piece was started from a wrong guess.
            // Drop that, and read its bytes on with the head's stream, before anything else.
            let next: PlannedPiece
            if let guess = slots.first {
                slots.removeFirst()
                if !threads.withdraw(guess) && !threads.isFinished(guess) { abandoned.append(guess) }
                next = guess.piece
            } else if let piece = try planner.next(onBytes: onBytes) {
                next = piece
            } else {
                preconditionFailure("a piece that is not the last one has a next one")
            }
            let task = PieceTask(piece: next, stream: stream, sink: makeSink(header?.fields))
            slots.insert(task, at: 0)
            threads.submit(task, first: true)
        }
    }

    private func freshStream(for piece: PlannedPiece) throws(IngestError) -> PieceStream {
        let start: CSVPieceReader.Start
        if piece.index == 0 {
            start = .fileStart
        } else {
            // The planner cuts only after the header's lines, and only when it was settled.
            guard let header else { preconditionFailure("a cut before the header was settled") }
            start = .line(piece.firstLine, header: header)
        }
        let reader = try CSVPieceReader(file: file, fileName: fileName, options: options, encoding: encoding,
                                        start: start, at: piece.start)
        return PieceStream(reader: reader)
    }
}

/// One stream over consecutive pieces, and the offset of its rows once known (when its first
/// piece is delivered, all earlier streams have ended).
private final class PieceStream {
    let reader: CSVPieceReader
    var rowOffset: Int?

    init(reader: CSVPieceReader) { self.reader = reader }
}

/// Parsing one piece into its sink, on a worker thread.
private final class PieceTask<Sink: CSVPieceSink>: ParsingJob, @unchecked Sendable {
    let piece: PlannedPiece
    let stream: PieceStream
    private var sink: Sink?
    private(set) var failure: IngestError?

    init(piece: PlannedPiece, stream: PieceStream, sink: sending Sink) {
        self.piece = piece
        self.stream = stream
        self.sink = sink
    }

    override func run() {
        let reader = stream.reader
        reader.route(onRecord: { [unowned self] in self.sink!.record($0) },
                     onDiagnostic: { [unowned self] in self.sink!.diagnostic($0) })
        defer { reader.route(onRecord: { _ in }, onDiagnostic: { _ in }) }
        do {
            try reader.read(piece.start..<piece.end, isLast: piece.isLast)
        } catch {
            failure = error
        }
    }

    func takeSink() -> sending Sink {
        let taken = sink!
        sink = nil
        return taken
    }
}
