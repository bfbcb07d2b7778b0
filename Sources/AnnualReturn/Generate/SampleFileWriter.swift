import Glibc

/// Streams one sample export to disk: rows go through a buffer into a temporary file in the
/// target folder, which is renamed into place by ``commit()`` so the file appears whole.
///
/// Memory stays constant whatever the number of rows: the buffer is flushed every 256 KiB. Write
/// errors are remembered and thrown by ``commit()``, so callers write rows without `try`.
final class SampleFileWriter {
    /// How the file's bytes are encoded.
    enum Encoding {
        /// UTF-8 without a byte order mark.
        case utf8
        /// UTF-8 starting with the byte order mark EF BB BF (as Excel writes it).
        case utf8WithByteOrderMark
        /// GB18030, as older systems and Excel/WPS "save as CSV" on Chinese Windows write it.
        case gb18030
    }

    /// The path the finished file will have.
    let path: String
    private let temporaryPath: String
    private let lineEnding: String
    private let encoder: GB18030Encoder?
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var failure: GenerateError?
    private var committed = false
    private static let flushThreshold = 1 << 18

    init(directory: String, fileName: String, encoding: Encoding, lineEnding: String) throws(GenerateError) {
        path = directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
        temporaryPath = (directory.hasSuffix("/") ? directory : directory + "/") + "." + fileName + ".partial"
        self.lineEnding = lineEnding
        encoder = encoding == .gb18030 ? try GB18030Encoder() : nil
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .cannotWriteFile(path: path, reason: String(cString: strerror(errno)))
        }
        buffer.reserveCapacity(Self.flushThreshold + 4096)
        if encoding == .utf8WithByteOrderMark { buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    deinit {
        if !committed {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporaryPath)
        }
    }

    /// Writes one record, quoting the fields that hold a comma, a quote or a line break.
    func writeRecord(_ fields: [String]) {
        writeLine(fields.map(Self.quotedIfNeeded).joined(separator: ","))
    }

    /// Writes one record with every field as given, never quoted: for planted rows whose
    /// stray quote or unquoted comma is the point.
    func writeUnquotedRecord(_ fields: [String]) {
        writeLine(fields.joined(separator: ","))
    }

    /// Writes `text` and the file's line ending.
    func writeLine(_ text: String) {
        append(text + lineEnding)
    }

    /// Flushes, closes and renames the file into place.
    func commit() throws(GenerateError) {
        flush()
        if let failure { throw failure }
        guard close(descriptor) == 0 else {
            descriptor = -1
            throw .cannotWriteFile(path: path, reason: String(cString: strerror(errno)))
        }
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else {
            throw .cannotWriteFile(path: path, reason: String(cString: strerror(errno)))
        }
        committed = true
    }

    private func append(_ text: String) {
        if let encoder {
            encoder.encode(text, into: &buffer)
        } else {
            buffer.append(contentsOf: text.utf8)
        }
        if buffer.count >= Self.flushThreshold { flush() }
    }

    private func flush() {
        guard failure == nil else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        var offset = 0
        buffer.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = .cannotWriteFile(path: path, reason: String(cString: strerror(errno)))
                    return
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// RFC 4180 quoting: a field with a comma, quote, CR or LF is enclosed in quotes and its
    /// quotes doubled.
    static func quotedIfNeeded(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            return field
        }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
