/// Staging: one export row becomes one typed record of the same grain, renamed and cast, with
/// every value checked. Nothing is joined or summed here.
///
/// A class, one per file, shared by the threads staging its pieces: as a struct it was copied
/// (a retain for each of its maps, lists and texts) for every row.
final class RecordStager: Sendable {
    let mapping: HeaderMapping
    let file: String
    let fileIndex: Int
    let lockdownMonths: Set<YearMonth>
    /// `lockdownMonths` as a list (a few at most): asked of every row, where hashing a month
    /// cost more than comparing it with each.
    private let lockdownMonthList: [YearMonth]
    /// How penalty and licensing decisions' publication is judged (7 working days); nil when no
    /// calendar is configured.
    let publicationRule: PublicationRule?
    /// How other decisions' publication is judged (20 working days): the enforcement export's.
    let otherPublicationRule: PublicationRule?

    init(mapping: HeaderMapping, file: String, fileIndex: Int, lockdownMonths: Set<YearMonth>,
         publicationRule: PublicationRule? = nil, otherPublicationRule: PublicationRule? = nil) {
        self.mapping = mapping
        self.file = file
        self.fileIndex = fileIndex
        self.lockdownMonths = lockdownMonths
        lockdownMonthList = lockdownMonths.sorted()
        self.publicationRule = publicationRule
        self.otherPublicationRule = otherPublicationRule
    }

    enum Outcome<Record: Sendable>: Sendable {
        /// The row is a record; `warnings` were found in it.
        case record(Record, warnings: [Diagnostic])
        /// The row is rejected; `problems` holds its errors (and any warnings).
        case rejected(problems: [Diagnostic])
        /// The row sums or explains the others; it is not a record.
        case summary(SummaryRow)
    }

    /// Whether a decision of `day` was made public in time (7 working days); nil without a
    /// calendar, or when the export has no 公示日期 column at all — a missing column says
    /// nothing about publication, so it is not counted as 未公示.
    private func publicationRule(for day: CalendarDay, published: CalendarDay?, check: inout RowCheck) -> Publication? {
        guard mapping.fieldIndex(of: .publishedDate) != nil else { return nil }
        return publicationRule?.judge(decision: day, published: published, check: &check)
    }

    func location(of record: CSVRecord) -> SourceLocation {
        SourceLocation(file: file, fileIndex: fileIndex, row: record.row, line: record.line)
    }

    /// The summary row `record` is, if it is one.
    func summary(_ record: CSVRecord) -> SummaryRow? {
        guard let label = SummaryRow.label(of: record) else { return nil }
        var numbers: [String: String] = [:]
        for column in mapping.dataset.columns where column.kind == .amount || column.kind == .count {
            guard let index = mapping.fieldIndex[column.key], index < record.count else { continue }
            let value = record[index]
            if !TextNormalizer.compact(value).isEmpty { numbers[column.key] = value }
        }
        return SummaryRow(location: location(of: record), label: label, numbers: numbers)
    }

    private func finish<Record>(_ check: RowCheck, _ record: Record?, date: CalendarDay?,
                                dateColumn: CanonicalColumn) -> Outcome<Record> {
        var check = check
        if let date, lockdownMonthList.contains(date.yearMonth) {
            check.warning(.lockdownActivity, dateColumn,
                          "dated \(date) inside the lockdown month \(date.yearMonth); counted, listed for review")
        }
        guard check.errors.isEmpty, let record else {
            return .rejected(problems: check.errors + check.warnings)
        }
        return .record(record, warnings: check.warnings)
    }

    // MARK: The three exports

    func inspection(_ row: CSVRecord) -> Outcome<InspectionRecord> {
        if let summary = summary(row) { return .summary(summary) }
        var check = RowCheck(record: row, mapping: mapping, file: file)
        let id = check.identifier(.inspectionID, required: true)
        let date = check.requiredDate(.date)
        var kind = check.foundCategoryCode(.inspectionKind, .kind)
        if kind == nil {
            let kindText = check.raw(.kind)
            if TextNormalizer.compact(kindText).isEmpty {
                check.error(.missingRequired, .kind, "检查方式 (kind) is empty; every row needs one")
            } else {
                kind = check.category(.inspectionKind, kindText, column: .kind, what: "inspection kind (检查方式)")?.code
            }
        }
        let enterprise = check.enterprise(name: .enterprise)
        let industry = check.industry()
        let general = check.count(.hazardsGeneral)
        let major = check.count(.hazardsMajor)
        let rectified = check.count(.hazardsRectified)
        let irregularities = check.count(.irregularities)
        if rectified > general + major {
            check.error(.rectifiedExceedsFound, .hazardsRectified,
                        "\(rectified) hazards rectified, but only \(general + major) found (\(general) general + \(major) major)")
        }
        var record: InspectionRecord?
        if let date, let kind, !id.isEmpty {
            record = InspectionRecord(
                id: id, date: date, kind: kind, enterprise: enterprise, industry: industry,
                hazardsGeneral: general, hazardsMajor: major, hazardsRectified: rectified,
                irregularities: irregularities, unit: check.text(.unit), officers: check.text(.officers))
        }
        return finish(check, record, date: date, dateColumn: .date)
    }

