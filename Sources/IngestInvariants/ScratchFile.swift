import Glibc

/// A file with no name in any folder, reached by the path of its open descriptor: it lives
/// exactly as long as the process holds it, so no crash can leave it behind.
final class ScratchFile {
    /// Where the kernel shows a process's open descriptors as paths.
    static let descriptorFolder = "/proc/self/fd"

    let descriptor: Int32
    /// The path that opens this file, for readers that take paths.
    var path: String { "\(Self.descriptorFolder)/\(descriptor)" }

    /// Creates the file in a temporary folder and unlinks it (and the folder) at once.
    init(name: String) throws(InvariantChecker.SetupError) {
        let folder = try Self.makeFolder()
        defer { rmdir(folder) }
        let file = folder + "/" + name
        descriptor = open(file, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .scratch("\(file): \(String(cString: strerror(errno)))") }
        unlink(file)
        guard access(path, R_OK) == 0 else {
            close(descriptor)
            throw .scratch("\(path): \(String(cString: strerror(errno))); the checks need /proc")
        }
    }

    deinit { close(descriptor) }

    /// Makes the file hold exactly `bytes`; false (with `errno` set) when that fails.
    func replaceContents(with bytes: UnsafeRawBufferPointer) -> Bool {
        guard ftruncate(descriptor, 0) == 0 else { return false }
        var offset = 0
        while offset < bytes.count {
            let written = pwrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset, off_t(offset))
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// A fresh private folder, in memory where the system offers `/dev/shm`.
    private static func makeFolder() throws(InvariantChecker.SetupError) -> String {
        var candidates = ["/dev/shm"]
        if let tmp = getenv("TMPDIR") { candidates.append(String(cString: tmp)) }
        candidates.append("/tmp")
        for base in candidates where access(base, W_OK) == 0 {
            var template = Array("\(base)/ingest-invariants-XXXXXX".utf8CString)
            let made = template.withUnsafeMutableBufferPointer { buffer in
                mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
            }
            if let made { return made }
        }
        throw .scratch("none of \(candidates.joined(separator: ", ")) is a writable folder")
    }
}
