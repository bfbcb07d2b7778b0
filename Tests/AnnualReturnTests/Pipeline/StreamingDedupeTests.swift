import Foundation
import Testing
@testable import AnnualReturn

/// The pipeline counts each record as it is accepted and keeps only a compact key table; a
/// version that a newer export replaces is taken out again at the end. These tests pin that
/// the result is exactly what counting the final versions alone gives.
struct StreamingDedupeTests {
    static let header = "案件编号,处罚决定日期,当事人,统一社会信用代码,处罚种类,罚款金额(元)"

    /// A run over the penalty `exports` (file name → rows after the header), in that order, and
    /// an enforcement export when `enforcement` is given.
    static func run(_ exports: [(name: String, rows: [String])], keepsRecords: Bool = false,
                    enforcement: [String]? = nil,
                    onFileStart: ((ReturnConfiguration.InputFile, Int) -> Void)? = nil) throws -> RunResult {
        var files = exports.map { TemporaryDistrict.File(.penalties, $0.name, [header] + $0.rows) }
        if let enforcement {
            files.append(.init(.enforcement, "e.csv", ["强制编号,决定日期,强制种类,关联案件编号"] + enforcement))
        }
        return try TemporaryDistrict.run(files, extra: ["periods:", "  first_half: {from: \"2022-01-01\", to: \"2022-06-30\"}"],
                                         keepsRecords: keepsRecords, onFileStart: onFileStart)
    }

