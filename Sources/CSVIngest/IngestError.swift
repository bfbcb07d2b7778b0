import Glibc

/// Problems that stop a whole file from being read. Row-level problems are ``Diagnostic``s.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    case fileNotFound(path: String)
    case isDirectory(path: String)
    case notRegularFile(path: String)
    case permissionDenied(path: String)
    case readFailed(path: String, reason: String)
    case encodingUnavailable(name: String)
    /// The file's first bytes show it is something else (a workbook, a PDF, UTF-16 text…), so
    /// reading it as CSV would only produce a page of encoding errors.
    case notCSV(path: String, looksLike: NonCSVFormat)

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): no such file"
        case .isDirectory(let path):
            return "\(path): is a folder, not a CSV file"
        case .notRegularFile(let path):
            return "\(path): is not a regular file"
        case .permissionDenied(let path):
            return "\(path): permission denied; check the file's owner and mode"
        case .readFailed(let path, let reason):
            return "\(path): could not be read: \(reason)"
        case .encodingUnavailable(let name):
            return "the system's iconv cannot decode \(name); install the glibc locale data (Debian: libc-bin)"
        case .notCSV(let path, let format):
            return "\(path) looks like \(format), not CSV: \(format.advice)"
        }
    }

    static func fromErrno(_ code: Int32, path: String) -> IngestError {
        switch code {
        case ENOENT, ENOTDIR: return .fileNotFound(path: path)
        case EISDIR: return .isDirectory(path: path)
        case EACCES, EPERM: return .permissionDenied(path: path)
        default: return .readFailed(path: path, reason: String(cString: strerror(code)))
        }
    }
}
