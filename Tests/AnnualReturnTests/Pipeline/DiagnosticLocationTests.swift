import Testing
@testable import AnnualReturn

/// Each planted problem of the small district, pinned to its code, file, row and column.
struct DiagnosticLocationTests {
    static let expected: [String] = [
        "error bad-date exports/inspections.csv:8:2",
        "error rectified-exceeds-found exports/inspections.csv:10:9",
        "error unknown-category exports/penalties-old.csv:6:7",
        "error negative-amount exports/penalties-new.csv:8:9",
        "error ambiguous-category exports/enforcement.csv:5:3",
        "warning lockdown-activity exports/inspections.csv:4:2",
        "warning lockdown-activity exports/inspections.csv:5:2",
        "warning credit-code-checksum exports/inspections.csv:11:5",
        "warning lockdown-activity exports/penalties-old.csv:4:2",
        "warning lockdown-activity exports/penalties-new.csv:4:3",
        "warning bad-date exports/penalties-new.csv:6:14",
        "warning lockdown-activity exports/enforcement.csv:2:2",
        "warning summary-row exports/inspections.csv:14:0",
        "warning summary-row exports/inspections.csv:14:0",
        "warning summary-row exports/inspections.csv:14:0",
        "warning summary-row exports/penalties-old.csv:7:0",
        "warning summary-row exports/penalties-new.csv:9:0",
        "warning unknown-case-reference exports/enforcement.csv:6:0",
    ]

    @Test func everyProblemIsPinned() throws {
        let result = try runSmallFixture()
        let actual = result.diagnostics.map { "\($0.severity.rawValue) \($0.code) \($0.file):\($0.row):\($0.column)" }
        #expect(actual.sorted() == Self.expected.sorted())
    }

    @Test func unknownCategorySuggestsTheNearestName() throws {
        let result = try runSmallFixture()
        let unknown = try #require(result.diagnostics.first { $0.code == .unknownCategory })
        #expect(unknown.message.contains("did you mean 罚款?"))
        #expect(unknown.field == "处罚种类")
    }

    @Test func conflictListsBothVersionsAndWhatChanged() throws {
        let result = try runSmallFixture()
        #expect(result.conflicts.count == 1)
        let conflict = try #require(result.conflicts.first)
        #expect(conflict.key == "CF-003")
        #expect(conflict.older.description == "exports/penalties-old.csv:4")
        #expect(conflict.newer.description == "exports/penalties-new.csv:4")
        #expect(conflict.changes == [FieldChange(key: "fine_amount", old: "15000.00", new: "20000.00")])
        #expect(result.duplicates.map(\.key) == ["CF-001", "CF-002"])
    }
}
