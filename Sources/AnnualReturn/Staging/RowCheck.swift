/// Reads the values of one export row by canonical column, normalising each and collecting a
/// diagnostic, pinned to the row and field, for every value that is wrong.
///
/// Errors reject the row; warnings keep it. All problems of a row are reported, so a user can
/// fix a row in one go.
struct RowCheck {
    let record: CSVRecord
    let mapping: HeaderMapping
    let file: String
    private(set) var errors: [Diagnostic] = []
    private(set) var warnings: [Diagnostic] = []

    init(record: CSVRecord, mapping: HeaderMapping, file: String) {
        self.record = record
        self.mapping = mapping
        self.file = file
    }

    /// The raw text of `column`, "" when the export has no such column.
    func raw(_ column: CanonicalColumn) -> String {
        guard let index = mapping.fieldIndex(of: column), index < record.count else { return "" }
        return record[index]
    }

    /// Calls `body` with the UTF-8 bytes of `column`'s field, without copying them; the bytes
    /// are empty when the export has no such column, as `raw` is.
    ///
    /// The values below are read from these bytes: building a `String` for every field, most
    /// of which become a date, a number or a category code, costs more than reading them.
    func withBytes<Result>(_ column: CanonicalColumn, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        guard let index = mapping.fieldIndex(of: column), index < record.count else {
            return body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        // As `CSVRecord.withBytes(ofField:)`, but specialised here for each value's reader.
        let range = record.range(ofField: index)
        return record.bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// True when the export has the column at all.
    func has(_ column: CanonicalColumn) -> Bool { mapping.fieldIndex(of: column) != nil }

    mutating func error(_ code: DiagnosticCode, _ column: CanonicalColumn?, _ message: String) {
        errors.append(diagnostic(.error, code, column, message))
    }

    mutating func warning(_ code: DiagnosticCode, _ column: CanonicalColumn?, _ message: String) {
        warnings.append(diagnostic(.warning, code, column, message))
    }

    func diagnostic(_ severity: Severity, _ code: DiagnosticCode, _ column: CanonicalColumn?,
                    _ message: String) -> Diagnostic {
        let index = column.flatMap { mapping.fieldIndex(of: $0) }
        return Diagnostic(
            severity: severity, code: code, file: file, row: record.row, line: record.line,
            column: index.map { $0 + 1 } ?? 0,
            field: index.map { mapping.header[$0] } ?? column?.header,
            message: message,
            raw: column.map(raw) ?? record.fields.joined(separator: ","))
    }

    // MARK: Values

    /// An identifier or code: NFKC with all whitespace removed; an error when required and empty.
    mutating func identifier(_ column: CanonicalColumn, required: Bool) -> String {
        let value = withBytes(column, TextNormalizer.compact(utf8:))
        if value.isEmpty && required {
            error(.missingRequired, column, "\(column.header) (\(column.key)) is empty; every row needs one")
        }
        return value
    }

    /// Free text: NFKC, trimmed.
    func text(_ column: CanonicalColumn) -> String {
        withBytes(column, TextNormalizer.trimmedNFKC(utf8:))
    }

    /// The date that decides a record's period; nil (and an error) when empty or not a date.
    mutating func requiredDate(_ column: CanonicalColumn) -> CalendarDay? {
        switch withBytes(column, DateParser.parse(utf8:)) {
        case .date(let day):
            return day
        case .empty:
            error(.missingRequired, column, "\(column.header) (\(column.key)) is empty; every row needs one")
        case .invalid:
            error(.badDate, column, "\"\(raw(column))\" is not a date, or not a possible one")
        }
        return nil
    }

    /// An optional date; one that cannot be read is a warning and counts as empty.
    mutating func optionalDate(_ column: CanonicalColumn) -> CalendarDay? {
        switch withBytes(column, DateParser.parse(utf8:)) {
        case .date(let day):
            return day
        case .empty:
            return nil
        case .invalid:
            warning(.badDate, column, "\"\(raw(column))\" is not a date, or not a possible one; treated as empty")
            return nil
        }
    }

    /// An amount in fen; empty is 0; an unreadable or negative amount is an error.
    mutating func amount(_ column: CanonicalColumn) -> Fen {
        switch withBytes(column, AmountParser.parse(utf8:)) {
        case .empty:
            return .zero
        case .amount(let fen):
            if fen.value < 0 {
                error(.negativeAmount, column, "the amount \"\(raw(column))\" is negative")
                return .zero
            }
            return fen
        case .invalid:
            error(.badAmount, column, "\"\(raw(column))\" is not an amount in yuan (元) or 万元")
            return .zero
        }
    }

    /// A whole count; empty is 0; anything else that is not a whole number is an error.
    mutating func count(_ column: CanonicalColumn) -> Int {
        switch withBytes(column, CountParser.parse(utf8:)) {
        case .empty:
            return 0
        case .invalid:
            error(.badAmount, column, "\"\(raw(column))\" is not a whole number")
            return 0
        case .count(let value):
            if value < 0 {
                error(.negativeAmount, column, "the count \"\(raw(column))\" is negative")
                return 0
            }
            return value
        }
    }

    /// A yes/no value; an unknown one is a warning and counts as no.
    mutating func yesNo(_ column: CanonicalColumn) -> Bool {
        if let value = withBytes(column, YesNo.parse(utf8:)) { return value }
        warning(.badYesNo, column, "\"\(raw(column))\" is not a yes/no value (是/否, Y/N, 1/0, √); treated as no")
        return false
    }

    /// The enterprise a row names; a credit code with a wrong check character is a warning.
    mutating func enterprise(name column: CanonicalColumn) -> EnterpriseRef {
        if let clean = cleanEnterprise(name: column) { return clean }
        let code = withBytes(.creditCode, TextNormalizer.creditCode(utf8:))
        if !code.isEmpty {
            switch CreditCodeCheck.check(code) {
            case .valid:
                break
            case .wrongLength:
                warning(.creditCodeChecksum, .creditCode, "the credit code \"\(code)\" has \(code.count) characters, not 18")
            case .invalidCharacter:
                warning(.creditCodeChecksum, .creditCode, "the credit code \"\(code)\" holds a character GB 32100 does not allow (I, O, S, V, Z or a symbol)")
            case .wrongCheckCharacter(let expected):
                warning(.creditCodeChecksum, .creditCode, "the credit code \"\(code)\" ends in \(code.last!), but its check character should be \(expected)")
            }
        }
        return EnterpriseRef(creditCode: code, name: withBytes(column, TextNormalizer.compact(utf8:)))
    }

    /// The reference `enterprise(name:)` gives, made without a string, when the row names an
    /// enterprise with text NFKC leaves alone and a valid credit code or none (nearly every
    /// row): normalising is then removing ASCII whitespace (and upper-casing the code), done
    /// into a scratch buffer whose digest finds the reference, or interns the bytes when the
    /// enterprise is new. Nil for anything else, which the general path decides and warns about.
    private func cleanEnterprise(name column: CanonicalColumn) -> EnterpriseRef? {
        withBytes(.creditCode) { code in
            withBytes(column) { name -> EnterpriseRef? in
                guard TextNormalizer.isKnownNFKC(utf8: code), TextNormalizer.isKnownNFKC(utf8: name) else { return nil }
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, name.count + code.count)) { buffer in
                    var nameEnd = 0
                    for byte in name where !TextNormalizer.isASCIIWhitespace(byte) {
                        buffer[nameEnd] = byte
                        nameEnd += 1
                    }
                    var codeEnd = nameEnd
                    for byte in code where !TextNormalizer.isASCIIWhitespace(byte) {
                        buffer[codeEnd] = (0x61...0x7A).contains(byte) ? byte - 0x20 : byte
                        codeEnd += 1
                    }
                    let bytes = UnsafeRawBufferPointer(buffer)
                    let normalName = UnsafeRawBufferPointer(rebasing: bytes[0..<nameEnd])
                    let normalCode = UnsafeRawBufferPointer(rebasing: bytes[nameEnd..<codeEnd])
                    if !normalCode.isEmpty && !CreditCodeCheck.isValid(ascii: normalCode) { return nil }
                    let code = normalCode.isEmpty ? nil : normalCode
                    return EnterpriseRef(normalisedName: normalName, code: code,
                                         digest: KeyDigest(utf8: normalName, code))
                }
            }
        }
    }

