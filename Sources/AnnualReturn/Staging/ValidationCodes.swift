/// The diagnostic codes of staging and validation. Stable: users filter by them.
extension DiagnosticCode {
    /// A required column is missing from the header; the file cannot be read.
    public static let missingColumn = DiagnosticCode("missing-column")
    /// A required value is empty.
    public static let missingRequired = DiagnosticCode("missing-required")
    /// A date that is not a date, or an impossible one (2022-02-30).
    public static let badDate = DiagnosticCode("bad-date")
    /// An amount or count that is not a number.
    public static let badAmount = DiagnosticCode("bad-amount")
    /// A category name that is not a known name or alias; the message suggests the nearest.
    public static let unknownCategory = DiagnosticCode("unknown-category")
    /// A bare 其他 that could be a measure or an execution, with no 强制类别 to decide.
    public static let ambiguousCategory = DiagnosticCode("ambiguous-category")
    /// A pre-2021 name that covers two categories (暂扣或者吊销…), mapped to the lighter one.
    public static let legacyCategory = DiagnosticCode("legacy-category")
    /// A negative amount or count.
    public static let negativeAmount = DiagnosticCode("negative-amount")
    /// More hazards rectified than found.
    public static let rectifiedExceedsFound = DiagnosticCode("rectified-exceeds-found")
    /// A unified social credit code whose check character (GB 32100-2015) is wrong.
    public static let creditCodeChecksum = DiagnosticCode("credit-code-checksum")
    /// A record dated inside a declared lockdown month: counted, listed for review.
    public static let lockdownActivity = DiagnosticCode("lockdown-activity")
    /// An enforcement action naming a penalty case that no export holds.
    public static let unknownCaseReference = DiagnosticCode("unknown-case-reference")
    /// A summary row (合计, 小计, 说明, …): not a record; a 合计 is checked against the rows.
    public static let summaryRow = DiagnosticCode("summary-row")
    /// A yes/no column holding something else; treated as no.
    public static let badYesNo = DiagnosticCode("bad-yes-no")
    /// A decision of the year made public after its deadline (7 working days for a penalty).
    public static let publishedLate = DiagnosticCode("published-late")
    /// A decision of the year with no publication date (公示日期).
    public static let notPublished = DiagnosticCode("not-published")
    /// A publication date before the decision it publishes.
    public static let publishedBeforeDecision = DiagnosticCode("published-before-decision")
    /// A repeat of a record already read, with the same content: counted once.
    public static let duplicate = DiagnosticCode("duplicate")
    /// A record already read with different content: the newer export wins.
    public static let conflict = DiagnosticCode("conflict")
}
