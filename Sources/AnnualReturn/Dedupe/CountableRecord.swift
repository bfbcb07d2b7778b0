import CSVIngest

/// A typed record the pipeline dedupes and counts: what the key table and the aggregate need
/// to know about each of the three exports' records.
protocol CountableRecord: Hashable, Sendable, RecordFields {
    /// The dataset the record belongs to.
    static var dataset: Dataset { get }
    /// The key under which later exports repeat it.
    var dedupeKey: String { get }
    /// Its normalised canonical content, every stored property included: equal fingerprints
    /// mean a duplicate.
    var fingerprint: RecordFingerprint { get }
    func count(into aggregate: inout Aggregate)
    func uncount(from aggregate: inout Aggregate)
    /// The keys of the numeric columns a 合计 row is checked against, in ``ColumnSums`` order.
    static var summedColumns: [String] { get }
    /// Adds this record's numbers to its file's sums, which a 合计 row is checked against.
    func addSums(to sums: inout ColumnSums)
    /// Stages one row of this record's export.
    static func stage(_ row: CSVRecord, with stager: RecordStager) -> RecordStager.Outcome<Self>
    /// Stages one row of this record's export into a piece's stager (see `PieceStager`).
    static func stageRow(_ row: CSVRecord, into piece: inout PieceStager<Self>)
}

extension InspectionRecord: CountableRecord {
    static var dataset: Dataset { .inspections }
    var dedupeKey: String { id }

    var fingerprint: RecordFingerprint {
        var builder = FingerprintBuilder()
        builder.add(id)
        builder.add(date)
        builder.add(kind)
        builder.add(enterprise)
        builder.add(industry)
        builder.add(hazardsGeneral)
        builder.add(hazardsMajor)
        builder.add(hazardsRectified)
        builder.add(irregularities)
        builder.add(unit)
        builder.add(officers)
        return builder.finish()
    }

    func count(into aggregate: inout Aggregate) { aggregate.add(self) }
    func uncount(from aggregate: inout Aggregate) { aggregate.remove(self) }

    static let summedColumns = ["hazards_general", "hazards_major", "hazards_rectified", "irregularities"]

    func addSums(to sums: inout ColumnSums) {
        sums.add(Int64(hazardsGeneral), Int64(hazardsMajor), Int64(hazardsRectified), Int64(irregularities))
    }

    static func stage(_ row: CSVRecord, with stager: RecordStager) -> RecordStager.Outcome<Self> {
        stager.inspection(row)
    }
}

extension PenaltyRecord: CountableRecord {
    static var dataset: Dataset { .penalties }
    var dedupeKey: String { caseID }

    var fingerprint: RecordFingerprint {
        var builder = FingerprintBuilder()
        builder.add(caseID)
        builder.add(decisionNo)
        builder.add(decisionDate)
        builder.add(party)
        builder.add(partyType)
        builder.add(industry)
        builder.add(penaltyTypes.count)
        for type in penaltyTypes { builder.add(type) }
        builder.add(fine.value)
        builder.add(confiscation.value)
        builder.add(procedure)
        builder.add(origin)
        builder.add(hearing)
        builder.add(legalReview)
        builder.add(publishedDate)
        builder.add(closedDate)
        builder.add(unit)
        builder.add(majorDecision)
        builder.add(hearingNotified)
        builder.add(hearingRequested)
        builder.add(publication?.rawValue)
        builder.add(mitigated)
        builder.add(transferred)
        builder.add(notPenalized)
        return builder.finish()
    }

    func count(into aggregate: inout Aggregate) { aggregate.add(self) }
    func uncount(from aggregate: inout Aggregate) { aggregate.remove(self) }

    static let summedColumns = ["fine_amount", "confiscation_amount"]

    func addSums(to sums: inout ColumnSums) {
        sums.add(fine.value, confiscation.value)
    }

    static func stage(_ row: CSVRecord, with stager: RecordStager) -> RecordStager.Outcome<Self> {
        stager.penalty(row)
    }
}

extension EnforcementRecord: CountableRecord {
    static var dataset: Dataset { .enforcement }
    var dedupeKey: String { id }

    var fingerprint: RecordFingerprint {
        var builder = FingerprintBuilder()
        builder.add(id)
        builder.add(date)
        builder.add(kind)
        builder.add(isMeasure)
        builder.add(caseID)
        builder.add(party)
        builder.add(unit)
        builder.add(publishedDate)
        builder.add(publication?.rawValue)
        return builder.finish()
    }

    func count(into aggregate: inout Aggregate) { aggregate.add(self) }
    func uncount(from aggregate: inout Aggregate) { aggregate.remove(self) }

