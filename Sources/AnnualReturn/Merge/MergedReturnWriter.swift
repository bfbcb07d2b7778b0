import Glibc

/// Writes a merged return into `<output>/<year>/`, whole, without overwriting a return it merges.
public enum MergedReturnWriter {
    /// Checks that no output file of `result` would be written over one of `inputs` (the paths
    /// of the returns merged), which would lose a district's return.
    /// - Throws: ``MergeError/wouldReplaceInput(file:)`` naming the input as given.
    public static func checkInputsAreKept(_ result: RunResult, inputs: [(path: String, displayName: String)],
                                          outputNames: [String]) throws(MergeError) {
        let folder = ReturnWriter.folder(for: result.configuration)
        let outputs = Set(outputNames.compactMap { canonicalPath("\(folder)/\($0)") })
        for input in inputs {
            if let path = canonicalPath(input.path), outputs.contains(path) {
                throw .wouldReplaceInput(file: input.displayName)
            }
        }
    }

    /// Publishes `files` as the merged return's year folder, whole, as ``ReturnWriter/publish(_:)``
    /// does for a district (the previous one kept as `<year>.previous`). Call it only while
    /// holding the output folder's ``OutputLock``.
    @discardableResult
    public static func write(_ files: [(name: String, bytes: [UInt8])], of result: RunResult) throws(OutputError) -> String {
        let configuration = result.configuration
        try AtomicFileWriter.makeFolder(configuration.outputFolder)
        return try AtomicFileWriter.publishFolder(files, as: ReturnWriter.folder(for: configuration),
                                                  keepingPreviousAs: ReturnWriter.previousFolder(for: configuration)).folder
    }

    /// The absolute path of an existing file with every link resolved; nil when it does not exist.
    private static func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
