/// Problems that stop a run. Row problems are diagnostics and never stop it.
public enum PipelineError: Error, Sendable, CustomStringConvertible {
    /// An input file could not be opened or read.
    case unreadableInput(IngestError)
    /// Rows of a file are not accounted for: a bug, and the run must not publish.
    case reconciliationFailed(file: String, read: Int, accepted: Int, rejected: Int, duplicates: Int)
    /// A file read a second time (to take out a version a newer export replaced) no longer
    /// holds the row first read there: it changed during the run.
    case inputChanged(file: String, row: Int)
    /// The working-day calendar lacks a year the publication figures need, or a file is wrong.
    case calendar(WorkingDayCalendar.CalendarError)
    /// A dataset lists more files than the dedupe can tell apart.
    case tooManyInputs(dataset: Dataset, count: Int)
    /// A record starts on a line past the last the dedupe can note (``KeyTable/maximumLine``).
    case tooManyLines(file: String, line: Int)
    /// A record is a row past the last the dedupe can note (``KeyTable/maximumLine`` too).
    case tooManyRows(file: String, row: Int)
    /// The temporary file that holds a long list of problems could not be written (a full
    /// disk): problems would be lost, so nothing is published.
    case temporaryStorage(reason: String)

    public var description: String {
        switch self {
        case .unreadableInput(let error):
            return error.description
        case .reconciliationFailed(let file, let read, let accepted, let rejected, let duplicates):
            return "\(file): \(read) rows read but \(accepted) accepted + \(rejected) rejected + \(duplicates) duplicates = \(accepted + rejected + duplicates); nothing was published. This is a bug in annual-return: please report it with the file."
        case .inputChanged(let file, let row):
            return "\(file): row \(row) is not what it was when this run read the file: the export changed during the run; nothing was published. Run again once the export is complete."
        case .calendar(let error):
            return "\(error); the publication figures (三项制度) cannot be counted without it"
        case .tooManyInputs(let dataset, let count):
            return "\(count) \(dataset.rawValue) files are listed; at most \(KeyTable.maximumFiles) can be read in one run. Merge the exports or split the run."
        case .temporaryStorage(let reason):
            return "the list of data problems outgrew memory and its temporary file could not be written (\(reason)); nothing was published. Free space in TMPDIR (or point TMPDIR elsewhere) and run again."
        case .tooManyLines(let file, let line):
            return "\(file): a record starts on line \(line), past the last line a run can note (\(KeyTable.maximumLine)); nothing was published. Split the export."
        case .tooManyRows(let file, let row):
            return "\(file): row \(row) is past the last row a run can note (\(KeyTable.maximumLine)); nothing was published. Split the export."
        }
    }
}
