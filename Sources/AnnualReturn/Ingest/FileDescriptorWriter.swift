import Glibc

/// A buffered writer to an open file descriptor (stdout, stderr), flushed in large blocks.
public final class FileDescriptorWriter {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let flushThreshold: Int

    public init(descriptor: Int32, flushThreshold: Int = 1 << 16) {
        self.descriptor = descriptor
        self.flushThreshold = flushThreshold
        buffer.reserveCapacity(flushThreshold + 4096)
    }

    deinit { flush() }

    /// Lets `body` append bytes, then flushes if the buffer has grown past the threshold.
    public func write(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        if buffer.count >= flushThreshold { flush() }
    }

    public func write(_ text: String) {
        write { $0.append(contentsOf: text.utf8) }
    }

    /// Writes everything buffered. A closed pipe (EPIPE) ends the output quietly.
    public func flush() {
        var offset = 0
        buffer.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    offset = bytes.count
                    break
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
