import Testing
@testable import AnnualReturn

/// Enterprise references are numbers for texts the whole process shares: whatever threads
/// make them, in whatever order, equal texts get one number and different texts different
/// ones, and the texts come back from the number.
struct EnterpriseRefTableTests {
    static let texts: [(String?, String)] = (0..<3_000).map { index in
        (index % 3 == 0 ? nil : "9131\(String(index, radix: 16).uppercased())", "测试企业\(index % 1_000)号有限公司")
    }

    @Test func threadsInterningTheSameTextsAgreeOnTheirNumbers() async {
        let numberings = await withTaskGroup(of: [UInt32].self) { group in
            for task in 0..<8 {
                group.addTask {
                    // Each task goes through the texts from a different start, so the tasks
                    // race to be first for different references.
                    let start = task * Self.texts.count / 8
                    var ids = [UInt32](repeating: 0, count: Self.texts.count)
                    for step in 0..<Self.texts.count {
                        let index = (start + step) % Self.texts.count
                        ids[index] = EnterpriseRef(creditCode: Self.texts[index].0, name: Self.texts[index].1).id
                    }
                    return ids
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(numberings.count == 8)
        #expect(Set(numberings).count == 1)
        #expect(Set(numberings[0]).count == Self.texts.count)
        for (index, (code, name)) in Self.texts.enumerated() {
            let reference = EnterpriseRef(creditCode: code, name: name)
            #expect(reference.id == numberings[0][index])
            #expect(reference.creditCode == code && reference.name == name)
        }
    }

    @Test func theEmptyReferenceIsZeroAndAnEmptyCodeIsNoCode() {
        #expect(EnterpriseRef(creditCode: nil, name: "").id == 0)
        #expect(EnterpriseRef(creditCode: "", name: "").isEmpty)
        #expect(EnterpriseRef(creditCode: "", name: "甲公司") == EnterpriseRef(creditCode: nil, name: "甲公司"))
        #expect(EnterpriseRef(creditCode: "", name: "甲公司").creditCode == nil)
        #expect(!EnterpriseRef(creditCode: "A", name: "").isEmpty)
        #expect(EnterpriseRef(creditCode: "A", name: "甲") != EnterpriseRef(creditCode: nil, name: "甲"))
    }

    /// `<` goes by the texts, never by the numbers (which depend on who came first).
    @Test func orderIsByTheTexts() {
        let later = EnterpriseRef(creditCode: "ZZZ-order-test", name: "乙")
        let earlier = EnterpriseRef(creditCode: "AAA-order-test", name: "甲")
        #expect(earlier < later && !(later < earlier))
        #expect(EnterpriseRef(creditCode: nil, name: "丙-order-test") < earlier)  // no code first
        #expect(!(earlier < earlier))
    }

    /// The table keeps texts as bytes in shared blocks: each comes back whole — a name alone,
    /// a code alone, both, texts longer than a block's share (kept apart), and enough of them
    /// to fill many blocks — with the digests the figures count by.
    @Test func textsComeBackWholeFromTheirBytes() {
        let long = String(repeating: "很长的企业名称", count: 1_200)  // 25 KB of UTF-8
        var texts: [(String?, String)] = [("91310000MA1FL8XQ2K", ""), (nil, long), ("C-" + long, long), (nil, "é")]
        texts += (0..<20_000).map { ("91\($0)-blocks-test", "第\($0)号企业（分块测试）") }
        let references = texts.map { EnterpriseRef(creditCode: $0.0, name: $0.1) }
        for (reference, (code, name)) in zip(references, texts) {
            #expect(reference.name == name && reference.creditCode == code)
            #expect(reference.partDigests.name == KeyDigest(name))
            #expect(reference.partDigests.code == code.map { KeyDigest($0) })
            #expect(EnterpriseRef(creditCode: code, name: name) == reference)
        }
    }
}