    /// v1 in the oldest export, v2 (new date, party, amount, type) in the next, v1 again in the
    /// newest: each later version replaces the one before, so v1 counts — once — with the
    /// newest export's location, and both conflicts list what changed.
    @Test func aChainOfVersionsCountsOnlyTheNewest() throws {
        let v1 = "CF-1,2022-03-01,甲化工有限公司,91110000MA0000001X,罚款,1000.50"
        let v2 = "CF-1,2022-12-30,乙机械厂,,警告、罚款,2000"
        let other = "CF-2,2022-05-05,丙商贸公司,,警告,0"
        let result = try Self.run([("p1.csv", [v1, other]), ("p2.csv", [v2, other]), ("p3.csv", [v1])],
                                  keepsRecords: true)
        let alone = try Self.run([("only.csv", [other, v1])])
        for id in ["penalties.cases", "penalties.fines_yuan", "penalties.by_type.warning", "penalties.by_type.fine",
                   "penalties.by_month.2022-03", "penalties.by_month.2022-12", "periods.first_half.penalties.cases"] {
            #expect(result.figures[id] == alone.figures[id], "\(id)")
        }
        #expect(result.figures["penalties.cases"] == .integer(2))
        #expect(result.figures["penalties.fines_yuan"] == .text("1000.50"))
        // The replaced v2 dated 2022-12-30 no longer sets the as-of date.
        #expect(result.aggregate.newestDate == CalendarDay(year: 2022, month: 5, day: 5))
        #expect(result.aggregate == alone.aggregate)

        #expect(result.accounts.map(\.accepted) == [2, 1, 1])
        #expect(result.accounts.map(\.duplicates) == [0, 1, 0])
        #expect(result.accounts.map(\.conflicts) == [0, 1, 1])
        #expect(result.conflicts.map { "\($0.older.file):\($0.older.row)→\($0.newer.file):\($0.newer.row)" }
                == ["p1.csv:2→p2.csv:2", "p2.csv:2→p3.csv:2"])
        let dateChange = try #require(result.conflicts.first?.changes.first { $0.key == "decision_date" })
        #expect((dateChange.old, dateChange.new) == ("2022-03-01", "2022-12-30"))
        #expect(result.conflicts[1].changes.map(\.key) == result.conflicts[0].changes.map(\.key))
        #expect(result.duplicates.map { "\($0.location.file):\($0.location.row)=\($0.original.file):\($0.original.row)" }
                == ["p2.csv:3=p1.csv:3"])
        // Kept records (for explain) are the winners only, in reading order.
        #expect(result.records.penalties.map { "\($0.location.file):\($0.location.row)" } == ["p1.csv:3", "p3.csv:2"])
    }

    /// The second read finds a replaced version by the line it starts on: after a quoted line
    /// break, a row's line is past its number.
    @Test func aReplacedVersionAfterAQuotedLineBreakIsFound() throws {
        let multiLine = "CF-0,2022-02-01,\"丁\n商贸公司\",,警告,0"
        let v1 = "CF-1,2022-03-01,甲化工有限公司,91110000MA0000001X,罚款,1000.50"
        let v2 = "CF-1,2022-04-01,甲化工有限公司,91110000MA0000001X,罚款,2000"
        let result = try Self.run([("p1.csv", [multiLine, multiLine.replacingOccurrences(of: "CF-0", with: "CF-9"), v1]),
                                   ("p2.csv", [v2])])
        #expect(result.conflicts.map { "\($0.older.file):\($0.older.row)/\($0.older.line)" } == ["p1.csv:4/6"])
        #expect(result.conflicts.first?.changes.map(\.key).contains("fine_amount") == true)
        let alone = try Self.run([("only.csv", [multiLine, multiLine.replacingOccurrences(of: "CF-0", with: "CF-9"), v2])])
        #expect(result.aggregate == alone.aggregate)
    }

    /// The key tables are let go once every row is booked, before the figures and outputs are
    /// made: on a large run they are most of the memory, and would otherwise add to the peak.
    @Test func theKeyTablesAreLetGoOnceEveryRowIsBooked() throws {
        var heldKeys: Int?
        let result = try TemporaryDistrict.run(
            [.init(.penalties, "p.csv", [Self.header, "CF-1,2022-03-01,甲化工有限公司,,警告,0", "CF-2,2022-03-02,乙厂,,警告,0"])],
            afterRun: { heldKeys = $0.heldKeyCount })
        #expect(result.accounts.map(\.accepted) == [2])
        #expect(heldKeys == 0)
    }

    /// A replaced version's enterprise leaves the distinct count, and its month its count.
    @Test func aReplacedVersionTakesItsEnterpriseAndMonthWithIt() throws {
        let result = try Self.run([
            ("p1.csv", ["CF-1,2022-01-10,甲化工有限公司,,罚款,1", "CF-2,2022-01-11,乙机械厂,,罚款,1"]),
            ("p2.csv", ["CF-1,2022-02-10,丙商贸公司,,罚款,1"]),
        ])
        #expect(result.figures["penalties.by_month.2022-01"] == .integer(1))
        #expect(result.figures["penalties.by_month.2022-02"] == .integer(1))
        #expect(result.aggregate.yearTally.casesByMonth.count == 2)
    }

    /// Within one file a later row is newer.
    @Test func aLaterRowOfTheSameFileWins() throws {
        let result = try Self.run([("p.csv", ["CF-1,2022-01-10,甲,,罚款,1", "CF-1,2022-01-10,甲,,罚款,2"])])
        #expect(result.figures["penalties.fines_yuan"] == .text("2.00"))
        #expect(result.conflicts.map(\.changes) == [[FieldChange(key: "fine_amount", old: "1.00", new: "2.00")]])
    }

    /// An action naming an unknown case is warned about only while it counts: a newer version
    /// naming a known case takes the warning away.
    @Test func aReplacedActionLosesItsUnknownCaseWarning() throws {
        let result = try Self.run([("p.csv", ["CF-1,2022-01-10,甲,,罚款,1"])], enforcement: [
            "QZ-1,2022-02-01,查封,CF-404", "QZ-2,2022-02-02,查封,CF-405", "QZ-1,2022-02-01,查封,CF-1",
        ])
        let warnings = result.diagnostics.filter { $0.code == .unknownCaseReference }
        #expect(warnings.map(\.row) == [3])
        #expect(warnings.first?.raw == "CF-405")
    }

    /// An export that changes while the run reads it cannot be counted: the run stops instead
    /// of mixing two versions of the file.
    @Test func anExportChangedDuringTheRunStopsIt() throws {
        var rewritten = false
        #expect {
            _ = try Self.run([("p1.csv", ["CF-1,2022-01-10,甲,,罚款,1"]), ("p2.csv", ["CF-1,2022-01-10,甲,,罚款,2"])],
                             onFileStart: { file, position in
                guard position == 1, !rewritten else { return }
                rewritten = true
                let older = URL(fileURLWithPath: file.path).deletingLastPathComponent().appendingPathComponent("p1.csv")
                try? Data((Self.header + "\nCF-1,2022-01-10,甲,,罚款,3\n").utf8).write(to: older)
            })
        } throws: { error in
            guard case .inputChanged(let file, let row) = error as? PipelineError else { return false }
            return file == "p1.csv" && row == 2
        }
        #expect(rewritten)
    }
}