    func penalty(_ row: CSVRecord) -> Outcome<PenaltyRecord> {
        if let summary = summary(row) { return .summary(summary) }
        var check = RowCheck(record: row, mapping: mapping, file: file)
        let caseID = check.identifier(.caseID, required: true)
        let date = check.requiredDate(.decisionDate)
        var types: [String] = []
        var notPenalized = false
        if let found = check.withBytes(.penaltyTypes, Self.foundPenaltyTypes(utf8:)) {
            types = found
        } else {
            // A decision not to penalise (不予处罚) is a decision of the case but no penalty: it
            // is kept, with no type, and counted on its own line, never as a penalty case.
            notPenalized = Self.notPenalizedNames.contains(TextNormalizer.compact(check.raw(.penaltyTypes)))
            let parts = notPenalized ? [] : PenaltyTypeList.split(check.raw(.penaltyTypes))
            if parts.isEmpty && !notPenalized {
                check.error(.missingRequired, .penaltyTypes, "处罚种类 (penalty_types) is empty; every case has at least one")
            }
            for part in parts {
                if let category = check.category(.penaltyType, part, column: .penaltyTypes, what: "penalty type (处罚种类)"),
                   !types.contains(category.code) {
                    types.append(category.code)
                }
            }
        }
        // A set, not a list: 警告、罚款 and 罚款、警告 are the same decision, so the order is the
        // catalogue's (lightest first) and a re-export that only reorders is a duplicate.
        types.sort { (Catalogue.penaltyTypeOrder($0) ?? 0) < (Catalogue.penaltyTypeOrder($1) ?? 0) }
        let party = check.enterprise(name: .party)
        let partyType = partyType(&check, party: party)
        let industry = check.industry()
        let fine = check.amount(.fineAmount)
        let confiscation = check.amount(.confiscationAmount)
        var procedure = check.foundCategoryCode(.procedure, .procedure)
        let procedureText = procedure == nil ? check.raw(.procedure) : ""
        if !TextNormalizer.compact(procedureText).isEmpty {
            switch Catalogue.lookup(.procedure, procedureText) {
            case .found(let category), .ambiguousLegacy(let category, _):
                procedure = category.code
            case .unknown(let suggestion):
                check.warning(.unknownCategory, .procedure,
                              "\"\(procedureText)\" is not a known procedure\(RowCheck.hint(suggestion)); left uncounted")
            }
        }
        let hearing = check.yesNo(.hearing)
        let legalReview = check.yesNo(.legalReview)
        let published = check.optionalDate(.publishedDate)
        let closed = check.optionalDate(.closedDate)
        // A hearing held was asked for, and one asked for was offered: each step implies the
        // ones before it, whatever the export's columns say.
        let hearingRequested = check.yesNo(.hearingRequested) || hearing
        let hearingNotified = check.yesNo(.hearingNotified) || hearingRequested
        let majorDecision = check.yesNo(.majorDecision)
        let publication = date.flatMap { publicationRule(for: $0, published: published, check: &check) }
        var record: PenaltyRecord?
        if let date, !caseID.isEmpty, !types.isEmpty || notPenalized {
            record = PenaltyRecord(
                caseID: caseID, decisionNo: TextNormalizer.compact(check.raw(.decisionNo)), decisionDate: date,
                party: party, partyType: partyType, industry: industry, penaltyTypes: types, fine: fine,
                confiscation: confiscation, procedure: procedure, origin: check.text(.origin), hearing: hearing,
                legalReview: legalReview, publishedDate: published, closedDate: closed, unit: check.text(.unit),
                majorDecision: majorDecision, hearingNotified: hearingNotified, hearingRequested: hearingRequested,
                publication: publication, mitigated: check.yesNo(.mitigated), transferred: check.yesNo(.transferred),
                notPenalized: notPenalized)
        }
        return finish(check, record, date: date, dateColumn: .decisionDate)
    }

