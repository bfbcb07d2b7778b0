import Foundation
import Testing
@testable import CSVIngest

/// Reading the records that start on given lines, from where those lines start, gives what the
/// serial read gives on them: the same fields on the same lines, for every input file the
/// tests hold (malformed ones included) and whatever the options.
struct LineReadingTests {
    /// The serial read's records, with their lines; the header left out as the pipeline leaves
    /// it out (the first record, unless a rejected row came before it).
    static func serialRecords(path: String, options: CSVReadOptions) throws -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var isHeader = true
        try CSVFileReader.read(path: path, options: options, onDiagnostic: { _ in isHeader = false }, onRecord: { record in
            if isHeader {
                isHeader = false
            } else {
                records.append((record.line, record.fields))
            }
        })
        return records
    }

    static func picked(_ lines: Set<Int>, path: String, options: CSVReadOptions) throws -> [(line: Int, fields: [String])] {
        try CSVFileReader.records(startingOn: lines, path: path, options: options).map { ($0.line, $0.fields) }
    }

    @Test(arguments: PieceReadingTests.inputFiles())
    func everyInputFileGivesTheSerialRecordsOfTheWantedLines(_ path: String) throws {
        for (name, options) in PieceReadingTests.optionSets {
            let label = "\(URL(fileURLWithPath: path).lastPathComponent), \(name)"
            let serial: [(line: Int, fields: [String])]
            do {
                serial = try Self.serialRecords(path: path, options: options)
            } catch {
                #expect(throws: IngestError.self, "\(label)") { try Self.picked([2], path: path, options: options) }
                continue
            }
            // Every other record's line, then every line: both ends of the file and the middle.
            for lines in [Set(serial.enumerated().filter { $0.offset % 2 == 1 }.map(\.element.line)),
                          Set(serial.map(\.line))] {
                let expected = serial.filter { lines.contains($0.line) }
                let got = try Self.picked(lines, path: path, options: options)
                #expect(got.map(\.line) == expected.map(\.line), "\(label)")
                #expect(got.map(\.fields) == expected.map(\.fields), "\(label)")
            }
        }
    }

    @Test func aFewLinesOfALargeFile() throws {
        var text = "id,note,amount\n"
        for id in 1...2_000 { text += id % 7 == 0 ? "\(id),\"two\nlines\",\(id)\n" : "\(id),one line,\(id)\n" }
        let path = try temporaryFile(Array(text.utf8))
        let serial = try Self.serialRecords(path: path, options: CSVReadOptions())
        let lines: Set<Int> = [serial[0].line, serial[6].line, serial[7].line, serial[1_999].line, 99_999]
        let got = try Self.picked(lines, path: path, options: CSVReadOptions(chunkBytes: 100))
        #expect(got.map(\.fields) == [serial[0], serial[6], serial[7], serial[1_999]].map(\.fields))
        #expect(got[2].line == serial[7].line && serial[7].line == 10)  // after a quoted line break
    }

    @Test func recordsSharingALineAreAllGiven() throws {
        let path = try temporaryFile(Array("a,b\n1,x\r2,y\r3,z\n4,w\n".utf8))
        let got = try Self.picked([2], path: path, options: CSVReadOptions())
        #expect(got.map(\.fields) == [["1", "x"], ["2", "y"], ["3", "z"]])
        #expect(try Self.picked([1], path: path, options: CSVReadOptions()).isEmpty)  // the header's
        // Records after the header on its own line, read from the file's start.
        let onHeaderLine = try temporaryFile(Array("a,b\r1,x\r2,y\n3,z\n".utf8))
        #expect(try Self.picked([1, 2], path: onHeaderLine, options: CSVReadOptions()).map(\.fields)
                == [["1", "x"], ["2", "y"], ["3", "z"]])
    }
}