/// A file whose records start past the last line the key table can note stops the run with a
/// usage error naming the file and line, rather than crashing. (The real limit is 2³² − 1
/// lines; the test lowers it.)
struct LineLimitTests {
    @Test func aRecordPastTheLastLineStopsTheRun() {
        let lines = ["检查编号,检查日期,检查方式,被检查单位"] + (1...5).map { "JC-\($0),2022-05-0\($0),日常检查,甲公司" }
        #expect {
            _ = try TemporaryDistrict.run([TemporaryDistrict.File(.inspections, "i.csv", lines)], maximumLine: 4)
        } throws: { error in
            guard case .tooManyLines(let file, let line) = error as? PipelineError else { return false }
            return file == "i.csv" && line == 5
        }
        #expect(throws: Never.self) {
            _ = try TemporaryDistrict.run([TemporaryDistrict.File(.inspections, "i.csv", lines)], maximumLine: 6)
        }
    }

    /// Lines count line feeds; a bare carriage return ends a record too, so rows can outrun
    /// lines (found by the fuzzer: the key table trapped). Rows have the same limit.
    @Test func rowsPastTheirLinesAreBookedAndRowsPastTheLimitStopTheRun() throws {
        let lines = ["检查编号,检查日期,检查方式,被检查单位",
                     "JC-1,2022-05-01,日常检查,甲公司\rJC-2,2022-05-02,日常检查,乙公司\rJC-3,2022-05-03,日常检查,丙公司"]
        let result = try TemporaryDistrict.run([TemporaryDistrict.File(.inspections, "i.csv", lines)], maximumLine: 4)
        #expect(result.accounts.map(\.accepted) == [3])
        #expect(result.records.inspections.map { "\($0.location.row)@\($0.location.line)" } == ["2@2", "3@2", "4@2"])
        #expect {
            _ = try TemporaryDistrict.run([TemporaryDistrict.File(.inspections, "i.csv", lines)], maximumLine: 3)
        } throws: { error in
            guard case .tooManyRows(let file, let row) = error as? PipelineError else { return false }
            return file == "i.csv" && row == 4
        }
    }
}

/// The key table: new, duplicate (the original stays the winner) and conflict (the newer
/// version wins), and what it remembers of each key.
struct KeyTableTests {
    static func entry(_ content: String, file: Int, row: Int) -> KeyTable.Entry {
        var builder = FingerprintBuilder()
        builder.add(content)
        return KeyTable.Entry(fingerprint: builder.finish(), fileIndex: file, row: row, line: row + 5)
    }

    @Test func newDuplicateAndConflict() {
        var table = KeyTable()
        let key = KeyDigest("CF-1")
        guard case .new = table.insert(key, Self.entry("a", file: 0, row: 2)) else { Issue.record("not new"); return }
        guard case .duplicate(let original) = table.insert(key, Self.entry("a", file: 1, row: 9)) else {
            Issue.record("not a duplicate")
            return
        }
        #expect((original.fileIndex, original.row, original.line) == (0, 2, 7))
        guard case .conflict(let replaced) = table.insert(key, Self.entry("b", file: 2, row: 4)) else {
            Issue.record("not a conflict")
            return
        }
        // The duplicate did not become the winner: the conflict replaced the original.
        #expect((replaced.fileIndex, replaced.row) == (0, 2))
        guard case .conflict(let second) = table.insert(key, Self.entry("a", file: 3, row: 2)) else {
            Issue.record("not a conflict")
            return
        }
        #expect((second.fileIndex, second.row) == (2, 4))
        #expect(table.count == 1)
        #expect(table.contains(KeyDigest("CF-1")) && !table.contains(KeyDigest("CF-2")))
    }

