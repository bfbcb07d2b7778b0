import Foundation
import Testing
@testable import AnnualReturn

/// The generator as a whole: files, determinism, sizes, encodings and line ends.
struct SampleExportGeneratorTests {
    @Test func writesTheFourFilesAndReportsTheirRecords() throws {
        let reports = try GeneratedSample.reports()
        let folder = try GeneratedSample.folder()
        #expect(reports.map(\.path) == SampleExportOptions().fileNames.map { folder + "/" + $0 })
        for report in reports {
            // The report counts what the pipeline reads: data records, summary rows excluded.
            let table = try SampleTable(path: report.path)
            let rejected = table.diagnostics.filter { $0.severity == .error }.count
            #expect(table.dataRecords.count + rejected == report.rows, "\(report.path)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left behind: \(leftovers)")
    }

    @Test func theSameSeedGivesIdenticalBytes() throws {
        let again = try GeneratedSample.newTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: again) }
        try SampleExportGenerator.generate(into: again, options: SampleExportOptions())
        for name in SampleExportOptions().fileNames {
            let first = try GeneratedSample.bytes(name)
            let second = Array(try Data(contentsOf: URL(fileURLWithPath: again + "/" + name)))
            #expect(first == second, "\(name) differs between two runs with the same seed")
        }
    }

    @Test func anotherSeedGivesOtherFiles() throws {
        let other = try GeneratedSample.newTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: other) }
        try SampleExportGenerator.generate(into: other, options: SampleExportOptions(seed: 7))
        for name in SampleExportOptions().fileNames {
            let first = try GeneratedSample.bytes(name)
            let second = Array(try Data(contentsOf: URL(fileURLWithPath: other + "/" + name)))
            #expect(first != second, "\(name) is the same for seeds 2022 and 7")
        }
    }

    @Test func recordCountsAreThoseOfOneDistrict() throws {
        let inspections = try GeneratedSample.table(GeneratedSample.inspections)
        let kinds = try inspections.values("检查方式")
        let patrols = kinds.filter { $0 == "执法巡查" }.count
        #expect((2_700...3_300).contains(kinds.count - patrols))
        #expect((40...70).contains(patrols))

        let december = try GeneratedSample.table(GeneratedSample.decemberPenalties)
        #expect((300...500).contains(december.dataRecords.count))
        let enforcement = try GeneratedSample.table(GeneratedSample.enforcement)
        #expect((30...80).contains(enforcement.dataRecords.count))

        // The pool holds 750 enterprises; most are inspected at least once.
        let codes = Set(try inspections.values("统一社会信用代码").map(TextNormalizer.creditCode).filter { !$0.isEmpty })
        #expect((500...900).contains(codes.count))
        // Some parties are individuals, with no credit code.
        #expect(try december.values("当事人类型").contains("个人"))
    }

    @Test func noPatrolInTheLockdownMonthsButSomeInspections() throws {
        let inspections = try GeneratedSample.table(GeneratedSample.inspections)
        let kind = try inspections.column("检查方式")
        let date = try inspections.column("检查日期")
        var patrolsByMonth: [YearMonth: Int] = [:]
        var inspectionsByMonth: [YearMonth: Int] = [:]
        for record in inspections.dataRecords {
            guard case .date(let day) = DateParser.parse(record[date]) else { continue }
            if record[kind] == "执法巡查" { patrolsByMonth[day.yearMonth, default: 0] += 1 }
            else { inspectionsByMonth[day.yearMonth, default: 0] += 1 }
        }
        for month in ["2022-03", "2022-10"].compactMap(YearMonth.init(parsing:)) {
            #expect(patrolsByMonth[month] == nil, "patrols in \(month)")
            #expect((1...15).contains(inspectionsByMonth[month] ?? 0), "inspections in \(month)")
        }
        let activeMonths = (1...12).compactMap { YearMonth(year: 2022, month: $0) }.filter { $0.month != 3 && $0.month != 10 }
        for month in activeMonths {
            #expect((patrolsByMonth[month] ?? 0) > 0, "no patrol in \(month)")
        }
    }

    @Test func encodingsAndLineEndsAreThoseOfEachSystem() throws {
        #expect(try GeneratedSample.table(GeneratedSample.inspections).summary.encoding == .utf8WithBOM)
        #expect(try GeneratedSample.table(GeneratedSample.junePenalties).summary.encoding == .gb18030)
        #expect(try GeneratedSample.table(GeneratedSample.decemberPenalties).summary.encoding == .utf8)
        #expect(try GeneratedSample.table(GeneratedSample.enforcement).summary.encoding == .utf8)

        let inspections = try GeneratedSample.bytes(GeneratedSample.inspections)
        #expect(Array(inspections.prefix(3)) == [0xEF, 0xBB, 0xBF])
        // CRLF everywhere except inside the one quoted 备注 that holds a line break.
        let bareLineFeeds = zip(inspections.dropFirst(), inspections).filter { $0 == 0x0A && $1 != 0x0D }.count
        #expect(bareLineFeeds == 1)
        for name in [GeneratedSample.junePenalties, GeneratedSample.decemberPenalties, GeneratedSample.enforcement] {
            #expect(try !GeneratedSample.bytes(name).contains(0x0D), "\(name) has a CR")
        }
        // The June export is GB18030 bytes, not UTF-8.
        let june = try GeneratedSample.bytes(GeneratedSample.junePenalties)
        #expect(String(validating: june, as: UTF8.self) == nil)
    }

    @Test func scaleMultipliesTheCounts() throws {
        let folder = try GeneratedSample.newTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let doubled = try SampleExportGenerator.generate(into: folder, options: SampleExportOptions(scale: 2))
        for (single, double) in zip(try GeneratedSample.reports(), doubled) {
            let ratio = Double(double.rows) / Double(single.rows)
            #expect((1.6...2.4).contains(ratio), "\(double.path): \(single.rows) -> \(double.rows)")
        }
    }

    @Test func aFileInTheWayOfTheFolderIsAnError() throws {
        let folder = try GeneratedSample.newTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let blocker = folder + "/exports"
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data()))
        #expect(throws: GenerateError.self) {
            try SampleExportGenerator.generate(into: blocker, options: SampleExportOptions())
        }
    }
}
