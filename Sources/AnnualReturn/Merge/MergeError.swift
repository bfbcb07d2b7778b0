/// Why district returns cannot be merged. Each case names the file to fix.
public enum MergeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is missing, a folder, or cannot be read.
    case unreadable(file: String, reason: String)
    /// The file is not a return.json written by annual-return.
    case notAReturn(file: String, reason: String)
    /// The file is a return.json of a structure this version cannot merge.
    case unsupportedSchema(file: String, version: Int)
    /// The file's return is for another year than the first file's.
    case yearMismatch(file: String, year: Int, firstFile: String, firstYear: Int)
    /// The file's named periods differ from the first file's.
    case periodsMismatch(file: String, periods: [String], firstFile: String, firstPeriods: [String])
    /// The same return was named twice (same bytes), which would count it twice.
    case namedTwice(file: String, sameAs: String)
    /// Writing the merged return would replace one of the returns being merged.
    case wouldReplaceInput(file: String)
    /// No return was named.
    case noReturns

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "cannot read \(file): \(reason)"
        case .notAReturn(let file, let reason):
            return "\(file) is not a return.json written by annual-return: \(reason)"
        case .unsupportedSchema(let file, let version):
            if version < ReturnJSONRenderer.schemaVersion {
                return "\(file) has schema_version \(version), written by an older annual-return whose counts this version cannot merge; run `annual-return report` for that district again with this version of annual-return"
            }
            return "\(file) has schema_version \(version), written by a newer annual-return; merge it with that version"
        case .yearMismatch(let file, let year, let firstFile, let firstYear):
            return "\(file) is the return for \(year), but \(firstFile) is for \(firstYear); only returns of the same year can be merged"
        case .periodsMismatch(let file, let periods, let firstFile, let firstPeriods):
            return "\(file) has the named periods [\(periods.joined(separator: ", "))], but \(firstFile) has [\(firstPeriods.joined(separator: ", "))]; returns can be merged only when every district configured the same periods"
        case .namedTwice(let file, let sameAs):
            return "\(file) is the same return as \(sameAs) (identical bytes); merging it twice would count it twice"
        case .wouldReplaceInput(let file):
            return "the merged return would be written over \(file), one of the returns being merged; choose another --out folder"
        case .noReturns:
            return "name at least one return.json to merge"
        }
    }

    /// True when the problem is a file that cannot be read, rather than a wrong or mismatched one.
    public var isMissingInput: Bool {
        if case .unreadable = self { return true }
        return false
    }
}