    /// A table sized ahead for its keys takes them without growing, and ends nearly three
    /// quarters full (the shards' spread aside); grown key by key it could end half full.
    @Test func aTableSizedAheadTakesItsKeysWithoutGrowing() {
        var table = KeyTable()
        table.reserveCapacity(200_000)
        let capacity = table.capacity
        for number in 0..<200_000 {
            _ = table.insert(KeyDigest("JC-\(number)"), Self.entry("x", file: 0, row: number + 2))
        }
        #expect(table.capacity == capacity)
        #expect(Double(table.count) / Double(table.capacity) > 0.7)
    }

    /// A row is never on an earlier line than its number, so lines (32 bits) bound both.
    @Test func theLargestFileIndexRowAndLineSurvivePacking() {
        var builder = FingerprintBuilder()
        builder.add("a")
        let largest = Int(UInt32.max)
        let fingerprint = builder.finish()
        let entry = KeyTable.Entry(fingerprint: fingerprint, fileIndex: KeyTable.maximumFiles - 1, row: largest, line: largest)
        #expect(entry.fileIndex == KeyTable.maximumFiles - 1)
        #expect(entry.row == largest)
        #expect(entry.line == largest)
        #expect(entry.fingerprint == fingerprint)
        let allOnes = RecordFingerprint(bits: 1 << RecordFingerprint.bitWidth - 1)
        let first = KeyTable.Entry(fingerprint: allOnes, fileIndex: 0, row: 0, line: 0)
        #expect((first.fingerprint, first.fileIndex, first.row, first.line) == (allOnes, 0, 0, 0))
    }

    /// A key costs 12 bytes of its digest and a 16-byte entry, with nothing beside them in its
    /// slot: at 5 million keys every byte more is 5 MB more, times the tables' spare room.
    @Test func aKeyTakesTwentyEightBytes() {
        #expect(MemoryLayout<KeyTable.StoredKey>.stride == 12)
        #expect(MemoryLayout<KeyTable.Entry>.stride == 16)
        #expect(MemoryLayout<(KeyTable.StoredKey, KeyTable.Entry)>.stride == 28)
    }

    /// Fingerprints keep 48 bits, whatever the hash gave.
    @Test func fingerprintsFitTheirBits() {
        for text in ["", "a", "甲化工有限公司", "CF-1"] {
            var builder = FingerprintBuilder()
            builder.add(text)
            #expect(builder.finish().bits >> RecordFingerprint.bitWidth == 0)
        }
    }

    @Test func digestsTellKeysApart() {
        let keys = (0..<20_000).map { "CF-\($0)" } + ["", "a", "ab", "案件", "案 件"]
        #expect(Set(keys.map(KeyDigest.init)).count == keys.count)
        #expect(KeyDigest("CF-1") == KeyDigest(String("CF-1".reversed().reversed())))
        // Two texts (a name and a code) are told apart where one ends.
        let pairs: [(String, String?)] = [("ab", "c"), ("a", "bc"), ("abc", nil), ("abc", ""), ("", "abc"), ("c", "ab")]
        #expect(Set(pairs.map { KeyDigest($0.0, $0.1) }).count == pairs.count)
        #expect(KeyDigest("甲公司", nil) == KeyDigest("甲公司"))
    }

    /// Values are fingerprinted one by one: where each ends, and their order, count.
    @Test func fingerprintsTellFieldBoundariesApart() {
        func fingerprint(_ build: (inout FingerprintBuilder) -> Void) -> RecordFingerprint {
            var builder = FingerprintBuilder()
            build(&builder)
            return builder.finish()
        }
        let prints = [
            fingerprint { $0.add("ab"); $0.add("c") }, fingerprint { $0.add("a"); $0.add("bc") },
            fingerprint { $0.add("c"); $0.add("ab") }, fingerprint { $0.add("abc") },
            fingerprint { $0.add("abc"); $0.add("") }, fingerprint { $0.add(1); $0.add(2) },
            fingerprint { $0.add(2); $0.add(1) }, fingerprint { $0.add(nil as String?) },
            fingerprint { $0.add("" as String?) }, fingerprint { _ in },
        ]
        #expect(Set(prints.map(\.bits)).count == prints.count)
        #expect(fingerprint { $0.add("ab"); $0.add("c") } == prints[0])
    }
}

