import Foundation

/// Why `annual-return generate` could not write the sample exports.
public enum GenerateError: Error, LocalizedError, Sendable, Equatable {
    /// The output folder could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// A file could not be created, written or moved into place.
    case cannotWriteFile(path: String, reason: String)
    /// The C library has no converter for an encoding the sample needs.
    case encodingUnavailable(name: String)

    /// A sentence naming the path and what to check.
    public var errorDescription: String? {
        switch self {
        case .cannotCreateFolder(let path, let reason):
            return "\(path): cannot create the output folder (\(reason)); check the path and its permissions"
        case .cannotWriteFile(let path, let reason):
            return "\(path): cannot write the file (\(reason)); check free space and permissions"
        case .encodingUnavailable(let name):
            return "the system's iconv cannot encode \(name); install the glibc locale data (Debian: libc-bin)"
        }
    }
}