    /// The codes of the penalty types the UTF-8 `bytes` of 处罚种类 name, each once in the
    /// order named, when every name in them is found as such (`Catalogue.foundCode`); nil for
    /// anything else — empty, an unknown or legacy name, text NFKC would change, a decision
    /// not to penalise (none of whose names is a penalty type's) — which the general path
    /// decides and reports.
    ///
    /// Text NFKC leaves alone holds none of the full-width separators `PenaltyTypeList` also
    /// splits at (NFKC maps them to the ASCII ones), and no whitespace but ASCII: so the parts
    /// cut here are those `PenaltyTypeList.split` gives, compacted.
    static func foundPenaltyTypes(utf8 bytes: UnsafeRawBufferPointer) -> [String]? {
        guard TextNormalizer.isKnownNFKC(utf8: bytes) else { return nil }
        var types: [String] = []
        var partStart = 0
        var index = 0
        while true {
            let atEnd = index == bytes.count
            let separator = atEnd ? 0 : penaltyTypeSeparatorLength(bytes, at: index)
            if !atEnd && separator == 0 {
                index += 1
                continue
            }
            let part = UnsafeRawBufferPointer(rebasing: bytes[partStart..<index])
            // A part of nothing but whitespace is skipped, as `PenaltyTypeList.split` skips it.
            if !part.allSatisfy(TextNormalizer.isASCIIWhitespace) {
                let found = TextNormalizer.withCompacted(utf8: part) { Catalogue.foundCode(.penaltyType, compactedUTF8: $0) }
                guard let code = found ?? nil else { return nil }
                if !types.contains(code) { types.append(code) }
            }
            if atEnd { break }
            index += separator
            partStart = index
        }
        return types.isEmpty ? nil : types
    }

