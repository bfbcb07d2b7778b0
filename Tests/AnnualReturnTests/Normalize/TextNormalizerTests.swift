import Foundation
import Testing
@testable import AnnualReturn

struct TextNormalizerTests {
    @Test(arguments: [
        ("ＡＢＣ１２３", "ABC123"),
        ("（元）", "(元)"),
        ("罚款金额（元）", "罚款金额(元)"),
        ("a\u{3000}b", "a b"),
        ("a\u{00A0}b", "a b"),
        ("，．：；！？", ",.:;!?"),
        ("￥", "¥"),
        ("①", "1"),
        ("ﬁ", "fi"),
        ("e\u{301}", "é"),
        // The mapping itself produces the voiced mark, which must then compose.
        ("ｶﾞ", "ガ"),
        ("华东化工有限公司", "华东化工有限公司"),
        ("《安全生产法》、【注】", "《安全生产法》、【注】"),
        ("", ""),
    ])
    func nfkcFoldsCompatibilityForms(text: String, expected: String) {
        #expect(TextNormalizer.nfkc(text).unicodeScalars.elementsEqual(expected.unicodeScalars))
    }

    @Test func textTakenAsAlreadyNormalIsNormal() {
        // The shortcut must agree with the full normalisation for every scalar it admits.
        let admitted = (UInt32(0)...0xFFFF).compactMap(Unicode.Scalar.init).filter {
            TextNormalizer.isKnownNFKC(String($0))
        }
        #expect(admitted.count > 20_000)
        for scalar in admitted {
            let text = String(scalar)
            #expect(text.precomposedStringWithCompatibilityMapping.unicodeScalars.elementsEqual(text.unicodeScalars),
                    "U+\(String(scalar.value, radix: 16, uppercase: true))")
        }
    }

    @Test(arguments: [
        ("华东 化工\u{3000}有限公司", "华东化工有限公司"),
        (" 华东化工有限公司 ", "华东化工有限公司"),
        ("华东\t化工\r\n有限\u{00A0}公司", "华东化工有限公司"),
        ("\u{FEFF}华东\u{200B}化工", "华东化工"),
        ("ＡＢＣ　有限公司", "ABC有限公司"),
        ("   ", ""),
        ("", ""),
    ])
    func compactRemovesAllWhitespace(text: String, expected: String) {
        #expect(TextNormalizer.compact(text) == expected)
    }

    @Test(arguments: [
        ("罚款金额（元）", "罚款金额(元)"),
        ("罚款金额(元)", "罚款金额(元)"),
        (" Fine_Amount ", "fine_amount"),
        ("\u{3000}案件编号\u{3000}", "案件编号"),
        ("\u{FEFF}案件编号", "案件编号"),
        ("ＣＡＳＥ＿ＩＤ", "case_id"),
        ("Decision Date", "decision date"),
        ("\t", ""),
    ])
    func headerKeyTrimsAndLowerCases(text: String, expected: String) {
        #expect(TextNormalizer.headerKey(text) == expected)
    }

    @Test(arguments: [
        ("91350100m000100y43", "91350100M000100Y43"),
        (" 9135 0100 M000 100Y 43 ", "91350100M000100Y43"),
        ("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43"),
        ("９１３５０１００ｍ０００１００ｙ４３\u{3000}", "91350100M000100Y43"),
    ])
    func creditCodeIsCompactUpperCase(text: String, expected: String) {
        #expect(TextNormalizer.creditCode(text) == expected)
    }

    @Test func trimmingKeepsInnerSpaces() {
        #expect(TextNormalizer.trimmingWhitespace("  a b  ") == "a b")
        #expect(TextNormalizer.trimmingWhitespace("ab") == "ab")
        #expect(TextNormalizer.trimmingWhitespace(" \u{3000} ") == "")
    }
}
