/// How ``CSVFileReader`` reads a file.
public struct CSVReadOptions: Sendable {
    /// The encoding to read in; `.auto` decides per file.
    public var encoding: EncodingChoice = .auto
    /// The largest field accepted, in bytes; a larger one is a `field-too-large` error.
    public var maxFieldBytes: Int = 1 << 20
    /// How much of the file is read at a time; memory use does not grow with file size.
    public var chunkBytes: Int = 1 << 20

    public init(encoding: EncodingChoice = .auto, maxFieldBytes: Int = 1 << 20, chunkBytes: Int = 1 << 20) {
        self.encoding = encoding
        self.maxFieldBytes = maxFieldBytes
        self.chunkBytes = chunkBytes
    }
}
