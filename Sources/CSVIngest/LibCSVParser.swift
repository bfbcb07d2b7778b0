import CLibCSV
import Glibc

/// The one place in the project that holds libcsv's pointers and callbacks.
///
/// It runs libcsv in strict mode (`CSV_STRICT | CSV_STRICT_FINI`) with no space trimming, caps
/// the size of one field through libcsv's realloc hook, and collects the fields of the record
/// being read into one reusable byte buffer. After a failed `parse` the parser must be
/// ``reset()`` before it is fed again (libcsv's state is not to be finished after an error).
final class LibCSVParser {
    /// Why `parse` stopped before the end of its input.
    enum Failure: Equatable {
        /// A quote in an unquoted field, or something other than a delimiter after a closing quote.
        case strayQuote
        /// The field being read would grow past the cap.
        case fieldTooLarge
    }

    /// Bytes of the completed fields of the current record, back to back.
    private(set) var fieldBytes: [UInt8] = []
    /// End offset in ``fieldBytes`` of each completed field of the current record.
    private(set) var fieldEnds: [Int] = []
    /// Fields completed since the counter was last cleared (the reader clears it per line).
    var fieldsCompletedCounter = 0
    /// Called when libcsv ends a record; the record's fields are in ``fieldBytes``/``fieldEnds``
    /// and are cleared right after the call returns.
    var onRecordEnd: () -> Void = {}

    private let state: UnsafeMutablePointer<csv_parser>
    /// True while libcsv asks `annual_return_csv_never_space`, false while it uses its built-in
    /// test (see ``parse(_:)``).
    private var asksNeverSpace = true
    /// The largest field, in bytes, that ``parse(_:)`` accepts.
    let maxFieldBytes: Int

    init(maxFieldBytes: Int) {
        self.maxFieldBytes = maxFieldBytes
        state = .allocate(capacity: 1)
        start()
    }

    deinit {
        csv_free(state)
        state.deallocate()
    }

    private func start() {
        csv_init(state, UInt8(CSV_STRICT | CSV_STRICT_FINI))
        // Spaces are data: an export's leading or trailing space must reach validation as is.
        csv_set_space_func(state, annual_return_csv_never_space)
        asksNeverSpace = true
        csv_set_realloc_func(state, cappedRealloc)
        // Grow the field buffer in large steps: a 1 MiB field needs 16 reallocations, not 8192.
        csv_set_blk_size(state, 64 * 1024)
    }

    /// Drops all parser state, including a partly read record, and starts afresh.
    func reset() {
        csv_free(state)
        start()
        fieldBytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
    }

    /// True while a record has begun and not ended.
    var isInsideRecord: Bool { state.pointee.pstate != 0 }

    /// True while the parser is inside an open quoted field (a newline now would be data).
    var isInsideQuotedField: Bool {
        // libcsv's FIELD_BEGUN is 2; FIELD_MIGHT_HAVE_ENDED (3) has just seen a quote.
        state.pointee.quoted != 0 && state.pointee.pstate == 2
    }

    /// The bytes of the field libcsv is in the middle of reading.
    var partialField: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: state.pointee.entry_buf, count: state.pointee.entry_pos)
    }

    /// Runs `body` with this parser's field cap in force; every ``parse(_:)`` call must be
    /// made inside it. (Binding the cap once per file keeps it off the per-line path.)
    func withFieldCap<R>(_ body: () -> R) -> R {
        FieldCap.$bytes.withValue(maxFieldBytes, operation: body)
    }

    /// Feeds `bytes`; returns the offset and kind of a failure, or nil when all was consumed.
    func parse(_ bytes: UnsafeRawBufferPointer) -> (offset: Int, failure: Failure)? {
        // libcsv calls the space function for every byte of an unquoted field. Its built-in
        // test (space or tab) answers as never-space does for bytes holding neither, without
        // a call: the function is set only for bytes that hold one. (Either way spaces stay
        // data: no space is ever seen by the built-in test.)
        let hasSpace = bytes.count > 0
            && (memchr(bytes.baseAddress!, 0x20, bytes.count) != nil || memchr(bytes.baseAddress!, 0x09, bytes.count) != nil)
        if hasSpace != asksNeverSpace {
            csv_set_space_func(state, hasSpace ? annual_return_csv_never_space : nil)
            asksNeverSpace = hasSpace
        }
        let consumed = csv_parse(state, bytes.baseAddress, bytes.count, fieldCallback, recordCallback,
                                 Unmanaged.passUnretained(self).toOpaque())
        guard consumed < bytes.count else { return nil }
        switch csv_error(state) {
        case CSV_EPARSE: return (consumed, .strayQuote)
        default: return (consumed, .fieldTooLarge)
        }
    }

    /// Ends the input: completes a last record that has no line end. Must not be called while
    /// ``isInsideQuotedField`` (the caller reports that as an unterminated quote instead).
    func finish() {
        precondition(!isInsideQuotedField, "finish() inside an open quote; report it and reset()")
        csv_fini(state, fieldCallback, recordCallback, Unmanaged.passUnretained(self).toOpaque())
    }

    fileprivate func appendField(_ pointer: UnsafeMutableRawPointer?, _ length: Int) {
        if let pointer, length > 0 {
            fieldBytes.append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: length))
        }
        fieldEnds.append(fieldBytes.count)
        fieldsCompletedCounter += 1
    }

    fileprivate func endRecord() {
        onRecordEnd()
        fieldBytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
    }
}

/// The field-size cap that the realloc hook enforces.
///
/// libcsv's realloc hook takes no context pointer, so the cap travels as a task-local value
/// bound around the parsing of a file (task locals also work in synchronous code).
enum FieldCap {
    @TaskLocal static var bytes: Int = 1 << 20
}

/// libcsv grows its field buffer through this hook; refusing makes libcsv stop with an error
/// instead of letting a runaway quote eat memory. The buffer may be two bytes larger than the
/// cap: libcsv checks for room before it reads each byte, and it stores the quote that may
/// close a quoted field until the next byte says whether it did — so a quoted field of exactly
/// the cap needs cap + 2 bytes, as an unquoted one needs cap + 1. A field of cap + 1 bytes that
/// fits is caught by the reader when the field completes.
private func cappedRealloc(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    guard size <= FieldCap.bytes + 2 else { return nil }
    return realloc(pointer, size)
}

private func fieldCallback(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    // Borrowed, not retained: this runs for every field, and the parser outlives the call.
    Unmanaged<LibCSVParser>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.appendField(field, length) }
}

private func recordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    Unmanaged<LibCSVParser>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.endRecord() }
}
