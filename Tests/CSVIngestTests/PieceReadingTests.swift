import Foundation
import Glibc
import PropertyBased
import Testing
@testable import CSVIngest

/// What a read hands out, in the order it hands it out: records and diagnostics interleaved,
/// rows already made absolute.
enum ReadEvent: Equatable, CustomStringConvertible {
    case record(row: Int, line: Int, bytes: [UInt8], fieldEnds: [Int])
    case diagnostic(Diagnostic)

    init(_ record: CSVRecord) {
        self = .record(row: record.row, line: record.line, bytes: record.bytes, fieldEnds: record.fieldEnds)
    }

    func offsettingRows(by offset: Int) -> ReadEvent {
        switch self {
        case .record(let row, let line, let bytes, let ends):
            return .record(row: row + offset, line: line, bytes: bytes, fieldEnds: ends)
        case .diagnostic(var diagnostic):
            diagnostic.row += offset
            return .diagnostic(diagnostic)
        }
    }

    var description: String {
        switch self {
        case .record(let row, let line, let bytes, let ends):
            return "record \(row)/\(line): \(CSVRecord(row: row, line: line, bytes: bytes, fieldEnds: ends).fields)"
        case .diagnostic(let diagnostic):
            return "diagnostic \(diagnostic.row)/\(diagnostic.line): \(diagnostic.code) \(diagnostic.message) [\(diagnostic.raw)]"
        }
    }
}

/// One piece's events, and the thread that produced them.
struct EventSink: CSVPieceSink {
    var events: [ReadEvent] = []
    var threads: Set<UInt> = []

    mutating func record(_ record: CSVRecord) {
        events.append(ReadEvent(record))
        threads.insert(UInt(pthread_self()))
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        events.append(.diagnostic(diagnostic))
        threads.insert(UInt(pthread_self()))
    }
}

/// Everything a read gives out, serial or in pieces, in a form to compare.
struct FullRead: Equatable {
    var events: [ReadEvent] = []
    var summary: CSVFileSummary?
    /// What `onBytes` was shown, in order.
    var bytes: [UInt8] = []
}

/// A read in pieces, with what the driver showed of its workings.
struct PieceRead {
    var read = FullRead()
    /// The header `makeSink` was given, each time.
    var headersGiven: [[String]?] = []
    var deliveries = 0
    var threads: Set<UInt> = []
}

func serialRead(path: String, options: CSVReadOptions) throws -> FullRead {
    var result = FullRead()
    result.summary = try CSVFileReader.read(
        path: path, displayName: "input.csv", options: options,
        onBytes: { result.bytes.append(contentsOf: $0) },
        onDiagnostic: { result.events.append(.diagnostic($0)) },
        onRecord: { result.events.append(ReadEvent($0)) })
    return result
}

func pieceRead(path: String, options: CSVReadOptions, workers: Int, pieceBytes: Int) throws -> PieceRead {
    var result = PieceRead()
    result.read.summary = try CSVFileReader.readInPieces(
        path: path, displayName: "input.csv", options: options, workers: workers, pieceBytes: pieceBytes,
        onBytes: { result.read.bytes.append(contentsOf: $0) },
        makeSink: { header in
            result.headersGiven.append(header)
            return EventSink()
        },
        deliver: { sink, rowOffset in
            result.read.events += sink.events.map { $0.offsettingRows(by: rowOffset) }
            result.deliveries += 1
            result.threads.formUnion(sink.threads)
        })
    return result
}

