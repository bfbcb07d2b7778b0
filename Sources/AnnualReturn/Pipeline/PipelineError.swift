/// Problems that stop a run. Row problems are diagnostics and never stop it.
public enum PipelineError: Error, Sendable, CustomStringConvertible {
    /// An input file could not be opened or read.
    case unreadableInput(IngestError)
    /// Rows of a file are not accounted for: a bug, and the run must not publish.
    case reconciliationFailed(file: String, read: Int, accepted: Int, rejected: Int, duplicates: Int)

    public var description: String {
        switch self {
        case .unreadableInput(let error):
            return error.description
        case .reconciliationFailed(let file, let read, let accepted, let rejected, let duplicates):
            return "\(file): \(read) rows read but \(accepted) accepted + \(rejected) rejected + \(duplicates) duplicates = \(accepted + rejected + duplicates); nothing was published. This is a bug in annual-return: please report it with the file."
        }
    }
}
