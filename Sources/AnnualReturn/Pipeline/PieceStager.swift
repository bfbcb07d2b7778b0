import CSVIngest

/// Stages the rows of one piece of an export and counts its records, on the thread that parses
/// the piece: the part of the pipeline that runs in parallel. ``ReportPipeline`` then books the
/// piece in file order — dedupe stays serial, so the result never depends on how many threads
/// ran or where the file was cut: it adds the piece's counts to the run's and takes out again
/// the rows dedupe finds to be duplicates.
struct PieceStager<Record: CountableRecord>: CSVPieceSink, Sendable {
    /// What a piece held, in file order. Rows count from the piece's start: the booking adds
    /// the rows of the pieces before it.
    enum Event: Sendable {
        /// A record staged as a row of the export (the header too: the booking knows the first
        /// record is the header and ignores this).
        case staged(StagedRow<Record>)
        /// A record that could not be staged: the header could not be mapped. Its fields are
        /// kept for the header's own diagnostic.
        case unstaged(row: Int, line: Int, fields: [String])
        /// A row ingest rejected.
        case rejected(Diagnostic)
    }

    /// Nil when the file's header could not be mapped.
    let stager: RecordStager?
    private(set) var events: [Event] = []
    /// The key digest of each event's record, by the event's index (`KeyDigest.empty` for the
    /// others): the booking asks for the key table's slot of a row a few ahead of the one it
    /// books, which it cannot read from `events` without copying that row's record.
    private(set) var keys: [KeyDigest] = []
    /// Every record staged here, counted as if each were new (the header too, if it stages as
    /// a record: the booking takes it out again).
    private(set) var counts: Aggregate
    /// The numeric columns summed over the records staged here, duplicates included (and the
    /// header, if it staged as a record): what a 合计 row is checked against.
    private(set) var sums = ColumnSums()

    /// - Parameter counts: an empty aggregate for the run's year and periods.
    init(stager: RecordStager?, counts: Aggregate) {
        self.stager = stager
        self.counts = counts
    }

    mutating func record(_ record: CSVRecord) {
        // Ingest calls this through its generic piece reader, which no caller can specialise
        // across the module boundary. Generic code here looked up the type metadata of this
        // piece's events and outcomes for every row; `Record`'s own witness is specialised
        // for the record type, and looks up nothing.
        Record.stageRow(record, into: &self)
    }

    /// Stages one row; `CountableRecord.stageRow(_:into:)` calls it, specialised.
    fileprivate mutating func stageRow(_ record: CSVRecord) {
        if let stager {
            let staged = StagedRow<Record>(record, with: stager)
            if case .record(let counted, _) = staged.outcome {
                counted.count(into: &counts)
                counted.addSums(to: &sums)
            }
            keys.append(staged.key)
            events.append(.staged(staged))
        } else {
            keys.append(KeyDigest.empty)
            events.append(.unstaged(row: record.row, line: record.line, fields: record.fields))
        }
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        keys.append(KeyDigest.empty)
        events.append(.rejected(diagnostic))
    }
}

extension Diagnostic {
    func shifted(byRows offset: Int) -> Diagnostic {
        var moved = self
        moved.row += offset
        return moved
    }
}

extension CountableRecord {
    /// Stages one row of this record's export into `piece`. The witness of each record type's
    /// conformance is this, specialised for that type.
    static func stageRow(_ row: CSVRecord, into piece: inout PieceStager<Self>) {
        piece.stageRow(row)
    }
}
