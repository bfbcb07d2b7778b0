import Glibc
import Logging

/// Where a run's log lines go: stderr and, when asked, a log file; plus the progress line on a
/// terminal.
///
/// Every log line reads `2023-01-10T02:30:00.123+08:00 info message` (local time with its
/// offset, level, message, then any metadata as ` key=value`). Stderr gets info and above, or
/// warnings and above with `--quiet`; the log file always gets info and above, so that
/// `--quiet --log-file` keeps cron mail for trouble and the full story on disk. The problem
/// lines of a run (`FILE:ROW:COL: error[CODE]: message`) keep their own form on stderr, whatever
/// the level, and go to the log file as error lines; the summary the command prints on stdout
/// goes to the log file as info lines. Each line is one `write(2)` to a file opened
/// for appending, so two runs sharing a log file never mix halves of lines.
///
/// The progress line is shown only when stderr is a terminal: it is redrawn in place with `\r`,
/// wiped before any other line is written, and never reaches the log file or a pipe.
final class RunLog: @unchecked Sendable {
    /// Why the log file cannot be used.
    struct LogFileError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot open the log file \(path): \(reason)" }
    }

    private let stderrLevel: Logger.Level
    private let logFile: Int32?
    private let stderrIsTerminal: Bool
    /// Guards the two destinations and `progressShown`: `RunLog` is shared by every copy of
    /// its `Logger`, and swift-log requires handlers to be safe from any thread.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var progressShown = false

    /// Opens the log file, if any, for appending.
    /// - Parameters:
    ///   - quiet: stderr gets only warnings and errors.
    ///   - logFilePath: a file to append every log line to (created when missing).
    /// - Throws: ``LogFileError`` when the log file cannot be opened.
    init(quiet: Bool, logFilePath: String?) throws(LogFileError) {
        stderrLevel = quiet ? .warning : .info
        stderrIsTerminal = isatty(STDERR_FILENO) == 1
        if let logFilePath {
            let descriptor = open(logFilePath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw LogFileError(path: logFilePath, reason: String(cString: strerror(errno)))
            }
            logFile = descriptor
        } else {
            logFile = nil
        }
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        tzset()  // local time as TZ or /etc/localtime says, read once
    }

    deinit {
        if let logFile { close(logFile) }
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// A logger writing through this log.
    func logger(label: String = "annual-return") -> Logger {
        Logger(label: label) { _ in RunLogHandler(log: self) }
    }

    /// Writes one log line to each destination whose level admits it.
    func write(level: Logger.Level, message: String) {
        let line = Array("\(Self.timestamp()) \(level.rawValue) \(message)\n".utf8)
        withLock {
            if level >= stderrLevel {
                wipeProgress()
                Self.writeAll(line, to: STDERR_FILENO)
            }
            if let logFile { Self.writeAll(line, to: logFile) }
        }
    }

    /// Writes one log line to the log file only, if there is one: for what the command already
    /// prints on stdout (its summary), so that the log file tells the whole run even when cron
    /// sends stdout nowhere.
    func writeToLogFile(level: Logger.Level, message: String) {
        guard let logFile else { return }
        let line = Array("\(Self.timestamp()) \(level.rawValue) \(message)\n".utf8)
        withLock { Self.writeAll(line, to: logFile) }
    }

    /// Writes a line of the `report` stderr contract (a problem, or how many more there are)
    /// to stderr as it is, and to the log file as an error line.
    func problem(_ text: String) {
        withLock {
            wipeProgress()
            Self.writeAll(Array((text + "\n").utf8), to: STDERR_FILENO)
            if let logFile { Self.writeAll(Array("\(Self.timestamp()) error \(text)\n".utf8), to: logFile) }
        }
    }

    /// True when a progress line would be seen: stderr is a terminal and not quietened.
    var showsProgress: Bool { stderrIsTerminal && stderrLevel <= .info }

    /// Shows `text` as the progress line, replacing the previous one; does nothing unless
    /// ``showsProgress``.
    func progress(_ text: String) {
        guard showsProgress else { return }
        withLock {
            // Carriage return, the text, then erase to the end of the line (ANSI EL): a shorter
            // line leaves nothing of a longer one behind.
            Self.writeAll(Array("\r\(text)\u{1B}[K".utf8), to: STDERR_FILENO)
            progressShown = true
        }
    }

    /// Removes the progress line, if one is shown.
    func clearProgress() {
        withLock { wipeProgress() }
    }

    // MARK: Helpers

    private func withLock<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// Erases the progress line; the caller holds the lock.
    private func wipeProgress() {
        guard progressShown else { return }
        Self.writeAll(Array("\r\u{1B}[K".utf8), to: STDERR_FILENO)
        progressShown = false
    }

    /// Writes every byte, retrying interrupted and short writes. A closed stderr or a full disk
    /// must not stop the run, so a failure is dropped.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// The current local time in ISO 8601 with milliseconds and the offset from UTC, e.g.
    /// `2023-01-10T02:30:00.123+08:00`.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var local = tm()
        localtime_r(&seconds, &local)
        let offset = Int(local.tm_gmtoff)
        let sign = offset < 0 ? "-" : "+"
        return "\(local.tm_year + 1900)-\(pad(local.tm_mon + 1))-\(pad(local.tm_mday))"
            + "T\(pad(local.tm_hour)):\(pad(local.tm_min)):\(pad(local.tm_sec)).\(pad(now.tv_nsec / 1_000_000, width: 3))"
            + "\(sign)\(pad(abs(offset) / 3600)):\(pad(abs(offset) % 3600 / 60))"
    }

    private static func pad<Number: BinaryInteger>(_ value: Number, width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// The swift-log handler that sends a `Logger`'s lines to a ``RunLog``.
struct RunLogHandler: LogHandler {
    let log: RunLog
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let suffix = merged.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        log.write(level: event.level, message: event.message.description + suffix)
    }
}
