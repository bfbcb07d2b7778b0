/// Why a configuration file cannot be used. Each case names the key or path to fix.
public enum ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notYAML(path: String, reason: String)
    case unknownKey(key: String, allowed: [String])
    case missingKey(key: String)
    case badValue(key: String, value: String, expected: String)
    case inputNotFound(key: String, path: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read the configuration file \(path): \(reason)"
        case .notYAML(let path, let reason):
            return "\(path) is not valid YAML: \(reason)"
        case .unknownKey(let key, let allowed):
            return "unknown key `\(key)` in the configuration; the keys allowed here are: \(allowed.joined(separator: ", "))"
        case .missingKey(let key):
            return "the configuration has no `\(key)`, which is required"
        case .badValue(let key, let value, let expected):
            return "`\(key)` is \"\(value)\", but it must be \(expected)"
        case .inputNotFound(let key, let path):
            return "`\(key)` names \(path), which does not exist (paths are relative to the configuration file)"
        }
    }

    /// True when the problem is a missing input file rather than a mistake in the file itself.
    public var isMissingInput: Bool {
        switch self {
        case .unreadable, .inputNotFound: return true
        default: return false
        }
    }
}