/// A fingerprint covers every stored property: a change in any field makes a conflict, never
/// a silent duplicate.
struct RecordFingerprintTests {
    static let day = CalendarDay(year: 2022, month: 5, day: 1)!
    static let penalty = PenaltyRecord(
        caseID: "CF-1", decisionNo: "应急罚〔2022〕1号", decisionDate: day,
        party: EnterpriseRef(creditCode: "91110000MA0000001X", name: "甲公司"), partyType: "unit", industry: "other",
        penaltyTypes: ["warning", "fine"], fine: Fen(100), confiscation: Fen(0), procedure: "ordinary", origin: "检查",
        hearing: false, legalReview: true, publishedDate: day, closedDate: nil, unit: "执法大队")
    static let inspection = InspectionRecord(
        id: "JC-1", date: day, kind: "routine", enterprise: EnterpriseRef(creditCode: nil, name: "甲公司"),
        industry: "other", hazardsGeneral: 1, hazardsMajor: 0, hazardsRectified: 1, irregularities: 0,
        unit: "一中队", officers: "张三")
    static let action = EnforcementRecord(id: "QZ-1", date: day, kind: "seal_up", isMeasure: true, caseID: "CF-1",
                                          party: "甲公司", unit: "执法大队")

    static var penaltyChanges: [(String, (inout PenaltyRecord) -> Void)] { [
        ("caseID", { $0.caseID = "CF-2" }), ("decisionNo", { $0.decisionNo = "" }),
        ("decisionDate", { $0.decisionDate = day.adding(days: 1) }),
        ("party", { $0.party = EnterpriseRef(creditCode: nil, name: "甲公司") }),
        ("partyType", { $0.partyType = "individual" }), ("industry", { $0.industry = "machinery" }),
        ("penaltyTypes", { $0.penaltyTypes = ["warning"] }), ("fine", { $0.fine = Fen(101) }),
        ("confiscation", { $0.confiscation = Fen(1) }), ("procedure", { $0.procedure = nil }),
        ("origin", { $0.origin = "" }), ("hearing", { $0.hearing = true }), ("legalReview", { $0.legalReview = false }),
        ("publishedDate", { $0.publishedDate = nil }), ("closedDate", { $0.closedDate = day }),
        ("unit", { $0.unit = "" }), ("majorDecision", { $0.majorDecision = true }),
        ("hearingNotified", { $0.hearingNotified = true }), ("hearingRequested", { $0.hearingRequested = true }),
        ("publication", { $0.publication = .late }), ("mitigated", { $0.mitigated = true }),
        ("transferred", { $0.transferred = true }), ("notPenalized", { $0.notPenalized = true }),
    ] }
    static var inspectionChanges: [(String, (inout InspectionRecord) -> Void)] { [
        ("id", { $0.id = "JC-2" }), ("date", { $0.date = day.adding(days: -1) }), ("kind", { $0.kind = "random" }),
        ("enterprise", { $0.enterprise = EnterpriseRef(creditCode: "X", name: "甲公司") }),
        ("industry", { $0.industry = "machinery" }), ("hazardsGeneral", { $0.hazardsGeneral = 2 }),
        ("hazardsMajor", { $0.hazardsMajor = 1 }), ("hazardsRectified", { $0.hazardsRectified = 0 }),
        ("irregularities", { $0.irregularities = 1 }), ("unit", { $0.unit = "" }), ("officers", { $0.officers = "" }),
    ] }
    static var actionChanges: [(String, (inout EnforcementRecord) -> Void)] { [
        ("id", { $0.id = "QZ-2" }), ("date", { $0.date = day.adding(days: 1) }), ("kind", { $0.kind = "seize" }),
        ("isMeasure", { $0.isMeasure = false }), ("caseID", { $0.caseID = nil }), ("party", { $0.party = "" }),
        ("unit", { $0.unit = "x" }), ("publishedDate", { $0.publishedDate = day }),
        ("publication", { $0.publication = .onTime }),
    ] }

