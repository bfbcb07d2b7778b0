import Glibc

/// Why an output could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The file or folder that could not be written.
    public var path: String
    /// Why, in words (the C library's message for the error number).
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }

    init(_ path: String, errno code: Int32) {
        self.path = path
        reason = String(cString: strerror(code))
    }
}

/// How a folder was published by ``AtomicFileWriter/publishFolder(_:as:keepingPreviousAs:)``.
public struct FolderPublication: Sendable, Equatable {
    /// The folder that now holds the new files.
    public var folder: String
    /// Where the folder's former contents were kept, or nil when there were none.
    public var previous: String?
    /// True when the old and new folders were exchanged in one step, so that no reader ever
    /// found the folder missing; false when two renames were needed.
    public var exchangedInOneStep: Bool
}

/// Writes files and whole folders so that each appears whole or not at all. A reader (or a
/// crash) never sees half a file, nor a folder holding some new files and some old ones.
///
/// Only the caller that holds the output folder's ``OutputLock`` may use the folder functions:
/// they assume nobody else renames or deletes in that folder meanwhile.
public enum AtomicFileWriter {
    /// Writes `bytes` to `path` atomically, creating its folder if needed: the bytes go to a
    /// temporary file in the same folder, are flushed to disk, and the file is renamed over the
    /// target.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let folder = FilePath.folder(of: path)
        try makeFolder(folder)
        let temporary = "\(folder)/.\(FilePath.name(of: path)).tmp-\(getpid())"
        unlink(temporary)  // a stale one of a reused pid
        do throws(OutputError) {
            let file = try NewFile(path: temporary)
            try file.append(bytes)
            try file.finish()
            if rename(temporary, path) != 0 { throw OutputError(path, errno: errno) }
        } catch {
            unlink(temporary)
            // Named by the file the caller asked for, not the temporary one.
            throw OutputError(path, reason: error.reason)
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

    // MARK: Publishing a whole folder

    /// The name prefix of the temporary folders that ``publishFolder(_:as:keepingPreviousAs:)``
    /// builds beside `folder`: `.<name>.tmp-`, followed by the process id.
    public static func temporaryFolderPrefix(of folder: String) -> String {
        ".\(FilePath.name(of: folder)).tmp-"
    }

    /// Publishes `files` as the folder `folder`, whole: a reader sees either every old file or
    /// every new one, and a process killed at any moment leaves either the old folder or the new
    /// one in place (see below for the one exception and how it is repaired).
    ///
    /// 1. Every file is written into a fresh temporary folder beside the target,
    ///    `.<name>.tmp-<pid>`, and each file and then the folder is flushed to disk. Nothing a
    ///    reader looks at has changed yet; a kill here leaves a stale temporary folder, which
    ///    ``removeStaleTemporaryFolders(of:)`` deletes at the start of the next run.
    /// 2. An older `previous` folder, if `folder` exists to replace it, is first renamed to a
    ///    temporary name (one rename, so it vanishes whole rather than file by file) and then
    ///    deleted.
    /// 3. The swap. Where the kernel and file system can (Linux `renameat2` with
    ///    `RENAME_EXCHANGE`), the temporary folder and `folder` trade names in one atomic step:
    ///    there is no moment without `folder`. The old contents, now under the temporary name,
    ///    are then renamed to `previous`; a kill between the two leaves the new `folder` complete
    ///    and the old contents in a stale temporary folder, so only `previous` is lost.
    ///    Elsewhere it takes two renames: `folder` to `previous`, then the temporary folder to
    ///    `folder`. Each rename is atomic, and this order never deletes or overwrites a complete
    ///    folder before its successor is complete on disk; but between the two renames (two
    ///    system calls apart) `folder` does not exist: a reader opening a file by path then gets
    ///    "no such file", and the complete old files are in `previous`. A kill in that window
    ///    leaves exactly that state, which ``restoreInterruptedPublication(of:previous:)``
    ///    repairs at the start of the next run.
    /// 4. The parent folder is flushed, so the renames survive a power cut.
    ///
    /// A reader that has opened a file, or made the folder its working directory, keeps reading
    /// the old files throughout. A reader that needs a consistent set of several files should open
    /// the folder once and read every file relative to it (or change into it), not look up
    /// `folder/…` afresh for each file, which could straddle a swap.
    ///
    /// - Parameters:
    ///   - files: the file names (no slashes) and their bytes.
    ///   - folder: the folder to publish; its parent must exist.
    ///   - previous: where the folder's current contents are kept, replacing an older copy.
    /// - Returns: what was published and where the old contents went.
    /// - Throws: ``OutputError`` when a file cannot be written or a rename fails; the temporary
    ///   folder is then removed and `folder` is as it was.
    @discardableResult
    public static func publishFolder(_ files: [(name: String, bytes: [UInt8])], as folder: String,
                                     keepingPreviousAs previous: String) throws(OutputError) -> FolderPublication {
        let temporary = try makeTemporaryFolder(for: folder)
        do {
            for (name, bytes) in files { try writeNewFile(bytes, named: name, in: temporary) }
        } catch {
            removeTree(temporary)
            throw error
        }
        return try publishTemporaryFolder(temporary, as: folder, keepingPreviousAs: previous)
    }

    /// Step 1 of ``publishFolder(_:as:keepingPreviousAs:)`` for a caller that writes the files
    /// itself (each with ``writeNewFile(_:named:in:)``, from any thread): a fresh, empty
    /// temporary folder beside `folder`. Finish with ``publishTemporaryFolder(_:as:keepingPreviousAs:)``,
    /// or give up with ``discardTemporaryFolder(_:)``.
    public static func makeTemporaryFolder(for folder: String) throws(OutputError) -> String {
        let temporary = "\(FilePath.folder(of: folder))/\(temporaryFolderPrefix(of: folder))\(getpid())"
        if kind(of: temporary) != .missing { removeTree(temporary) }  // a stale one of a reused pid
        guard mkdir(temporary, 0o755) == 0 else { throw OutputError(temporary, errno: errno) }
        return temporary
    }

    /// Writes a new file into a folder being prepared and flushes it to disk.
    public static func writeNewFile(_ bytes: [UInt8], named name: String, in folder: String) throws(OutputError) {
        let file = try NewFile(named: name, in: folder)
        try file.append(bytes)
        try file.finish()
    }

    /// A new file in a folder being prepared, written a part at a time, for an output too
    /// large to hold whole.
    final class NewFile {
        let path: String
        private var descriptor: Int32

        convenience init(named name: String, in folder: String) throws(OutputError) {
            try self.init(path: "\(folder)/\(name)")
        }

        /// Creates the file, which must not exist yet.
        init(path: String) throws(OutputError) {
            self.path = path
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw OutputError(path, errno: errno) }
        }

        deinit {
            if descriptor >= 0 { close(descriptor) }
        }

        func append(_ bytes: [UInt8]) throws(OutputError) {
            let failure = AtomicFileWriter.writeAll(bytes, to: descriptor)
            if failure != 0 { throw OutputError(path, errno: failure) }
        }

        /// Flushes the file to disk and closes it.
        func finish() throws(OutputError) {
            var failure: Int32 = fsync(descriptor) != 0 ? errno : 0
            if close(descriptor) != 0 && failure == 0 { failure = errno }
            descriptor = -1
            if failure != 0 { throw OutputError(path, errno: failure) }
        }
    }

