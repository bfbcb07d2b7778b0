import Glibc

extension CSVFileReader {
    /// The records of `path` that start on one of `lines` (the file's physical lines, from 1),
    /// each parsed from the start of its line: the file is scanned for line feeds, not parsed,
    /// so a few rows of a large export cost a `memchr` pass over it rather than a full read.
    /// This is how the pipeline reads again the few older versions newer exports replaced.
    ///
    /// The header is read first, as every read does, and never given. Each wanted line is
    /// parsed from its start through its end (and the end of a record still open there), so
    /// every record starting on it is given — with bare carriage returns a line can start
    /// several, even the header's, which is then read from the file's start. A record's `row`
    /// counts from where it was read from, as a piece's rows count from the piece's start: the
    /// caller knows lines, not rows. Diagnostics are not given: the first read reported them.
    /// A pipe, which cannot be read by position, is read through and its records on those
    /// lines given.
    /// - Throws: what ``read(path:displayName:options:onBytes:onDiagnostic:onRecord:)`` throws.
    public static func records(
        startingOn lines: Set<Int>, path: String, displayName: String? = nil,
        options: CSVReadOptions = CSVReadOptions()
    ) throws(IngestError) -> [CSVRecord] {
        guard !lines.isEmpty else { return [] }
        let file = try InputFile(path: path)
        defer { file.close() }
        guard file.isSeekable else {
            file.close()
            var found: [CSVRecord] = []
            try read(path: path, displayName: displayName, options: options, onDiagnostic: { _ in },
                     onRecord: { if lines.contains($0.line) { found.append($0) } })
            // The serial read gives the header as a record too: given here only when a wanted
            // line is the header's (bare carriage returns), and then it matches no version.
            return found
        }
        if let format = NonCSVFormat.identify(try file.peek(NonCSVFormat.sniffBytes)) {
            throw .notCSV(path: path, looksLike: format)
        }
        let decision = try decideEncoding(of: file, options: options)
        let fileName = displayName ?? path
        // A reader decodes (GB18030) and parses a chunk at a time: small chunks, for a line or
        // two each, rather than a megabyte for every line wanted.
        let scanBytes = options.chunkBytes
        var options = options
        options.chunkBytes = min(options.chunkBytes, 16 << 10)
        let head = try CSVPieceReader(file: file.positional, fileName: fileName, options: options,
                                      encoding: decision, start: .fileStart, at: 0)
        // Nil when the file ends on the header's lines (bare carriage returns can put records
        // there too): those are read from the file's start.
        let headerEnd = try head.readLines(until: { $0.headerState != nil && $0.isAtCleanLineStart })
        let header = head.stream.headerState
        let wanted = lines.sorted()
        let afterHeader = wanted.filter { line in headerEnd.map { line > $0 } ?? false }
        var offsets: [Int: Int] = [:]
        for (line, offset) in try lineStarts(afterHeader, in: file.positional, chunkBytes: scanBytes) {
            offsets[line] = offset
        }
        var found: [CSVRecord] = []
        for line in wanted {
            let reader: CSVPieceReader
            // As the serial read goes: the first record is the header, unless a rejected row
            // came first (a broken header).
            var isHeader: Bool
            if let header, let offset = offsets[line] {
                reader = try CSVPieceReader(file: file.positional, fileName: fileName, options: options,
                                            encoding: decision, start: .line(line, header: header), at: offset)
                isHeader = false
            } else if let headerEnd, line > headerEnd {
                continue  // past the end of the file (no line feed before it)
            } else {
                reader = try CSVPieceReader(file: file.positional, fileName: fileName, options: options,
                                            encoding: decision, start: .fileStart, at: 0)
                isHeader = true
            }
            reader.route(onRecord: { record in
                if isHeader {
                    isHeader = false
                } else if record.line == line {
                    found.append(record)
                }
            }, onDiagnostic: { _ in isHeader = false })
            // Through the end of the line, and of a record still open there (a quoted line break).
            _ = try reader.readLines(until: { $0.isAtCleanLineStart && $0.lineNumber > line })
        }
        return found
    }

    /// Where each of `lines` (sorted, from 2) starts: just past the line feed before it. Lines
    /// past the end of the file are left out.
    private static func lineStarts(_ lines: [Int], in file: PositionalFile,
                                   chunkBytes: Int) throws(IngestError) -> [(line: Int, offset: Int)] {
        var starts: [(line: Int, offset: Int)] = []
        guard var next = lines.first else { return starts }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(chunkBytes, 4096), alignment: 8)
        defer { buffer.deallocate() }
        var line = 1
        var offset = 0
        while true {
            let count = try file.read(into: buffer, at: offset)
            if count == 0 { return starts }
            var searched = 0
            while let found = memchr(buffer.baseAddress! + searched, 0x0A, count - searched) {
                let end = buffer.baseAddress!.distance(to: UnsafeMutableRawPointer(found))
                searched = end + 1
                line += 1
                guard line == next else { continue }
                starts.append((line, offset + searched))
                guard starts.count < lines.count else { return starts }
                next = lines[starts.count]
            }
            offset += count
        }
    }
}
