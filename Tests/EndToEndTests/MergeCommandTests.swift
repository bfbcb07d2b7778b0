import Foundation
import Testing

/// `annual-return merge` as a city office runs it: district returns written by `report`, rolled
/// up into one whose figures are those of a return over all the districts' exports.
struct MergeCommandTests {
    /// A copy of the hand-counted small district, with two more configurations that split its
    /// exports between two "districts": the inspections, and the penalties with the enforcement
    /// actions (which must stay together, since actions are checked against the cases).
    static func splitDistrict(secondYear: Int = 2022) throws -> URL {
        let folder = try BinaryRunner.copyOfSmallDistrict()
        let shared = """
            lockdown_months: ["2022-03", "2022-10"]
            periods:
              case_review: {from: "2021-11-01", to: "2022-07-31"}
            columns:
              penalties: {处罚决定书日期: decision_date}

            """
        try Data(("bureau: 甲区应急管理局\nyear: 2022\n" + shared + """
            inputs:
              inspections: [exports/inspections.csv]
            output: part-a

            """).utf8).write(to: folder.appendingPathComponent("part-a.yaml"))
        try Data(("bureau: 乙区应急管理局\nyear: \(secondYear)\n" + shared + """
            inputs:
              penalties: [exports/penalties-old.csv, exports/penalties-new.csv]
              enforcement: [exports/enforcement.csv]
            output: part-b

            """).utf8).write(to: folder.appendingPathComponent("part-b.yaml"))
        for config in ["annual-return.yaml", "part-a.yaml", "part-b.yaml"] {
            let outcome = try BinaryRunner.run(["report", "--config", config], in: folder)
            #expect(outcome.status == 65, "\(config): \(outcome.stderr)")  // the fixture has rejected rows
        }
        return folder
    }

    /// The lines of a figures.json (one id a line, keys sorted) without the bureau's.
    static func figureLines(_ file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { !$0.contains("\"meta.bureau\"") }
    }

    static let outputs = ["figures.json", "return.json", "return.md", "return.html", "return.csv", "return.xlsx",
                          "data-report.md", "rejects.csv"]

    @Test func mergingTheTwoPartsGivesTheFiguresOfTheWhole() throws {
        let folder = try Self.splitDistrict()
        let outcome = try BinaryRunner.run(["merge", "part-a/2022/return.json", "part-b/2022/return.json", "--out", "city"],
                                           in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr == "")
        #expect(outcome.stdout.contains("2 returns of 2022 merged"))
        #expect(outcome.stdout.contains("written to city/2022/"))

        // Every figure, the distinct-enterprise counts and the records.* sums included: each
        // dataset's files went to one part, so the parts' row totals add up to the whole's.
        let merged = try Self.figureLines(folder.appendingPathComponent("city/2022/figures.json"))
        let whole = try Self.figureLines(folder.appendingPathComponent("out/2022/figures.json"))
        #expect(merged.count > 150)
        #expect(merged == whole)
        let figures = try String(contentsOf: folder.appendingPathComponent("city/2022/figures.json"), encoding: .utf8)
        #expect(figures.contains("\"meta.bureau\": \"合并：甲区应急管理局、乙区应急管理局\","))
        #expect(figures.contains("\"inspections.enterprises\": 4,"))

        for name in Self.outputs {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("city/2022/\(name)").path), "\(name)")
        }
        let report = try String(contentsOf: folder.appendingPathComponent("city/2022/data-report.md"), encoding: .utf8)
        #expect(report.contains("part-a/2022/return.json（甲区应急管理局；数据截至 2022-12-31；初步）"))
        #expect(report.contains("part-b/2022/return.json（乙区应急管理局；数据截至 "))
        let returnJSON = try String(contentsOf: folder.appendingPathComponent("city/2022/return.json"), encoding: .utf8)
        #expect(returnJSON.hasPrefix("{\n  \"schema_version\": 3,\n"))
        #expect(returnJSON.contains("\n  \"aggregate\": {\n"))
        #expect(!returnJSON.contains("甲化工有限公司"))
    }

    /// A city's return merges into a region's: merging part A alone and then the result with
    /// part B gives the whole again.
    @Test func aMergedReturnMergesAgain() throws {
        let folder = try Self.splitDistrict()
        #expect(try BinaryRunner.run(["merge", "part-a/2022/return.json", "--out", "city"], in: folder).status == 0)
        let outcome = try BinaryRunner.run(["merge", "city/2022/return.json", "part-b/2022/return.json", "--out", "region",
                                            "--bureau", "测试区应急管理局"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let region = try String(contentsOf: folder.appendingPathComponent("region/2022/figures.json"), encoding: .utf8)
        let whole = try String(contentsOf: folder.appendingPathComponent("out/2022/figures.json"), encoding: .utf8)
        #expect(region == whole)
    }

    @Test func twoMergesWriteTheSameBytes() throws {
        let folder = try Self.splitDistrict()
        let arguments = ["merge", "part-a/2022/return.json", "part-b/2022/return.json", "--out"]
        #expect(try BinaryRunner.run(arguments + ["first"], in: folder).status == 0)
        #expect(try BinaryRunner.run(arguments + ["second"], in: folder).status == 0)
        for name in Self.outputs {
            let first = try Data(contentsOf: folder.appendingPathComponent("first/2022/\(name)"))
            let second = try Data(contentsOf: folder.appendingPathComponent("second/2022/\(name)"))
            #expect(first == second, "\(name)")
        }
    }

    @Test func returnsOfDifferentYearsExit64NamingTheFile() throws {
        let folder = try Self.splitDistrict(secondYear: 2021)
        let outcome = try BinaryRunner.run(["merge", "part-a/2022/return.json", "part-b/2021/return.json", "--out", "city"],
                                           in: folder)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("part-b/2021/return.json is the return for 2021, but part-a/2022/return.json is for 2022"),
                "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("city").path))
    }

    @Test(arguments: [
        (["merge", "part-a/2022/missing.json", "--out", "city"], Int32(66), "cannot read part-a/2022/missing.json"),
        (["merge", "part-a/2022/figures.json", "--out", "city"], Int32(64), "part-a/2022/figures.json is not a return.json written by annual-return"),
        (["merge", "part-a/2022/return.json", "part-a/2022/return.json", "--out", "city"], Int32(64), "merging it twice would count it twice"),
        (["merge", "part-a/2022/return.json", "--out", "part-a"], Int32(64), "would be written over part-a/2022/return.json"),
        (["merge", "part-a/2022/return.json", "--out", "annual-return.yaml"], Int32(73), "cannot write"),
        (["merge", "--out", "city"], Int32(64), "at least one return.json"),
    ])
    func failuresExitWithTheirCode(arguments: [String], status: Int32, message: String) throws {
        let folder = try Self.splitDistrict()
        let before = try Data(contentsOf: folder.appendingPathComponent("part-a/2022/return.json"))
        let outcome = try BinaryRunner.run(arguments, in: folder)
        #expect(outcome.status == status)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("part-a/2022/return.json")) == before)
    }

    @Test func helpShowsAnExampleAndTheExitCodes() throws {
        let outcome = try BinaryRunner.run(["merge", "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("annual-return merge east/2022/return.json west/2022/return.json --out city"))
        #expect(outcome.stdout.contains("--bureau"))
        #expect(outcome.stdout.contains("66"))
    }
}