/// Reads `path` serially and in pieces of every size and worker count given, and checks that
/// every read in pieces gives exactly what the serial read gives.
func expectPiecesMatchSerial(
    path: String, options: CSVReadOptions = CSVReadOptions(),
    pieceSizes: [Int] = PieceReadingTests.pieceSizes, workers: [Int] = [1, 3],
    _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let serial: FullRead
    do {
        serial = try serialRead(path: path, options: options)
    } catch let error as IngestError {
        // A file that is not CSV at all: the same error, whatever the pieces.
        for size in pieceSizes {
            for count in workers {
                #expect(throws: error, "\(context) pieces of \(size) bytes, \(count) workers", sourceLocation: sourceLocation) {
                    try pieceRead(path: path, options: options, workers: count, pieceBytes: size)
                }
            }
        }
        return
    }
    for size in pieceSizes {
        for count in workers {
            let pieces = try pieceRead(path: path, options: options, workers: count, pieceBytes: size)
            let label = "\(context) pieces of \(size) bytes, \(count) workers"
            #expect(pieces.read.summary == serial.summary, "\(label)", sourceLocation: sourceLocation)
            let sameBytes = pieces.read.bytes == serial.bytes  // (not printed whole when they differ)
            #expect(sameBytes, "\(label): onBytes", sourceLocation: sourceLocation)
            if pieces.read.events != serial.events {
                let common = min(pieces.read.events.count, serial.events.count)
                let first = (0..<common).first { pieces.read.events[$0] != serial.events[$0] } ?? common
                Issue.record("""
                    \(label): events differ from #\(first) (\(pieces.read.events.count) vs \(serial.events.count))
                    pieces: \(pieces.read.events.dropFirst(first).first.map(String.init(describing:)) ?? "none")
                    serial: \(serial.events.dropFirst(first).first.map(String.init(describing:)) ?? "none")
                    """, sourceLocation: sourceLocation)
            }
            #expect(pieces.headersGiven.allSatisfy { $0 == serial.summary?.header }, "\(label): header given",
                    sourceLocation: sourceLocation)
        }
    }
}

func expectPiecesMatchSerial(
    _ bytes: [UInt8], options: CSVReadOptions = CSVReadOptions(),
    pieceSizes: [Int] = PieceReadingTests.pieceSizes, workers: [Int] = [1, 3],
    _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let path = try temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent()) }
    try expectPiecesMatchSerial(path: path, options: options, pieceSizes: pieceSizes, workers: workers, context,
                                sourceLocation: sourceLocation)
}

/// Reading a file in pieces gives exactly what reading it serially gives: the same records,
/// rows, lines, diagnostics and summary, whatever the pieces' size and the number of workers.
struct PieceReadingTests {
    static let pieceSizes = [1, 2, 3, 7, 64, CSVFileReader.defaultPieceBytes]

    /// The option sets every input is read with: as shipped; with a tiny field cap, so that
    /// runaway quotes are cut and their lines read again across pieces; as GB18030 whatever
    /// the bytes; and in tiny chunks.
    static let optionSets: [(String, CSVReadOptions)] = [
        ("default", CSVReadOptions()),
        ("cap 8", CSVReadOptions(maxFieldBytes: 8)),
        ("gb18030", CSVReadOptions(encoding: .gb18030)),
        ("chunks of 5", CSVReadOptions(chunkBytes: 5)),
    ]

