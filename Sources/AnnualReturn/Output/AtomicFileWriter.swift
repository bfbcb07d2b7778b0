import Glibc

/// Why an output could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }

    init(_ path: String, errno code: Int32) {
        self.path = path
        reason = String(cString: strerror(code))
    }
}

/// Writes files so that each appears whole or not at all: the bytes go to a temporary file in
/// the same folder, are flushed to disk, and the file is renamed over the target. A reader (or
/// a crash) never sees half a file.
public enum AtomicFileWriter {
    /// Writes `bytes` to `path` atomically, creating its folder if needed.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let folder = FilePath.folder(of: path)
        try makeFolder(folder)
        let temporary = "\(folder)/.\(FilePath.name(of: path)).tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path, errno: errno) }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw OutputError(path, errno: failure)
        }
        syncFolder(folder)
    }

    /// Creates `folder` and its parents.
    public static func makeFolder(_ folder: String) throws(OutputError) {
        var current = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST { throw OutputError(current, errno: errno) }
        }
        var info = stat()
        guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw OutputError(folder, errno: ENOTDIR)
        }
    }

    /// Flushes a folder's entries, so a rename survives a power cut.
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