    /// The code of the category of `kind` that `column`'s text names, when that text, compacted,
    /// is one of the category's names or aliases (nearly every cell): found from the bytes,
    /// making no string but the code. Nil for anything else — empty, unknown, a legacy name,
    /// text NFKC would change — which the general path (`category`, `industry`) decides and
    /// reports.
    func foundCategoryCode(_ kind: CategoryKind, _ column: CanonicalColumn) -> String? {
        withBytes(column) { bytes in
            TextNormalizer.withCompacted(utf8: bytes) { Catalogue.foundCode(kind, compactedUTF8: $0) } ?? nil
        }
    }

    /// An industry code; empty is `other`; an unknown name is a warning and counts as `other`.
    mutating func industry() -> String {
        if let code = foundCategoryCode(.industry, .industry) { return code }
        let key = withBytes(.industry, TextNormalizer.compact(utf8:))
        if key.isEmpty { return "other" }
        switch Catalogue.lookup(.industry, compacted: key) {
        case .found(let category), .ambiguousLegacy(let category, _):
            return category.code
        case .unknown(let suggestion):
            warning(.unknownCategory, .industry,
                    "\"\(raw(.industry))\" is not a known industry\(Self.hint(suggestion)); counted as 其他")
            return "other"
        }
    }

    /// A required category; unknown names are errors naming the nearest known one.
    mutating func category(_ kind: CategoryKind, _ text: String, column: CanonicalColumn, what: String) -> Category? {
        switch Catalogue.lookup(kind, text) {
        case .found(let category):
            return category
        case .ambiguousLegacy(let category, let note):
            warning(.legacyCategory, column, note)
            return category
        case .unknown(let suggestion):
            error(.unknownCategory, column, "\"\(text)\" is not a known \(what)\(Self.hint(suggestion))")
            return nil
        }
    }

    static func hint(_ suggestion: Category?) -> String {
        suggestion.map { "; did you mean \($0.name)?" } ?? ""
    }
}

extension String {
    /// Without leading and trailing whitespace of any kind (the ideographic space included).
    func trimmingWhitespace() -> String { TextNormalizer.trimmingWhitespace(self) }
}
