import Testing
@testable import AnnualReturn

/// The enterprise pool: valid, unique codes and names, computed the same way every time.
struct SampleEnterprisePoolTests {
    @Test func codesAreValidAndUnique() {
        let pool = SampleEnterprisePool(seed: 2022, scale: 4)
        var codes = Set<String>()
        var names = Set<String>()
        for index in 0..<pool.count {
            let enterprise = pool.enterprise(at: index)
            #expect(CreditCodeCheck.check(enterprise.creditCode) == .valid, "\(enterprise.creditCode)")
            codes.insert(enterprise.creditCode)
            names.insert(enterprise.name)
        }
        #expect(codes.count == pool.count)
        #expect(names.count == pool.count)
    }

    @Test func anEnterpriseIsAFunctionOfSeedAndIndex() {
        let pool = SampleEnterprisePool(seed: 2022, scale: 1)
        #expect(pool.enterprise(at: 17) == pool.enterprise(at: 17))
        #expect(pool.enterprise(at: 17) != SampleEnterprisePool(seed: 7, scale: 1).enterprise(at: 17))
        #expect(pool.enterprise(at: 3).isFrequentlyInspected && !pool.enterprise(at: 300).isFrequentlyInspected)
    }

    @Test func namesLookLikeRegisteredCompanies() throws {
        let pool = SampleEnterprisePool(seed: 2022, scale: 1)
        let regex = try Regex(#"^\p{Han}{2}市[\p{Han}A-Z]{2,4}\p{Han}+$"#)
        for index in stride(from: 0, to: pool.count, by: 7) {
            let name = pool.enterprise(at: index).name
            #expect(name.wholeMatch(of: regex) != nil, "\(name)")
        }
    }

    @Test func aWrongCheckCharacterIsCaught() {
        let code = SampleEnterprisePool(seed: 2022, scale: 1).enterprise(at: 0).creditCode
        let wrong = SampleCreditCode.withWrongCheckCharacter(code)
        #expect(wrong.prefix(17) == code.prefix(17))
        #expect(CreditCodeCheck.check(wrong) == .wrongCheckCharacter(expected: code.last!))
    }

    @Test func industriesAreWeightedTowardsChemicalsAndIndustryTrade() {
        let pool = SampleEnterprisePool(seed: 2022, scale: 1)
        var byIndustry: [String: Int] = [:]
        for index in 0..<pool.count { byIndustry[pool.enterprise(at: index).industry, default: 0] += 1 }
        let industryTrade = byIndustry.filter { Catalogue.category(.industry, code: $0.key)?.group == "industry_trade" }
            .values.reduce(0, +)
        #expect(byIndustry["hazardous_chemicals", default: 0] > pool.count / 5)
        #expect(industryTrade > pool.count / 3)
        for code in byIndustry.keys { #expect(Catalogue.category(.industry, code: code) != nil, "\(code)") }
    }
}