    static let fixtureFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Every input file the tests hold: the fuzzer's seeds and regressions and the fixtures.
    static func inputFiles() -> [String] {
        let fuzz = ["corpus", "regressions"].flatMap { folder in
            FuzzRegressionTests.inputs(in: folder).map {
                FuzzRegressionTests.fuzzFolder.appendingPathComponent(folder).appendingPathComponent($0).path
            }
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtureFolder.path)) ?? []
        let fixtures = names.filter { !$0.hasPrefix(".") }.sorted().map { fixtureFolder.appendingPathComponent($0).path }
        return fuzz + fixtures
    }

    @Test(arguments: inputFiles())
    func everyInputFileReadsTheSameInPieces(_ path: String) throws {
        for (name, options) in Self.optionSets {
            try expectPiecesMatchSerial(path: path, options: options, "\(URL(fileURLWithPath: path).lastPathComponent), \(name):")
        }
    }

    /// Guards against a moved folder turning the test above into a test of nothing.
    @Test func inputFilesAreFound() {
        #expect(Self.inputFiles().count >= 45)
    }

    // MARK: Targeted cases

    @Test func quotedFieldWithLineBreaksStraddlingACut() throws {
        var text = "id,note,amount\n"
        for id in 1...30 { text += "\(id),\"line one\nline two, \"\"quoted\"\"\r\nline three\",\(id)00\n" }
        try expectPiecesMatchSerial(Array(text.utf8))
        let pieces = try pieceRead(path: temporaryFile(Array(text.utf8)), options: CSVReadOptions(), workers: 3, pieceBytes: 20)
        #expect(pieces.deliveries > 10)
        #expect(pieces.read.summary?.accepted == 31)
    }

    @Test func unterminatedQuoteInTheMiddle() throws {
        var lines = ["id,name,amount"]
        for id in 1...40 { lines.append(id == 12 ? "12,\"unclosed,1200" : "\(id),name\(id),\(id)00") }
        let text = lines.joined(separator: "\n") + "\n"
        try expectPiecesMatchSerial(Array(text.utf8))
        let serial = try serialRead(path: temporaryFile(Array(text.utf8)), options: CSVReadOptions())
        #expect(serial.summary?.rejected == 1)
        #expect(serial.summary?.accepted == 40)
    }

    @Test func runawayFieldLargerThanTheCapCrossesPieces() throws {
        var text = "id,note\n1,\"runaway\n"
        for id in 2...300 { text += "\(id),\(String(repeating: "n", count: id % 13))\n" }
        let options = CSVReadOptions(maxFieldBytes: 64)
        try expectPiecesMatchSerial(Array(text.utf8), options: options, pieceSizes: [1, 7, 64, 100, 1000])
        let serial = try serialRead(path: temporaryFile(Array(text.utf8)), options: options)
        #expect(serial.events.contains { if case .diagnostic(let d) = $0 { d.code == .fieldTooLarge } else { false } })
    }

    @Test func runawayFieldAtTheDefaultCapCrossesManyPieces() throws {
        var text = "id,note\n1,\"runaway\n"
        for id in 2...60_000 { text += "\(id),\(String(repeating: "x", count: 20))\n" }
        try expectPiecesMatchSerial(Array(text.utf8), pieceSizes: [64 * 1024, 200_000], workers: [1, 2, 3])
    }

    @Test func strayQuoteThatFlipsTheQuoteCount() throws {
        var text = "id,name\n1,x\"y\n"
        for id in 2...200 { text += "\(id),\"name \(id)\"\n" }
        try expectPiecesMatchSerial(Array(text.utf8))
        // The pieces after the stray quote are still small.
        let pieces = try pieceRead(path: temporaryFile(Array(text.utf8)), options: CSVReadOptions(), workers: 3, pieceBytes: 64)
        #expect(pieces.deliveries > 20)
    }

    @Test func crlfLineEnds() throws {
        let text = "a,b\r\n1,\"x\r\ny\"\r\n\r\n2,3\r\n,\r\n4,\"5\"\r\n"
        try expectPiecesMatchSerial(Array(text.utf8))
        try expectPiecesMatchSerial(Array(text.utf8).filter { $0 != 0x0A })  // bare CRs: one line
    }

    @Test func byteOrderMark() throws {
        try expectPiecesMatchSerial([0xEF, 0xBB, 0xBF] + Array("a,b\n\u{FEFF}1,2\n3,4\n".utf8))
        try expectPiecesMatchSerial([0xEF, 0xBB, 0xBF])
        try expectPiecesMatchSerial([0xEF, 0xBB, 0xBF, 0x0A, 0x0A] + Array("a,b\n1,2\n".utf8))
        try expectPiecesMatchSerial([0xEF, 0xBB])
    }

    @Test func gb18030Input() throws {
        var text = "编号,当事人,备注\n"
        for id in 1...40 { text += "\(id),华东化工有限公司\(id),\"已整改\n𠀀€，\"\"甲\"\"\"\n" }
        let bytes = try gb18030(text)
        #expect(bytes != Array(text.utf8))
        try expectPiecesMatchSerial(bytes)
        let serial = try serialRead(path: temporaryFile(bytes), options: CSVReadOptions())
        #expect(serial.summary?.encoding == .gb18030)
        #expect(serial.summary?.accepted == 41)
        // An invalid lead byte just before a line feed, read as GB18030.
        try expectPiecesMatchSerial(bytes + [0x81, 0x0A] + bytes.suffix(40) + [0x81],
                                    options: CSVReadOptions(encoding: .gb18030))
    }

    /// iconv holds back `84 31 0A` at the end of its input (it may be the start of a four-byte
    /// character) but, with more bytes after it, copies `84` through as invalid and reads on:
    /// a piece ending there must not end clean, or its last line is lost.
    @Test func invalidFourByteStartBeforeALineFeed() throws {
        let text = Array("a,b\n1,2\n".utf8) + [0x84, 0x31, 0x0A] + Array("3,4\n5,6\n".utf8)
        for encoding in [EncodingChoice.auto, .gb18030] {
            try expectPiecesMatchSerial(text, options: CSVReadOptions(encoding: encoding))
            try expectPiecesMatchSerial(text + [0x84, 0x31, 0x0A], options: CSVReadOptions(encoding: encoding))
            try expectPiecesMatchSerial(text + [0x84, 0x31], options: CSVReadOptions(encoding: encoding))
        }
        let serial = try serialRead(path: temporaryFile(text), options: CSVReadOptions(encoding: .gb18030))
        #expect(serial.events.contains { if case .diagnostic(let d) = $0 { d.code == .invalidEncoding && d.row == 3 } else { false } })
    }

    @Test func noFinalLineEnd() throws {
        try expectPiecesMatchSerial(Array("a,b\n1,2\n3,4".utf8))
        try expectPiecesMatchSerial(Array("a,b\n1,2\n3,\"4\n5".utf8))
        try expectPiecesMatchSerial(Array("a,b\n1,2\n3,x\"\"y".utf8))
    }

    @Test func emptyFile() throws {
        try expectPiecesMatchSerial([])
        let pieces = try pieceRead(path: temporaryFile([]), options: CSVReadOptions(), workers: 3, pieceBytes: 1)
        #expect(pieces.deliveries == 1)
        #expect(pieces.headersGiven == [nil])
    }

    @Test func headerOnlyFile() throws {
        try expectPiecesMatchSerial(Array("a,b,c\n".utf8))
        try expectPiecesMatchSerial(Array("a,b,c".utf8))
        try expectPiecesMatchSerial(Array("\n\n\na,b,c\r\n\r\n".utf8))
    }

    @Test func brokenHeaders() throws {
        for text in ["a,\"b\n1,2\n3,4\n", "a,b\"c\n1,2\n", "\n\n\"a\nb\",c\n1,2\n", "a,\0\n1,2\n", "\"a\nb\nc\nd\ne\n"] {
            try expectPiecesMatchSerial(Array(text.utf8), text.debugDescription)
            try expectPiecesMatchSerial(Array(text.utf8), options: CSVReadOptions(maxFieldBytes: 3), text.debugDescription)
        }
    }

    @Test func blankLinesBeforeTheHeaderKeepItsPlace() throws {
        let path = try temporaryFile(Array("\n\n,,\n\nid,name\n1,a\n2,b\n".utf8))
        let pieces = try pieceRead(path: path, options: CSVReadOptions(), workers: 3, pieceBytes: 1)
        #expect(pieces.headersGiven.allSatisfy { $0 == ["id", "name"] })
        #expect(pieces.read.events.first == ReadEvent(CSVRecord(row: 5, line: 5, fields: ["id", "name"])))
        try expectPiecesMatchSerial(path: path)
    }

    // MARK: The driver

    @Test func piecesAreParsedOnWorkerThreads() throws {
        var text = "id,name,amount\n"
        for id in 1...5_000 { text += "\(id),name \(id),\(id)\n" }
        let path = try temporaryFile(Array(text.utf8))
        let pieces = try pieceRead(path: path, options: CSVReadOptions(), workers: 3, pieceBytes: 4096)
        #expect(pieces.deliveries > 20)
        #expect(!pieces.threads.contains(UInt(pthread_self())))
        #expect(pieces.threads.count > 1)
        let inline = try pieceRead(path: path, options: CSVReadOptions(), workers: 1, pieceBytes: 4096)
        #expect(inline.threads == [UInt(pthread_self())])
        let alike = inline.read == pieces.read
        #expect(alike, "one worker and three read alike")
    }

    /// At most `2 * workers` pieces are held at once (and the one being delivered).
    @Test(arguments: [1, 2, 3])
    func piecesInFlightAreBounded(workers: Int) throws {
        var text = "id,note\n"
        for id in 1...3_000 { text += id % 97 == 0 ? "\(id),\"open\n" : "\(id),\"n\n\(id)\"\n" }
        let counter = LiveSinks()
        _ = try CSVFileReader.readInPieces(
            path: temporaryFile(Array(text.utf8)), options: CSVReadOptions(), workers: workers, pieceBytes: 100,
            makeSink: { _ in CountingSink(counter) }, deliver: { _, _ in })
        #expect(counter.peak <= 2 * workers + 1)
        #expect(counter.made > 50)
        #expect(counter.live == 0)
    }

    @Test func aPipeIsReadAsOnePiece() throws {
        let folder = URL(fileURLWithPath: try temporaryFile([])).deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = Array("id,name\n1,张三\n2,\"李\n四\"\n3,x\"y\n4".utf8)
        let file = folder.appendingPathComponent("input.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let serial = try serialRead(path: file, options: CSVReadOptions())
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opening a pipe for reading waits for a writer: write from a thread of its own.
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            try? handle.write(contentsOf: Data(bytes))
            try? handle.close()
        }
        writer.start()
        let pieces = try pieceRead(path: fifo, options: CSVReadOptions(), workers: 3, pieceBytes: 1)
        #expect(pieces.deliveries == 1)
        #expect(pieces.headersGiven == [["id", "name"]])
        #expect(pieces.read.events == serial.events)
        let sameBytes = pieces.read.bytes == serial.bytes
        #expect(sameBytes)
        var expected = serial.summary
        expected?.path = fifo
        expected?.bytes = 0  // a pipe has no size
        #expect(pieces.read.summary == expected)
    }

    @Test func fileErrorsAreTheSerialRead() throws {
        let folder = URL(fileURLWithPath: try temporaryFile([])).deletingLastPathComponent().path
        let pdf = try temporaryFile(Array("%PDF-1.4\n1,2\n".utf8))
        for path in ["/no/such/file.csv", folder, pdf] {
            var serialError: IngestError?
            var piecesError: IngestError?
            do { _ = try serialRead(path: path, options: CSVReadOptions()) } catch { serialError = error as? IngestError }
            do { _ = try pieceRead(path: path, options: CSVReadOptions(), workers: 3, pieceBytes: 1) } catch {
                piecesError = error as? IngestError
            }
            #expect(serialError != nil)
            #expect(piecesError == serialError)
        }
    }

    // MARK: The planner

    @Test func countingMatchesAByteLoop() {
        var generator = SeededGenerator(seed: 7)
        let alphabet: [UInt8] = [0x22, 0x0A, 0x0D, 0x2C, 0x61, 0x00, 0x80, 0xFF, 0x21, 0x23, 0x09, 0x0B, 0xA2, 0x8A]
        for length in Array(0...40) + [255 * 8 - 1, 255 * 8, 255 * 8 + 9, 5000] {
            let bytes = (0..<length + 7).map { _ in alphabet.randomElement(using: &generator)! }
            for shift in 0..<8 where shift + length <= bytes.count {
                let slice = Array(bytes[shift..<shift + length])
                let counted = slice.withUnsafeBytes { PieceBoundaryScanner.countQuotesAndLineFeeds($0.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, count: length) }
                #expect(counted.quotes == slice.filter { $0 == 0x22 }.count, "length \(length) shift \(shift)")
                #expect(counted.lineFeeds == slice.filter { $0 == 0x0A }.count, "length \(length) shift \(shift)")
            }
        }
        // Every byte in every lane, so no lane overflows or matches a neighbour.
        let all = [UInt8]((0...255).flatMap { [UInt8]($0...$0) + [0x22, 0x0A] }) + [UInt8](repeating: 0x22, count: 4099)
        let counted = all.withUnsafeBytes { PieceBoundaryScanner.countQuotesAndLineFeeds($0.baseAddress!, count: $0.count) }
        #expect(counted.quotes == all.filter { $0 == 0x22 }.count)
        #expect(counted.lineFeeds == all.filter { $0 == 0x0A }.count)
    }

    /// Scans `bytes` in reads of `chunk` bytes and returns every cut and the line feeds before it.
    static func cuts(of bytes: [UInt8], pieceBytes: Int, headerLines: Int = 0, chunk: Int) -> [(offset: Int, lineFeeds: Int)] {
        var scanner = PieceBoundaryScanner(pieceBytes: pieceBytes, firstCutAfterLines: headerLines)
        var cuts: [(Int, Int)] = []
        var chunkStart = 0
        while chunkStart < bytes.count {
            let chunkEnd = min(bytes.count, chunkStart + chunk)
            let part = Array(bytes[chunkStart..<chunkEnd])
            var from = 0
            part.withUnsafeBytes { part in
                while let cut = scanner.scan(part, from: from) {
                    cuts.append((chunkStart + cut, scanner.lineFeeds))
                    from = cut
                }
            }
            chunkStart = chunkEnd
        }
        #expect(scanner.lineFeeds == bytes.filter { $0 == 0x0A }.count)
        #expect(scanner.position == bytes.count)
        return cuts
    }

    @Test func cutsAreAfterLineFeedsWithAnEvenQuoteCount() {
        var text = "id,note\n"
        for id in 1...200 { text += id % 3 == 0 ? "\(id),\"a\nb\",\"\"\n" : "\(id),plain\n" }
        let bytes = Array(text.utf8)
        for pieceBytes in [1, 7, 64, 500] {
            for chunk in [1, 3, 64, 1 << 20] {
                let cuts = Self.cuts(of: bytes, pieceBytes: pieceBytes, headerLines: 1, chunk: chunk)
                #expect(cuts.count > bytes.count / (pieceBytes + 40) / 2, "pieces of \(pieceBytes)")
                var last = 0
                for (offset, lineFeeds) in cuts {
                    #expect(bytes[offset - 1] == 0x0A)
                    // (Pieces of a few bytes outgrow a multi-line record and take an odd count.)
                    if pieceBytes >= 64 { #expect(bytes[..<offset].filter { $0 == 0x22 }.count % 2 == 0) }
                    #expect(bytes[..<offset].filter { $0 == 0x0A }.count == lineFeeds)
                    #expect(lineFeeds >= 1)
                    #expect(offset - last >= pieceBytes)
                    last = offset
                }
                // Reads of any size see the same cuts.
                #expect(cuts.map(\.offset) == Self.cuts(of: bytes, pieceBytes: pieceBytes, headerLines: 1, chunk: 1 << 20).map(\.offset))
            }
        }
    }

    @Test func afterAStrayQuoteCutsFollowTheOtherCount() {
        var text = "id,note\n1,x\"y\n"
        for id in 2...300 { text += "\(id),plain\n" }
        let bytes = Array(text.utf8)
        let cuts = Self.cuts(of: bytes, pieceBytes: 50, headerLines: 1, chunk: 1 << 20)
        #expect(cuts.count > 40)
        #expect(cuts.dropFirst().allSatisfy { bytes[..<$0.offset].filter { $0 == 0x22 }.count % 2 == 1 })
    }

    @Test func noCutBeforeTheHeaderLinesOrWhenThereAreNone() {
        let bytes = Array("\n\n\nh\n1\n2\n3\n4\n5\n".utf8)
        #expect(Self.cuts(of: bytes, pieceBytes: 1, headerLines: 4, chunk: 2).first?.lineFeeds == 4)
        #expect(Self.cuts(of: bytes, pieceBytes: 1, headerLines: .max, chunk: 2).isEmpty)
    }

    // MARK: The piece reader

    @Test func aPieceCutInsideAQuotedFieldDoesNotEndClean() throws {
        let bytes = Array("a,b\n1,\"x\ny\"\n2,z\n".utf8)
        let path = try temporaryFile(bytes)
        let file = try InputFile(path: path)
        defer { file.close() }
        let options = CSVReadOptions()
        let cutInside = 9  // after "1,\"x\n"
        let cutOutside = 12  // after "y\"\n"
        #expect(bytes[cutInside - 1] == 0x0A && bytes[cutOutside - 1] == 0x0A)

        let first = try CSVPieceReader(file: file.positional, fileName: "input.csv", options: options,
                                       encoding: EncodingDecision(.utf8, isWhollyValid: false), start: .fileStart, at: 0)
        try first.read(0..<cutInside, isLast: false)
        #expect(!first.endedClean)
        try first.read(cutInside..<cutOutside, isLast: false)
        #expect(first.endedClean)
        #expect(first.counts == CSVPieceCounts(records: 2, accepted: 2, rejected: 0, blankRows: 0, rows: 2, lines: 3))

        var events: [ReadEvent] = []
        let second = try CSVPieceReader(file: file.positional, fileName: "input.csv", options: options,
                                        encoding: EncodingDecision(.utf8, isWhollyValid: false), start: .line(4, header: first.stream.headerState!), at: cutOutside)
        second.route(onRecord: { events.append(ReadEvent($0)) }, onDiagnostic: { events.append(.diagnostic($0)) })
        try second.read(cutOutside..<bytes.count, isLast: true)
        #expect(events == [ReadEvent(CSVRecord(row: 1, line: 4, fields: ["2", "z"]))])
        #expect(second.counts.lines == 4)
    }

    @Test func aPieceEndingInsideALineDoesNotEndClean() throws {
        let bytes = Array("a,b\n1,2\n".utf8)
        let file = try InputFile(path: temporaryFile(bytes))
        defer { file.close() }
        let reader = try CSVPieceReader(file: file.positional, fileName: "input.csv", options: CSVReadOptions(),
                                        encoding: EncodingDecision(.utf8, isWhollyValid: false), start: .fileStart, at: 0)
        try reader.read(0..<6, isLast: false)
        #expect(!reader.endedClean)
        try reader.read(6..<8, isLast: false)
        #expect(reader.endedClean)
    }

    // MARK: Properties

    @Test func randomCSVReadsTheSameInPieces() async {
        let token = Gen<String?>.element(of: ["a", "中", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "x\"y", "\u{FEFF}", "\0"])
            .map { $0 ?? "" }
        let text = token.array(of: 0...60).map { $0.joined() }
        await propertyCheck(count: 150, input: text, Gen.int(in: 1...40), Gen.int(in: 1...3)) { body, pieceBytes, workers in
            let bytes = Array(("h1,h2\n" + body).utf8)
            for options in [CSVReadOptions(), CSVReadOptions(maxFieldBytes: 4)] {
                try expectPiecesMatchSerial(bytes, options: options, pieceSizes: [pieceBytes], workers: [workers],
                                            "\(body.debugDescription):")
            }
        }
    }

    @Test func randomBytesReadTheSameInPieces() throws {
        var generator = SeededGenerator(seed: 2024)
        let alphabet: [UInt8] = Array("ab,\"\n\r 1".utf8) + [0x81, 0x30, 0xE4, 0xB8, 0xAD, 0xFF, 0x00, 0xEF, 0xBB, 0xBF]
        for round in 0..<60 {
            let length = Int.random(in: 0...300, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            let options = [CSVReadOptions(), CSVReadOptions(encoding: .gb18030), CSVReadOptions(maxFieldBytes: 6)][round % 3]
            try expectPiecesMatchSerial(bytes, options: options, pieceSizes: [1, 5, 33], workers: [1, 3], "round \(round):")
        }
    }
}

/// Counts the sinks alive at once.
final class LiveSinks: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private var highest = 0
    private var total = 0

    func noteMade() {
        lock.withLock {
            current += 1
            total += 1
            highest = max(highest, current)
        }
    }

    func noteGone() { lock.withLock { current -= 1 } }

    var peak: Int { lock.withLock { highest } }
    var live: Int { lock.withLock { current } }
    var made: Int { lock.withLock { total } }
}