    static var summedColumns: [String] { [] }
    func addSums(to sums: inout ColumnSums) {}

    static func stage(_ row: CSVRecord, with stager: RecordStager) -> RecordStager.Outcome<Self> {
        stager.enforcement(row)
    }
}

extension CaseFileReview: CountableRecord {
    static var dataset: Dataset { .caseReviews }
    var dedupeKey: String { fileID }

    var fingerprint: RecordFingerprint {
        var builder = FingerprintBuilder()
        builder.add(fileID)
        builder.add(caseType)
        builder.add(closedDate)
        builder.add(caseID)
        builder.add(problems)
        builder.add(reviewDate)
        builder.add(unit)
        return builder.finish()
    }

    func count(into aggregate: inout Aggregate) { aggregate.add(self) }
    func uncount(from aggregate: inout Aggregate) { aggregate.remove(self) }

    static let summedColumns = ["problems"]

    func addSums(to sums: inout ColumnSums) {
        sums.add(Int64(problems))
    }

    static func stage(_ row: CSVRecord, with stager: RecordStager) -> RecordStager.Outcome<Self> {
        stager.caseReview(row)
    }
}

extension CatalogueItem: CountableRecord {
    static var dataset: Dataset { .catalogue }
    var dedupeKey: String { itemID }

    var fingerprint: RecordFingerprint {
        var builder = FingerprintBuilder()
        builder.add(itemID)
        builder.add(name)
        builder.add(itemClass)
        builder.add(basis)
        builder.add(unit)
        return builder.finish()
    }

    func count(into aggregate: inout Aggregate) { aggregate.add(self) }
    func uncount(from aggregate: inout Aggregate) { aggregate.remove(self) }
    static var summedColumns: [String] { [] }
    func addSums(to sums: inout ColumnSums) {}

    static func stage(_ row: CSVRecord, with stager: RecordStager) -> RecordStager.Outcome<Self> {
        stager.catalogueItem(row)
    }
}

extension LicensingRecord: CountableRecord {
    static var dataset: Dataset { .licensing }
    var dedupeKey: String { licenceID }

    var fingerprint: RecordFingerprint {
        var builder = FingerprintBuilder()
        builder.add(licenceID)
        builder.add(item)
        builder.add(applicant)
        builder.add(appliedDate)
        builder.add(acceptedDate)
        builder.add(decisionDate)
        builder.add(decision)
        builder.add(publishedDate)
        builder.add(unit)
        builder.add(publication?.rawValue)
        return builder.finish()
    }

    func count(into aggregate: inout Aggregate) { aggregate.add(self) }
    func uncount(from aggregate: inout Aggregate) { aggregate.remove(self) }
    static var summedColumns: [String] { [] }
    func addSums(to sums: inout ColumnSums) {}

    static func stage(_ row: CSVRecord, with stager: RecordStager) -> RecordStager.Outcome<Self> {
        stager.licensing(row)
    }
}

extension DisputeRecord: CountableRecord {
    static var dataset: Dataset { .disputes }
    var dedupeKey: String { disputeID }

    var fingerprint: RecordFingerprint {
        var builder = FingerprintBuilder()
        builder.add(disputeID)
        builder.add(kind)
        builder.add(receivedDate)
        builder.add(closedDate)
        builder.add(outcome)
        builder.add(headAppeared)
        builder.add(claimant)
        builder.add(unit)
        return builder.finish()
    }

    func count(into aggregate: inout Aggregate) { aggregate.add(self) }
    func uncount(from aggregate: inout Aggregate) { aggregate.remove(self) }
    static var summedColumns: [String] { [] }
    func addSums(to sums: inout ColumnSums) {}

    static func stage(_ row: CSVRecord, with stager: RecordStager) -> RecordStager.Outcome<Self> {
        stager.dispute(row)
    }
}

/// A file's numeric columns summed over its valid rows: fen for amounts, units for counts. Up
/// to four columns, in the order of the record type's ``CountableRecord/summedColumns``, added
/// without looking up a key for every row.
struct ColumnSums: Sendable {
    private var values: (Int64, Int64, Int64, Int64) = (0, 0, 0, 0)

    mutating func add(_ first: Int64, _ second: Int64 = 0, _ third: Int64 = 0, _ fourth: Int64 = 0) {
        values.0 += first
        values.1 += second
        values.2 += third
        values.3 += fourth
    }

    /// The sums by column key, for the record type whose `summedColumns` are `keys`.
    func byColumn(_ keys: [String]) -> [String: Int64] {
        precondition(keys.count <= 4, "ColumnSums holds four columns")
        let all = [values.0, values.1, values.2, values.3]
        return Dictionary(uniqueKeysWithValues: zip(keys, all))
    }
}
