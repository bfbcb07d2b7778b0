import PropertyBased
import Testing
@testable import AnnualReturn

/// The form return.json publishes an enterprise reference in, worked out on bytes: each part is
/// the first 32 hex digits of SHA-256 of "code:" + the code or "name:" + the name, a reference
/// read back from a return.json keeps its hashes, and the order is the hashed references' `<`.
struct PublishedReferenceTests {
    static let codes: [String?] = [nil, "91310000MA1FL8XQ2K", "91310115MA1K3YJ86X", "12310000425012345A"]
    static let names = ["甲化工有限公司", "乙机械厂", "张某", "", "ＡＢＣ商贸"]

    static func expectedJSON(_ reference: EnterpriseRef) -> String {
        func digest(_ text: String) -> String { String(SHA256Hasher.hex(of: Array(text.utf8)).prefix(32)) }
        let code = reference.creditCode.map { "\"\(digest("code:" + $0))\"" } ?? "null"
        let name = reference.name.isEmpty ? "" : digest("name:" + reference.name)
        return "[\(code), \"\(name)\"]"
    }

    static func json(_ order: PublishedReference.Order) -> String {
        var output: [UInt8] = []
        order.appendJSON(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test func eachPartIsTheHashOfItsTextAndAHashedReferenceKeepsItsHashes() {
        let hasher = SHA256Hasher()
        for code in Self.codes {
            for name in Self.names where code != nil || !name.isEmpty {
                let reference = EnterpriseRef(creditCode: code, name: name)
                let json = Self.json(reference.publishedOrder(hasher: hasher))
                #expect(json == Self.expectedJSON(reference))
                let readBack = Self.json(reference.hashed.publishedOrder(hasher: hasher))
                #expect(readBack == json)
            }
        }
    }

    @Test func theOrderIsTheHashedReferencesOrder() async {
        let picks = Gen.int(in: 0..<(Self.codes.count * Self.names.count)).array(of: 0...30)
        await propertyCheck(count: 200, input: picks) { picks in
            let hasher = SHA256Hasher()
            let references = picks.map { EnterpriseRef(creditCode: Self.codes[$0 % Self.codes.count], name: Self.names[$0 / Self.codes.count]) }
                .filter { !$0.isEmpty }
            let byOrder = references.sorted { $0.publishedOrder(hasher: hasher) < $1.publishedOrder(hasher: hasher) }
            #expect(byOrder.map(\.hashed) == references.map(\.hashed).sorted())
        }
    }
}