    /// Removes a temporary folder that is not to be published.
    public static func discardTemporaryFolder(_ temporary: String) {
        removeTree(temporary)
    }

    /// Steps 2 to 4 of ``publishFolder(_:as:keepingPreviousAs:)``: publishes `temporary`, whose
    /// files are all written, as `folder`.
    @discardableResult
    public static func publishTemporaryFolder(_ temporary: String, as folder: String,
                                              keepingPreviousAs previous: String) throws(OutputError) -> FolderPublication {
        syncFolder(temporary)
        let parent = FilePath.folder(of: folder)
        let hasCurrent: Bool
        switch kind(of: folder) {
        case .missing: hasCurrent = false
        case .folder: hasCurrent = true
        case .other:
            removeTree(temporary)
            throw OutputError(folder, reason: "it exists and is not a folder")
        }
        guard hasCurrent else {
            // Nothing to keep: one rename publishes the folder. An existing `previous` (left by a
            // run killed between its two renames and not yet restored) is kept as it is.
            if rename(temporary, folder) != 0 {
                let code = errno
                removeTree(temporary)
                throw OutputError(folder, errno: code)
            }
            syncFolder(parent)
            return FolderPublication(folder: folder, previous: nil, exchangedInOneStep: true)
        }

        if kind(of: previous) != .missing {
            let discarded = "\(temporary).discarded"
            if rename(previous, discarded) != 0 {
                let code = errno
                removeTree(temporary)
                throw OutputError(previous, errno: code)
            }
            syncFolder(parent)
            removeTree(discarded)
        }

        if exchange(temporary, folder) {
            syncFolder(parent)
            // The temporary name now holds the old contents; a failure here loses only them.
            if rename(temporary, previous) != 0 {
                removeTree(temporary)
                syncFolder(parent)
                return FolderPublication(folder: folder, previous: nil, exchangedInOneStep: true)
            }
            syncFolder(parent)
            return FolderPublication(folder: folder, previous: previous, exchangedInOneStep: true)
        }

        if rename(folder, previous) != 0 {
            let code = errno
            removeTree(temporary)
            throw OutputError(folder, errno: code)
        }
        // From here until the next rename, `folder` does not exist (see the comment above), so
        // nothing, not even a flush, comes between the two.
        if rename(temporary, folder) != 0 {
            let code = errno
            rename(previous, folder)  // put the old folder back where readers expect it
            removeTree(temporary)
            syncFolder(parent)
            throw OutputError(folder, errno: code)
        }
        syncFolder(parent)
        return FolderPublication(folder: folder, previous: previous, exchangedInOneStep: false)
    }

