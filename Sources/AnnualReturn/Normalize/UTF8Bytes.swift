// Staging normalises every value, so equal texts have equal UTF-8 bytes: key digests, record
// fingerprints, enterprise references and the JSON writer all work on the bytes directly.

/// Calls `body` with `text`'s UTF-8 bytes, without copying them when the string is native.
func withUTF8Bytes<Result>(of text: String, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
        return result
    }
    return Array(text.utf8).withUnsafeBytes(body)
}
