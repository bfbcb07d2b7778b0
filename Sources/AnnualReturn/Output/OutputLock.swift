import Glibc

/// Why the output lock could not be taken.
public enum OutputLockError: Error, Sendable, CustomStringConvertible {
    /// Another process holds the lock: a run is still working on this output folder.
    /// `holder` is that run's process id, when it could be read from the lock file.
    case held(lockFile: String, holder: Int32?)
    /// The output folder or the lock file cannot be created or opened.
    case output(OutputError)

    public var description: String {
        switch self {
        case .held(let lockFile, let holder):
            let who = holder.map { "another run (process \($0))" } ?? "another run"
            return "\(who) holds the lock \(lockFile), so this run stops without touching the output folder; try again when that run has finished"
        case .output(let error):
            return error.description
        }
    }
}

/// An exclusive lock on an output folder, so that two runs never write into it at once.
///
/// It is a `flock(2)` on `<output>/.annual-return.lock`, taken without waiting. The lock file is
/// created when missing and never deleted: deleting it would let a run lock a file that a second
/// run has just replaced, and both would go ahead. The kernel releases the lock when the process
/// ends in any way, `kill -9` included, so a lock is never left stale; the file's content (the
/// holder's process id, for the message a blocked run prints) means nothing once it is unlocked.
///
/// The lock covers the whole output folder, every year in it, and is held until this value is
/// released (normally when the process exits).
public final class OutputLock {
    /// The lock file's name inside the output folder.
    public static let fileName = ".annual-return.lock"

    /// The lock file.
    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Creates `outputFolder` if needed and takes its lock, without waiting.
    /// - Throws: ``OutputLockError/held(lockFile:holder:)`` when another process holds it (nothing
    ///   has been created or changed then), ``OutputLockError/output(_:)`` when the folder or the
    ///   lock file cannot be created.
    public static func acquire(outputFolder: String) throws(OutputLockError) -> OutputLock {
        do {
            try AtomicFileWriter.makeFolder(outputFolder)
        } catch {
            throw .output(error)
        }
        let path = "\(outputFolder)/\(fileName)"
        var descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if descriptor < 0 && errno == EACCES {
            // A lock file made by another user: it can still be locked, just not written.
            descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        }
        guard descriptor >= 0 else { throw .output(OutputError(path, errno: errno)) }

        var locked = flock(descriptor, LOCK_EX | LOCK_NB)
        while locked != 0 && errno == EINTR { locked = flock(descriptor, LOCK_EX | LOCK_NB) }
        if locked != 0 {
            let code = errno
            let holder = code == EWOULDBLOCK ? readHolder(descriptor) : nil
            close(descriptor)
            if code == EWOULDBLOCK { throw .held(lockFile: path, holder: holder) }
            throw .output(OutputError(path, reason: "cannot lock it: \(String(cString: strerror(code)))"))
        }
        writeHolder(descriptor)
        return OutputLock(path: path, descriptor: descriptor)
    }

    /// Records this process's id in the lock file, for the message of a run that finds it held.
    /// Best effort: a read-only lock file simply keeps what it holds.
    private static func writeHolder(_ descriptor: Int32) {
        guard ftruncate(descriptor, 0) == 0 else { return }
        let text = Array("\(getpid())\n".utf8)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress!, $0.count, 0) }
    }

    /// The process id the holder wrote, if the file holds one.
    private static func readHolder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self)
        guard let holder = Int32(text.split(separator: "\n").first ?? ""), holder > 0 else { return nil }
        // The id of a process that has gone is a leftover: some other program holds the lock.
        return kill(holder, 0) == 0 || errno == EPERM ? holder : nil
    }
}