    /// Deletes the temporary folders of `folder` (`.<name>.tmp-*` beside it) that a killed run
    /// left behind. Call it only while holding the output lock, or it would delete the
    /// temporary folder of a run still writing it.
    /// - Returns: the paths removed, in name order.
    public static func removeStaleTemporaryFolders(of folder: String) -> [String] {
        let parent = FilePath.folder(of: folder)
        let prefix = temporaryFolderPrefix(of: folder)
        let stale = entries(of: parent).filter { $0.hasPrefix(prefix) }.sorted().map { "\(parent)/\($0)" }
        for path in stale { removeTree(path) }
        if !stale.isEmpty { syncFolder(parent) }
        return stale
    }

    /// Repairs what a run killed between the two renames of a publication leaves: no `folder`,
    /// and its complete former contents in `previous`. Renames `previous` back to `folder`, so
    /// readers find the last complete outputs where they expect them while this run works.
    /// Call it only while holding the output lock.
    /// - Returns: true when it repaired something.
    /// - Throws: ``OutputError`` when the rename fails.
    public static func restoreInterruptedPublication(of folder: String, previous: String) throws(OutputError) -> Bool {
        guard kind(of: folder) == .missing, kind(of: previous) == .folder else { return false }
        guard rename(previous, folder) == 0 else { throw OutputError(folder, errno: errno) }
        syncFolder(FilePath.folder(of: folder))
        return true
    }

    // MARK: Helpers

    /// Writes every byte to `descriptor`, retrying interrupted and short writes; returns 0 or
    /// the errno of the failure.
    fileprivate static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
    }

    /// Flushes a folder's entries, so a rename survives a power cut. Best effort: some file
    /// systems cannot flush a folder, and the rename itself has already happened.
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private enum EntryKind { case missing, folder, other }

    /// What is at `path`, not following a final symbolic link.
    private static func kind(of path: String) -> EntryKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        return info.st_mode & S_IFMT == S_IFDIR ? .folder : .other
    }

    /// The names in `folder`, without `.` and `..`; empty when it cannot be read.
    private static func entries(of folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Deletes `path` and, when it is a folder, everything in it. Symbolic links are removed,
    /// never followed. Best effort: what cannot be removed stays.
    private static func removeTree(_ path: String) {
        if kind(of: path) == .folder {
            for name in entries(of: path) { removeTree("\(path)/\(name)") }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Swaps the names of two folders in one atomic step with Linux's
    /// `renameat2(RENAME_EXCHANGE)`. Glibc declares `renameat2` only for C code that asks for GNU
    /// extensions, which Swift's Glibc module does not, so the function is looked up by name
    /// once; where it is missing (an old C library, another system) or the file system cannot
    /// exchange (it fails with EINVAL, ENOSYS or ENOTSUP), this returns false and the caller falls
    /// back to two renames.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        guard let renameat2 = renameAt2 else { return false }
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
    }

    /// `RENAME_EXCHANGE` from <linux/fs.h>: atomically exchange the two paths.
    private static let renameExchange: UInt32 = 1 << 1

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32

    /// The C library's `renameat2`, when it has one.
    private static let renameAt2: RenameAt2? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
}
