import Foundation
import PropertyBased
import Testing
@testable import AnnualReturn

/// return.json's `aggregate` member: written and read back, it is the aggregate it came from,
/// enterprise references hashed and nothing else changed.
struct MergeableReturnJSONTests {
    @Test func theSmallDistrictRoundTrips() throws {
        let result = try runSmallFixture()
        let district = try MergeSupport.published(result, file: "small/return.json")
        #expect(district.aggregate == result.aggregate.withHashedReferences())
        #expect(district.year == 2022)
        #expect(district.bureau == "测试区应急管理局")
        #expect(district.asOf == result.asOf)
        #expect(district.isFinal == false)
        #expect(district.lockdownMonths == result.configuration.lockdownMonths.sorted())
        for dataset in Dataset.allCases {
            #expect(district.records[dataset] == RecordTotals(dataset: dataset, accounts: result.accounts), "\(dataset)")
        }
    }

    /// A return rebuilt from what its return.json says writes the same return.json, byte for
    /// byte: nothing is lost, and references hashed once are never hashed again.
    @Test func readingAndWritingAgainGivesTheSameBytes() throws {
        let result = try runSmallFixture()
        let bytes = MergeSupport.returnJSON(result)
        let district = try DistrictReturn.decode(bytes, file: "return.json")
        let again = MergeSupport.run(district.aggregate, configuration: result.configuration, accounts: result.accounts)
        #expect(MergeSupport.returnJSON(again) == bytes)
    }