final class CountingSink: CSVPieceSink {
    let counter: LiveSinks
    init(_ counter: LiveSinks) {
        self.counter = counter
        counter.noteMade()
    }
    deinit { counter.noteGone() }
    func record(_ record: CSVRecord) {}
    func diagnostic(_ diagnostic: Diagnostic) {}
}

/// A small fixed-seed generator (SplitMix64), so that a failure can be run again.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `text` in GB18030, through the C library's iconv.
func gb18030(_ text: String) throws -> [UInt8] {
    let converter = iconv_open("GB18030", "UTF-8")
    guard let converter, converter != iconv_t(bitPattern: -1) else { throw IngestError.encodingUnavailable(name: "GB18030") }
    defer { iconv_close(converter) }
    var input = Array(text.utf8).map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: input.count * 2 + 16)
    let produced = input.withUnsafeMutableBufferPointer { input in
        output.withUnsafeMutableBufferPointer { output in
            var inPointer: UnsafeMutablePointer<CChar>? = input.baseAddress
            var inLeft = input.count
            var outPointer: UnsafeMutablePointer<CChar>? = output.baseAddress
            var outLeft = output.count
            let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            return result == -1 ? -1 : output.count - outLeft
        }
    }
    guard produced >= 0 else { throw IngestError.encodingUnavailable(name: "GB18030") }
    return output.prefix(produced).map { UInt8(bitPattern: $0) }
}