    static func check<Record: CountableRecord>(_ record: Record, _ changes: [(String, (inout Record) -> Void)]) {
        // A field added to the record and not to the fingerprint fails here first.
        #expect(changes.map(\.0) == Mirror(reflecting: record).children.compactMap(\.label))
        for (field, change) in changes {
            var changed = record
            change(&changed)
            #expect(changed != record, "the change of \(field) changes nothing")
            #expect(changed.fingerprint != record.fingerprint, "\(field) is not in the fingerprint")
        }
        #expect(record.fingerprint == record.fingerprint)
    }

    static let review = CaseFileReview(fileID: "R-1", caseType: "penalty", closedDate: day, caseID: "CF-1",
                                       problems: 2, reviewDate: nil, unit: "一中队")
    static var reviewChanges: [(String, (inout CaseFileReview) -> Void)] { [
        ("fileID", { $0.fileID = "R-2" }), ("caseType", { $0.caseType = "licensing" }),
        ("closedDate", { $0.closedDate = day.adding(days: 1) }), ("caseID", { $0.caseID = "" }),
        ("problems", { $0.problems = 3 }), ("reviewDate", { $0.reviewDate = day }), ("unit", { $0.unit = "" }),
    ] }

    static let item = CatalogueItem(itemID: "SX-1", name: "对…的行政处罚", itemClass: "penalty", basis: "《安全生产法》",
                                    unit: "示例区应急管理局")
    static var itemChanges: [(String, (inout CatalogueItem) -> Void)] { [
        ("itemID", { $0.itemID = "SX-2" }), ("name", { $0.name = "" }), ("itemClass", { $0.itemClass = "measure" }),
        ("basis", { $0.basis = "" }), ("unit", { $0.unit = "" }),
    ] }

    static let licence = LicensingRecord(
        licenceID: "XK-1", item: "危险化学品经营许可", applicant: EnterpriseRef(creditCode: nil, name: "甲公司"),
        appliedDate: day, acceptedDate: nil, decisionDate: day, decision: "grant", publishedDate: nil, unit: "审批股")
    static var licenceChanges: [(String, (inout LicensingRecord) -> Void)] { [
        ("licenceID", { $0.licenceID = "XK-2" }), ("item", { $0.item = "" }),
        ("applicant", { $0.applicant = EnterpriseRef(creditCode: "X", name: "甲公司") }),
        ("appliedDate", { $0.appliedDate = day.adding(days: -1) }), ("acceptedDate", { $0.acceptedDate = day }),
        ("decisionDate", { $0.decisionDate = nil }), ("decision", { $0.decision = "renew" }),
        ("publishedDate", { $0.publishedDate = day }), ("unit", { $0.unit = "" }),
        ("publication", { $0.publication = .onTime }),
    ] }

    static let dispute = DisputeRecord(disputeID: "SS-1", kind: "litigation", receivedDate: nil, closedDate: day,
                                       outcome: "dismissed", headAppeared: false, claimant: "甲公司", unit: "")
    static var disputeChanges: [(String, (inout DisputeRecord) -> Void)] { [
        ("disputeID", { $0.disputeID = "SS-2" }), ("kind", { $0.kind = "review" }),
        ("receivedDate", { $0.receivedDate = day }), ("closedDate", { $0.closedDate = day.adding(days: 1) }),
        ("outcome", { $0.outcome = "revoked" }), ("headAppeared", { $0.headAppeared = true }),
        ("claimant", { $0.claimant = "" }), ("unit", { $0.unit = "x" }),
    ] }

    @Test func everyFieldOfEveryRecordIsInItsFingerprint() {
        Self.check(Self.dispute, Self.disputeChanges)
        Self.check(Self.licence, Self.licenceChanges)
        Self.check(Self.item, Self.itemChanges)
        Self.check(Self.review, Self.reviewChanges)
        Self.check(Self.penalty, Self.penaltyChanges)
        Self.check(Self.inspection, Self.inspectionChanges)
        Self.check(Self.action, Self.actionChanges)
    }

    /// Field boundaries count: moving text from one field to the next is a change.
    @Test func textMovedBetweenFieldsChangesTheFingerprint() {
        var moved = Self.action
        moved.party = "甲公司执法"
        moved.unit = "大队"
        #expect(moved.fingerprint != Self.action.fingerprint)
    }
}