    @Test func randomAggregatesRoundTrip() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...100_000).array(of: 0...60)) { seeds in
            let aggregate = AggregateMergeTests.aggregate(Set(seeds))
            let result = MergeSupport.run(aggregate, configuration: AggregateMergeTests.configuration)
            let district = try MergeSupport.published(result, file: "random/return.json")
            #expect(district.aggregate == aggregate.withHashedReferences())
            #expect(MergeSupport.differences(AggregateMergeTests.figures(district.aggregate), result.figures) == [])
        }
    }

    /// Hashing keeps every count: the figures of the hashed aggregate are the figures.
    @Test func hashedReferencesCountTheSameEnterprises() throws {
        let result = try runSmallFixture()
        let hashed = MergeSupport.run(result.aggregate.withHashedReferences(), configuration: result.configuration,
                                      accounts: result.accounts)
        #expect(MergeSupport.differences(hashed.figures, result.figures) == [])
        #expect(result.figures["inspections.enterprises"] == .integer(4))
    }

    @Test func noEnterpriseIsNamedInClear() throws {
        let result = try runSmallFixture()
        let text = String(decoding: MergeSupport.returnJSON(result), as: UTF8.self)
        #expect(text.contains("\"aggregate\": {"))
        for located in result.records.inspections {
            let reference = located.record.enterprise
            if !reference.name.isEmpty { #expect(!text.contains(reference.name), "\(reference.name)") }
            if let code = reference.creditCode { #expect(!text.contains(code), "\(code)") }
        }
    }

    @Test func hashingIsIdempotentAndKeepsEmptyNames() {
        let reference = EnterpriseRef(creditCode: "91350100M000100Y43", name: "甲化工有限公司")
        #expect(reference.hashed.hashed == reference.hashed)
        #expect(reference.hashed != reference)
        #expect(reference.hashed.isHashed && !reference.isHashed)
        let codeOnly = EnterpriseRef(creditCode: "91350100M000100Y43", name: "").hashed
        #expect(codeOnly.name.isEmpty)
        #expect(codeOnly.creditCode == reference.hashed.creditCode)
        // The same name hashes the same with or without a code, so the name-to-code rule holds.
        #expect(EnterpriseRef(creditCode: nil, name: "甲化工有限公司").hashed.name == reference.hashed.name)
    }

    /// A counter added to Tally must be added to what return.json writes, or merged returns
    /// would silently lose it.
    @Test func everyTallyMemberIsWritten() {
        let properties = Mirror(reflecting: Tally()).children.compactMap(\.label).map { label in
            label.reduce(into: "") { snake, character in
                if character.isUppercase { snake += "_" + character.lowercased() } else { snake.append(character) }
            }
        }
        let keys = TallyField.all.map { $0.key.hasSuffix("_fen") ? String($0.key.dropLast(4)) : $0.key }
        #expect(keys == properties)
    }

    @Test func theAggregateIsTheLastMemberAndTheOthersKeepTheirOrder() throws {
        let result = try runSmallFixture()
        let text = String(decoding: MergeSupport.returnJSON(result), as: UTF8.self)
        let topLevel = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topLevel == ["schema_version", "title", "bureau", "year", "as_of", "status", "lockdown_months",
                             "tables", "notes", "aggregate"])
        #expect(text.hasPrefix("{\n  \"schema_version\": 3,\n"))
    }

    // MARK: What is not a mergeable return.json

    static func damaged(_ edit: (inout [String: Any]) -> Void) throws -> [UInt8] {
        var root = try #require(try JSONSerialization.jsonObject(with: Data(MergeSupport.returnJSON(try runSmallFixture()))) as? [String: Any])
        edit(&root)
        return Array(try JSONSerialization.data(withJSONObject: root))
    }

    @Test func anOlderReturnSaysToRunReportAgain() throws {
        // A version-1 return.json: the tables without the aggregate.
        let result = try runSmallFixture()
        let current = String(decoding: ReturnJSONRenderer.render(ReturnBuilder(result: result).build(), result: result), as: UTF8.self)
        let tablesOnly = current[..<current.range(of: ",\n  \"aggregate\"")!.lowerBound] + "\n}\n"
        let bytes = Array(tablesOnly.replacingOccurrences(of: "\"schema_version\": 3", with: "\"schema_version\": 1").utf8)
        #expect(throws: MergeError.unsupportedSchema(file: "old.json", version: 1)) {
            try DistrictReturn.decode(bytes, file: "old.json")
        }
        let message = MergeError.unsupportedSchema(file: "old.json", version: 1).description
        #expect(message.contains("annual-return report"))
    }

    @Test func otherFilesAreNotReturns() throws {
        func reason(_ bytes: [UInt8]) -> String? {
            do {
                _ = try DistrictReturn.decode(bytes, file: "f.json")
                return nil
            } catch {
                guard case .notAReturn(let file, let reason) = error, file == "f.json" else { return "wrong error: \(error)" }
                return reason
            }
        }
        #expect(reason(Array("bureau: x\n".utf8)) == "it is not JSON")
        let figures = FiguresJSONRenderer.render(try runSmallFixture().figures)
        #expect(reason(figures)?.contains("schema_version") == true)
        let missingCounter = try Self.damaged { root in
            var aggregate = root["aggregate"] as! [String: Any]
            var tally = aggregate["year_tally"] as! [String: Any]
            tally["cases"] = nil
            aggregate["year_tally"] = tally
            root["aggregate"] = aggregate
        }
        #expect(reason(missingCounter)?.contains("`aggregate.year_tally.cases`") == true)
        let clearName = try Self.damaged { root in
            var aggregate = root["aggregate"] as! [String: Any]
            aggregate["inspection_references"] = [[NSNull(), "甲化工有限公司"]]
            root["aggregate"] = aggregate
        }
        #expect(reason(clearName)?.contains("`aggregate.inspection_references[0]`") == true)
        let fractionalMoney = try Self.damaged { root in
            var aggregate = root["aggregate"] as! [String: Any]
            var tally = aggregate["year_tally"] as! [String: Any]
            tally["fines_fen"] = 12.5
            aggregate["year_tally"] = tally
            root["aggregate"] = aggregate
        }
        #expect(reason(fractionalMoney)?.contains("`aggregate.year_tally.fines_fen`") == true)
        let unbalanced = try Self.damaged { root in
            var aggregate = root["aggregate"] as! [String: Any]
            var records = aggregate["records"] as! [String: Any]
            var inspections = records["inspections"] as! [String: Any]
            inspections["read"] = (inspections["read"] as! Int) + 1
            records["inspections"] = inspections
            aggregate["records"] = records
            root["aggregate"] = aggregate
        }
        #expect(reason(unbalanced)?.contains("`aggregate.records.inspections`") == true)
    }
}
