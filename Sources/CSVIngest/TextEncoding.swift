/// The encoding a caller asks for.
public enum EncodingChoice: String, Sendable, CaseIterable {
    /// Valid UTF-8 is UTF-8; else a file that decodes wholly as GB18030 is GB18030;
    /// else UTF-8, and every row holding invalid bytes is rejected.
    case auto
    case utf8
    case gb18030
}

/// The encoding a file was actually read in, as the data report names it.
public enum TextEncoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case gb18030 = "GB18030"
    /// Neither valid UTF-8 nor valid GB18030: read as UTF-8, bad rows rejected.
    case invalid = "invalid (read as UTF-8)"
}
