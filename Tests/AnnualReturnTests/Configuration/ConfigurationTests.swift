import Foundation
import TestScratch
import Testing
@testable import AnnualReturn

struct ConfigurationTests {
    /// A folder with two penalty exports, so paths and globs have something to find.
    static func folder() throws -> String {
        let folder = try TestScratch.folder("config")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("exports"), withIntermediateDirectories: true)
        for name in ["penalties-2022-12-31.csv", "penalties-2022-06-30.csv", "inspections.csv"] {
            try Data("a\n".utf8).write(to: folder.appendingPathComponent("exports/\(name)"))
        }
        return folder.path
    }

    static let valid = """
        bureau: 示例区应急管理局
        year: 2022
        lockdown_months: ["2022-03", "2022-10"]
        inputs:
          inspections: [exports/inspections.csv]
          penalties: ["exports/penalties-*.csv"]
        periods:
          case_review: {from: "2021-11-01", to: "2022-07-31"}
        columns:
          penalties: {处罚决定书日期: decision_date}
        output: ../output
        """

    @Test func readsEveryKeyAndResolvesPathsAgainstTheFile() throws {
        let folder = try Self.folder()
        let configuration = try ConfigurationLoader.parse(yaml: Self.valid, path: "x.yaml", baseFolder: folder)
        #expect(configuration.bureau == "示例区应急管理局")
        #expect(configuration.year == 2022)
        #expect(configuration.lockdownMonths.map(\.description) == ["2022-03", "2022-10"])
        // A glob's matches come sorted by name: the June export is the older one.
        #expect(configuration.inputs[.penalties]?.map(\.displayName)
            == ["exports/penalties-2022-06-30.csv", "exports/penalties-2022-12-31.csv"])
        #expect(configuration.periods == [NamedPeriod(name: "case_review", from: CalendarDay(iso: "2021-11-01")!,
                                                      to: CalendarDay(iso: "2022-07-31")!)])
        #expect(configuration.columnMappings[.penalties] == ["处罚决定书日期": "decision_date"])
        #expect(configuration.outputFolder == FilePath.normalise(folder + "/../output"))
        #expect(configuration.isFinal == false)
    }

    @Test(arguments: [
        (valid + "\noutputs: x", ConfigurationError.unknownKey(key: "outputs", allowed: ConfigurationLoader.topLevelKeys)),
        (valid.replacingOccurrences(of: "\"2022-03\"", with: "\"2022-3\""),
         .badValue(key: "lockdown_months[0]", value: "2022-3", expected: "a month written YYYY-MM, e.g. \"2022-03\"")),
        (valid.replacingOccurrences(of: "to: \"2022-07-31\"", with: "to: \"2021-07-31\""),
         .badValue(key: "periods.case_review", value: "2021-11-01..2021-07-31", expected: "a range whose `from` is not after its `to`")),
        (valid.replacingOccurrences(of: "from: \"2021-11-01\"", with: "from: \"2021-11-31\""),
         .badValue(key: "periods.case_review.from", value: "2021-11-31", expected: "a date written YYYY-MM-DD")),
        (valid.replacingOccurrences(of: "exports/inspections.csv", with: "exports/missing.csv"),
         .inputNotFound(key: "inputs.inspections[0]", path: "exports/missing.csv")),
        (valid.replacingOccurrences(of: "decision_date", with: "decided_on"),
         .badValue(key: "columns.penalties.处罚决定书日期", value: "decided_on",
                   expected: "one of the canonical keys " + Dataset.penalties.columns.map(\.key).joined(separator: ", "))),
        (valid.replacingOccurrences(of: "year: 2022", with: "year: last"),
         .badValue(key: "year", value: "last", expected: "a year such as 2022")),
        (valid.replacingOccurrences(of: "bureau: 示例区应急管理局\n", with: ""), .missingKey(key: "bureau")),
        (valid.replacingOccurrences(of: "  penalties: [\"exports/penalties-*.csv\"]", with: "  fines: [x.csv]"),
         .unknownKey(key: "inputs.fines", allowed: ["inspections", "penalties", "enforcement", "licensing", "review_litigation", "case_reviews", "catalogue"])),
    ])
    func mistakesNameTheKey(yaml: String, expected: ConfigurationError) throws {
        let folder = try Self.folder()
        #expect(throws: expected) {
            try ConfigurationLoader.parse(yaml: yaml, path: "x.yaml", baseFolder: folder)
        }
    }

    @Test func missingInputIsNoInputAndTheRestAreUsageErrors() {
        #expect(ConfigurationError.inputNotFound(key: "k", path: "p").isMissingInput)
        #expect(ConfigurationError.unreadable(path: "p", reason: "r").isMissingInput)
        #expect(!ConfigurationError.unknownKey(key: "k", allowed: []).isMissingInput)
    }

    @Test func yamlThatDoesNotParseSaysSo() throws {
        #expect {
            try ConfigurationLoader.parse(yaml: "bureau: [unclosed", path: "x.yaml", baseFolder: ".")
        } throws: { error in
            guard case ConfigurationError.notYAML(let path, _) = error else { return false }
            return path == "x.yaml"
        }
    }
}
