import CSVIngest

/// One export row after staging, with what dedupe needs already worked out: everything the
/// serial part of the pipeline books, made where the row was parsed.
struct StagedRow<Record: CountableRecord>: Sendable {
    var row: Int
    var line: Int
    var outcome: RecordStager.Outcome<Record>
    /// The digest of the record's key and the fingerprint of its content; unused unless
    /// `outcome` is a record.
    var key: KeyDigest
    var fingerprint: RecordFingerprint

    init(_ record: CSVRecord, with stager: RecordStager) {
        row = record.row
        line = record.line
        outcome = Record.stage(record, with: stager)
        if case .record(let staged, _) = outcome {
            key = KeyDigest(staged.dedupeKey)
            fingerprint = staged.fingerprint
        } else {
            key = KeyDigest("")
            fingerprint = RecordFingerprint.none
        }
    }
}
