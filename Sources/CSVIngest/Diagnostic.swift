/// How serious a problem is: an error rejects the row, a warning keeps it.
public enum Severity: String, Sendable, Hashable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// A stable, documented name for one kind of problem (`unterminated-quote`, `bad-date`, …).
///
/// Codes are part of the product's contract: users filter and count by them, and the data
/// report groups by them. Never rename one; add a new one instead.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension DiagnosticCode {
    /// A quoted field is still open when the file ends.
    public static let unterminatedQuote = DiagnosticCode("unterminated-quote")
    /// A quote inside an unquoted field, or text right after a closing quote.
    public static let strayQuote = DiagnosticCode("stray-quote")
    /// A record has more fields than the header.
    public static let extraCell = DiagnosticCode("extra-cell")
    /// A record has fewer fields than the header.
    public static let missingCell = DiagnosticCode("missing-cell")
    /// Bytes that are not valid in the file's encoding.
    public static let invalidEncoding = DiagnosticCode("invalid-encoding")
    /// A field is larger than the configured cap.
    public static let fieldTooLarge = DiagnosticCode("field-too-large")
    /// A field holds a NUL byte, which no export writes on purpose.
    public static let nulByte = DiagnosticCode("nul-byte")
}

/// One problem found in the input, pinned to the place a user can open and look at.
///
/// `row` is the row number Excel or WPS shows when the file is opened (the header is row 1;
/// each record and each blank line takes one row, a record with embedded newlines still one).
/// `line` is the first physical line of the record (1-based). `column` is the 1-based field
/// number, 0 when the problem concerns the whole row.
public struct Diagnostic: Sendable, Hashable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var file: String
    public var row: Int
    public var line: Int
    public var column: Int
    /// The header of the column, when known.
    public var field: String?
    /// A sentence an operator can act on.
    public var message: String
    /// The raw text involved (a field or the row), shortened for display.
    public var raw: String

    public init(
        severity: Severity, code: DiagnosticCode, file: String, row: Int, line: Int,
        column: Int, field: String? = nil, message: String, raw: String = ""
    ) {
        self.severity = severity
        self.code = code
        self.file = file
        self.row = row
        self.line = line
        self.column = column
        self.field = field
        self.message = message
        self.raw = raw
    }

    /// The one-line form used on stderr: `FILE:ROW:COL: error[CODE]: message`.
    public var formatted: String {
        "\(file):\(row):\(column): \(severity.rawValue)[\(code.rawValue)]: \(message)"
    }
}