    /// The length of the separator of penalty type names at `index` of text NFKC leaves alone
    /// (、 , ; / +); 0 when there is none.
    private static func penaltyTypeSeparatorLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        switch bytes[index] {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "/"), UInt8(ascii: "+"):
            return 1
        case 0xE3 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x81:
            return 3 // 、 U+3001
        default:
            return 0
        }
    }

    /// What 处罚种类 says for a decision not to penalise (行政处罚法 art. 33).
    static let notPenalizedNames: Set<String> = ["不予处罚", "不予行政处罚", "免予处罚", "免予行政处罚", "不予处罚决定"]

    /// Words in a party's name that mark an organisation rather than a person.
    static let organisationMarkers = ["公司", "厂", "店", "中心", "合作社", "集团", "商行", "企业", "经营部",
                                      "门市部", "加油站", "工作室", "事务所", "医院", "学校", "站", "场", "社"]

    /// 当事人类型; when the export leaves it empty, a credit code or an organisation's name
    /// (…公司, …厂, …合作社) means 单位, anything else 个人.
    private func partyType(_ check: inout RowCheck, party: EnterpriseRef) -> String {
        if let code = check.foundCategoryCode(.partyType, .partyType) { return code }
        let text = check.raw(.partyType)
        if !TextNormalizer.compact(text).isEmpty {
            switch Catalogue.lookup(.partyType, text) {
            case .found(let category), .ambiguousLegacy(let category, _):
                return category.code
            case .unknown(let suggestion):
                check.warning(.unknownCategory, .partyType,
                              "\"\(text)\" is not a known party type\(RowCheck.hint(suggestion)); decided by the credit code and name")
            }
        }
        if party.creditCode != nil || Self.organisationMarkers.contains(where: party.name.contains) {
            return "unit"
        }
        return "individual"
    }

    func enforcement(_ row: CSVRecord) -> Outcome<EnforcementRecord> {
        if let summary = summary(row) { return .summary(summary) }
        var check = RowCheck(record: row, mapping: mapping, file: file)
        let id = check.identifier(.actionID, required: true)
        let date = check.requiredDate(.actionDate)
        let kindText = check.raw(.actionKind)
        var resolved: (Category, Bool)?
        if TextNormalizer.compact(kindText).isEmpty {
            check.error(.missingRequired, .actionKind, "强制种类 (kind) is empty; every row needs one")
        } else {
            resolved = enforcementKind(&check, kindText)
        }
        let caseID = check.identifier(.relatedCaseID, required: false)
        let published = check.optionalDate(.publishedDate)
        let publication = date.flatMap {
            mapping.fieldIndex(of: .publishedDate) == nil ? nil
                : otherPublicationRule?.judge(decision: $0, published: published, check: &check)
        }
        var record: EnforcementRecord?
        if let date, let (kind, isMeasure) = resolved, !id.isEmpty {
            record = EnforcementRecord(
                id: id, date: date, kind: kind.code, isMeasure: isMeasure,
                caseID: caseID.isEmpty ? nil : caseID,
                party: TextNormalizer.compact(check.raw(.party)), unit: check.text(.unit),
                publishedDate: published, publication: publication)
        }
        return finish(check, record, date: date, dateColumn: .actionDate)
    }

    /// A measure or an execution; a bare 其他 is decided by 强制类别 or rejected as ambiguous.
    private func enforcementKind(_ check: inout RowCheck, _ text: String) -> (Category, Bool)? {
        let isBareOther = TextNormalizer.compact(text) == "其他"
        if isBareOther {
            let classText = TextNormalizer.compact(check.raw(.enforcementClass))
            if classText.contains("措施") {
                return Catalogue.category(.enforcementMeasure, code: "other_measure").map { ($0, true) }
            }
            if classText.contains("执行") {
                return Catalogue.category(.enforcementExecution, code: "other_execution").map { ($0, false) }
            }
            check.error(.ambiguousCategory, .actionKind,
                        "a bare 其他 can be a compulsory measure or an execution; fill 强制类别 (class) with 行政强制措施 or 行政强制执行")
            return nil
        }
        if case .found(let measure) = Catalogue.lookup(.enforcementMeasure, text) { return (measure, true) }
        if case .found(let execution) = Catalogue.lookup(.enforcementExecution, text) { return (execution, false) }
        let suggestions = [Catalogue.lookup(.enforcementMeasure, text), Catalogue.lookup(.enforcementExecution, text)]
            .compactMap { lookup -> Category? in
                if case .unknown(let suggestion) = lookup { return suggestion }
                return nil
            }
        check.error(.unknownCategory, .actionKind,
                    "\"\(text)\" is not a known compulsory measure or execution (强制种类)\(RowCheck.hint(suggestions.first))")
        return nil
    }

    // MARK: Case-file reviews

    func caseReview(_ row: CSVRecord) -> Outcome<CaseFileReview> {
        if let summary = summary(row) { return .summary(summary) }
        var check = RowCheck(record: row, mapping: mapping, file: file)
        let fileID = check.identifier(.fileID, required: true)
        let typeText = check.raw(.caseFileType)
        var type: Category?
        if TextNormalizer.compact(typeText).isEmpty {
            check.error(.missingRequired, .caseFileType, "案卷类型 (case_type) is empty; every row needs one")
        } else {
            type = check.category(.caseFileType, typeText, column: .caseFileType, what: "case-file type (案卷类型)")
        }
        let closed = check.requiredDate(.fileClosedDate)
        let problems = check.count(.problems)
        let reviewed = check.optionalDate(.reviewDate)
        var record: CaseFileReview?
        if let closed, let type, !fileID.isEmpty {
            record = CaseFileReview(fileID: fileID, caseType: type.code, closedDate: closed,
                                    caseID: check.identifier(.reviewedCaseID, required: false),
                                    problems: problems, reviewDate: reviewed, unit: check.text(.unit))
        }
        // Reviews are not enforcement activity: a lockdown month does not concern them.
        guard check.errors.isEmpty, let record else { return .rejected(problems: check.errors + check.warnings) }
        return .record(record, warnings: check.warnings)
    }

    // MARK: The enforcement item catalogue

    func catalogueItem(_ row: CSVRecord) -> Outcome<CatalogueItem> {
        if let summary = summary(row) { return .summary(summary) }
        var check = RowCheck(record: row, mapping: mapping, file: file)
        let itemID = check.identifier(.itemID, required: true)
        let classText = check.raw(.itemClass)
        var itemClass: Category?
        if TextNormalizer.compact(classText).isEmpty {
            check.error(.missingRequired, .itemClass, "事项类别 (item_class) is empty; every row needs one")
        } else {
            itemClass = check.category(.catalogueClass, classText, column: .itemClass, what: "catalogue class (事项类别)")
        }
        guard check.errors.isEmpty, let itemClass, !itemID.isEmpty else {
            return .rejected(problems: check.errors + check.warnings)
        }
        return .record(CatalogueItem(itemID: itemID, name: check.text(.itemName), itemClass: itemClass.code,
                                     basis: check.text(.itemBasis), unit: check.text(.unit)),
                       warnings: check.warnings)
    }

    // MARK: Licensing

    func licensing(_ row: CSVRecord) -> Outcome<LicensingRecord> {
        if let summary = summary(row) { return .summary(summary) }
        var check = RowCheck(record: row, mapping: mapping, file: file)
        let licenceID = check.identifier(.licenceID, required: true)
        let applied = check.requiredDate(.appliedDate)
        let accepted = check.optionalDate(.acceptedDate)
        let decided = check.optionalDate(.licenceDecisionDate)
        let decisionText = check.raw(.licenceDecision)
        var decision: Category?
        if !TextNormalizer.compact(decisionText).isEmpty {
            decision = check.category(.licensingDecision, decisionText, column: .licenceDecision,
                                      what: "licensing decision (决定结果)")
            if decision != nil && decided == nil {
                check.error(.missingRequired, .licenceDecisionDate,
                            "决定日期 (decision_date) is empty, but 决定结果 says \(decisionText); a decision is counted by its day")
            }
        } else if decided != nil {
            check.warning(.missingRequired, .licenceDecision,
                          "决定结果 (decision) is empty although 决定日期 is given; counted as pending")
        }
        let published = check.optionalDate(.publishedDate)
        let applicant = check.enterprise(name: .applicant)
        // 不予受理 turns the application away before any decision on the licence: nothing to publish.
        var publication: Publication?
        if let decided, let decision, decision.code != "not_accepted" {
            publication = publicationRule(for: decided, published: published, check: &check)
        }
        guard check.errors.isEmpty, let applied, !licenceID.isEmpty else {
            return .rejected(problems: check.errors + check.warnings)
        }
        let record = LicensingRecord(
            licenceID: licenceID, item: check.text(.licenceItem), applicant: applicant, appliedDate: applied,
            acceptedDate: accepted, decisionDate: decision == nil ? nil : decided, decision: decision?.code,
            publishedDate: published, unit: check.text(.unit), publication: publication)
        return .record(record, warnings: check.warnings)
    }

    // MARK: Administrative review and litigation

    func dispute(_ row: CSVRecord) -> Outcome<DisputeRecord> {
        if let summary = summary(row) { return .summary(summary) }
        var check = RowCheck(record: row, mapping: mapping, file: file)
        let disputeID = check.identifier(.disputeID, required: true)
        var kind: Category?
        let kindText = check.raw(.disputeKind)
        if TextNormalizer.compact(kindText).isEmpty {
            check.error(.missingRequired, .disputeKind, "类型 (dispute_kind) is empty; say 行政复议 or 行政诉讼")
        } else {
            kind = check.category(.disputeKind, kindText, column: .disputeKind, what: "kind (行政复议 or 行政诉讼)")
        }
        let closed = check.requiredDate(.disputeClosedDate)
        let received = check.optionalDate(.receivedDate)
        var outcome: Category?
        let outcomeText = check.raw(.outcome)
        if TextNormalizer.compact(outcomeText).isEmpty {
            check.error(.missingRequired, .outcome, "结果 (outcome) is empty; every closed case has one")
        } else {
            outcome = check.category(.disputeOutcome, outcomeText, column: .outcome, what: "outcome (结果)")
        }
        if let kind, let found = outcome, !DisputeRecord.outcomes(of: kind.code).contains(found.code) {
            check.error(.unknownCategory, .outcome, "\(found.name) is not an outcome of \(kind.name)")
            outcome = nil
        }
        let headAppeared = check.yesNo(.headAppeared)
        guard check.errors.isEmpty, let kind, let outcome, let closed, !disputeID.isEmpty else {
            return .rejected(problems: check.errors + check.warnings)
        }
        let record = DisputeRecord(
            disputeID: disputeID, kind: kind.code, receivedDate: received, closedDate: closed, outcome: outcome.code,
            headAppeared: kind.code == "litigation" && headAppeared,
            claimant: TextNormalizer.compact(check.raw(.claimant)), unit: check.text(.unit))
        return .record(record, warnings: check.warnings)
    }
}
