import AnnualReturn
import ArgumentParser
import Glibc

extension EncodingChoice: ExpressibleByArgument {}

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read one CSV file and print its accepted records as JSON Lines.",
        discussion: """
            Every accepted record, the header included as row 1, goes to stdout as
            {"row": N, "fields": ["…", …]}, where N is the row Excel or WPS shows. Every problem
            goes to stderr, one a line, as FILE:ROW:COL: error[CODE]: message (COL is the field
            number, 0 for the whole row). Rejected records are not printed.

            Examples:
              annual-return parse exports/penalties.csv
              annual-return parse --encoding gb18030 old-system.csv > records.jsonl
              annual-return parse --count --threads 1 big-export.csv

            \(ExitStatus.helpText)
            """
    )

    @Option(help: "The file's encoding: auto, utf8 or gb18030.")
    var encoding: EncodingChoice = .auto

    @Option(name: .customLong("max-field-size"), help: "The largest field accepted, in bytes.")
    var maxFieldSize: Int = 1 << 20

    @Flag(help: "Print only the number of accepted records, not the records.")
    var count = false

    @OptionGroup var reading: ThreadsOption

    @Argument(help: "The CSV file to read.")
    var file: String

    func validate() throws {
        guard maxFieldSize > 0 else { throw ValidationError("--max-field-size must be positive") }
    }

    func run() throws {
        let stdout = FileDescriptorWriter(descriptor: STDOUT_FILENO)
        let stderr = FileDescriptorWriter(descriptor: STDERR_FILENO, flushThreshold: 0)
        let options = CSVReadOptions(encoding: encoding, maxFieldBytes: maxFieldSize)
        let summary: CSVFileSummary
        do {
            // Pieces are parsed on the threads and printed here, in file order.
            summary = try CSVFileReader.readInPieces(
                path: file, options: options, workers: reading.threads,
                makeSink: { _ in ParsedPiece(keepsRecords: !count) },
                deliver: { piece, rowOffset in
                    for event in piece.events {
                        switch event {
                        case .record(let record):
                            let placed = CSVRecord(row: record.row + rowOffset, line: record.line,
                                                   bytes: record.bytes, fieldEnds: record.fieldEnds)
                            stdout.write { JSONLines.append(placed, to: &$0) }
                        case .diagnostic(var diagnostic):
                            diagnostic.row += rowOffset
                            stderr.write(diagnostic.formatted + "\n")
                        }
                    }
                })
        } catch {
            stdout.flush()
            stderr.write("\(file):0:0: error[unreadable-file]: \(error)\n")
            throw ExitStatus.noInput
        }
        if count { stdout.write("\(summary.accepted)\n") }
        stdout.flush()
        if summary.rejected > 0 { throw ExitStatus.dataError }
    }
}

/// What one piece of the file held, in order: its records (unless only counting) and its
/// problems, rows counted from the piece's start.
private struct ParsedPiece: CSVPieceSink, Sendable {
    enum Event: Sendable {
        case record(CSVRecord)
        case diagnostic(Diagnostic)
    }

    let keepsRecords: Bool
    var events: [Event] = []

    mutating func record(_ record: CSVRecord) {
        if keepsRecords { events.append(.record(record)) }
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        events.append(.diagnostic(diagnostic))
    }
}
