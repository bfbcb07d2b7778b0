/// An output's bytes gathered into chunks, each handed on as it fills: a listing too large to
/// hold whole (every problem of a big run) is written while it is rendered.
struct ChunkedOutput<Failure: Error> {
    private var buffer: [UInt8] = []
    private let chunkBytes: Int
    private let emit: ([UInt8]) throws(Failure) -> Void

    init(chunkBytes: Int = 1 << 20, emit: @escaping ([UInt8]) throws(Failure) -> Void) {
        self.chunkBytes = chunkBytes
        self.emit = emit
        buffer.reserveCapacity(chunkBytes)
    }

    mutating func append(_ text: String) throws(Failure) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= chunkBytes { try flush() }
    }

    mutating func append(contentsOf bytes: some Sequence<UInt8>) throws(Failure) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunkBytes { try flush() }
    }

    /// `text` and a line end.
    mutating func line(_ text: String = "") throws(Failure) {
        try append(text)
        try append("\n")
    }

    /// Hands on what is left; call once, at the end.
    mutating func finish() throws(Failure) {
        if !buffer.isEmpty { try flush() }
    }

    private mutating func flush() throws(Failure) {
        try emit(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// The whole output as one array, for a renderer's `render` (small outputs and tests).
    static func collect(_ write: (_ emit: @escaping ([UInt8]) -> Void) -> Void) -> [UInt8] where Failure == Never {
        let collected = Collected()
        write { collected.bytes.append(contentsOf: $0) }
        return collected.bytes
    }
}

private final class Collected {
    var bytes: [UInt8] = []
}
