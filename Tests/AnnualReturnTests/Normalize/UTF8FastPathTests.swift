import Foundation
import PropertyBased
import Testing
@testable import AnnualReturn

/// The byte-level fast paths of `TextNormalizer` must give exactly what the general paths give,
/// on any text: the general path is Foundation's NFKC followed by the scalar-by-scalar rules.
struct UTF8FastPathTests {
    // MARK: Which text is known to be in NFKC

    @Test func knownNFKCBytesAgreeWithTheScalarClasses() async {
        await propertyCheck(count: 2000, input: TrickyText.text) { text in
            let expected = text.unicodeScalars.allSatisfy { TextNormalizer.isKnownNFKC(scalarValue: $0.value) }
            #expect(TrickyText.withUTF8(text, TextNormalizer.isKnownNFKC(utf8:)) == expected, "\(text.debugDescription)")
            #expect(TextNormalizer.isKnownNFKC(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func everyKnownScalarIsRecognisedInItsBytes() {
        // Each admitted scalar, alone and between ASCII, as bytes; and the ones around the ranges.
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(scalar) + "1"
            #expect(TrickyText.withUTF8(text, TextNormalizer.isKnownNFKC(utf8:)) == TextNormalizer.isKnownNFKC(scalarValue: value),
                    "U+\(String(value, radix: 16, uppercase: true))")
        }
    }

    @Test func malformedBytesAreNeverKnown() async {
        await propertyCheck(count: 2000, input: TrickyText.bytes) { bytes in
            let known = bytes.withUnsafeBytes(TextNormalizer.isKnownNFKC(utf8:))
            let decoded = String(decoding: bytes, as: UTF8.self)
            if known {
                // Known bytes are valid UTF-8 of known scalars.
                #expect(Array(decoded.utf8) == bytes, "\(bytes)")
                #expect(decoded.unicodeScalars.allSatisfy { TextNormalizer.isKnownNFKC(scalarValue: $0.value) })
            }
        }
    }

    @Test(arguments: [
        [0xE0, 0x80, 0xB1] as [UInt8],  // overlong "1"
        [0xE4, 0xB8], [0xE4], [0x31, 0xE5, 0x31, 0x31],  // cut short
        [0xED, 0xA0, 0x80],  // a UTF-16 surrogate
        [0xE5, 0xC0, 0x80], [0xC2, 0xA0], [0x80],
    ])
    func malformedSequencesTakeTheGeneralPath(bytes: [UInt8]) {
        #expect(!bytes.withUnsafeBytes(TextNormalizer.isKnownNFKC(utf8:)))
    }

    // MARK: NFKC and the functions built on it

    @Test func nfkcEqualsFoundationForEveryBMPScalar() {
        var mismatches: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            if !TextNormalizer.nfkc(text).unicodeScalars.elementsEqual(TextNormalizer.generalNFKC(text).unicodeScalars) {
                mismatches.append("U+" + String(value, radix: 16, uppercase: true))
            }
        }
        #expect(mismatches == [])
    }

    @Test func nfkcEqualsFoundation() async {
        await propertyCheck(count: 3000, input: TrickyText.text) { text in
            #expect(TextNormalizer.nfkc(text).unicodeScalars.elementsEqual(TextNormalizer.generalNFKC(text).unicodeScalars),
                    "\(text.debugDescription)")
        }
    }

    @Test(arguments: [
        ("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43"),
        ("华东\u{3000}化工", "华东 化工"),
        ("￥１，０００．５０元", "¥1,000.50元"),
        ("罚款金额（元）", "罚款金额(元)"),
        ("示应急罚〔２０２１〕１号", "示应急罚〔2021〕1号"),
    ])
    func fullWidthFormsFoldScalarByScalar(text: String, expected: String) {
        #expect(TextNormalizer.widthFolded(text).map { Array($0.unicodeScalars) } == Array(expected.unicodeScalars))
        #expect(TextNormalizer.nfkc(text).unicodeScalars.elementsEqual(expected.unicodeScalars))
    }

    @Test(arguments: ["ｶﾞ", "①", "e\u{301}", "\u{00A0}", "ﬁ", "\u{F900}"])
    func otherCompatibilityFormsAreNotFolded(text: String) {
        #expect(TextNormalizer.widthFolded(text) == nil)
    }

    @Test func compactEqualsItsDefinition() async {
        await propertyCheck(count: 3000, input: TrickyText.text) { text in
            let expected = TrickyText.utf8(TrickyText.compact(text))
            #expect(TrickyText.utf8(TextNormalizer.compact(text)) == expected, "\(text.debugDescription)")
            #expect(TrickyText.utf8(TrickyText.withUTF8(text, TextNormalizer.compact(utf8:))) == expected,
                    "\(text.debugDescription)")
        }
    }

    @Test func compactedBytesAreCompactsWhenTheTextIsKnown() async {
        await propertyCheck(count: 3000, input: TrickyText.text) { text in
            let compacted = TrickyText.withUTF8(text) { bytes in TextNormalizer.withCompacted(utf8: bytes) { Array($0) } }
            let known = TrickyText.withUTF8(text, TextNormalizer.isKnownNFKC(utf8:))
            #expect((compacted != nil) == known, "\(text.debugDescription)")
            if let compacted {
                #expect(compacted == TrickyText.utf8(TrickyText.compact(text)), "\(text.debugDescription)")
            }
        }
    }

    @Test func trimmedNFKCEqualsItsDefinition() async {
        await propertyCheck(count: 3000, input: TrickyText.text) { text in
            let expected = TrickyText.utf8(TextNormalizer.trimmingWhitespace(TextNormalizer.generalNFKC(text)))
            #expect(TrickyText.utf8(TrickyText.withUTF8(text, TextNormalizer.trimmedNFKC(utf8:))) == expected,
                    "\(text.debugDescription)")
        }
    }

    @Test func creditCodeEqualsItsDefinition() async {
        await propertyCheck(count: 3000, input: TrickyText.text) { text in
            let expected = TrickyText.utf8(TrickyText.compact(text).uppercased())
            #expect(TrickyText.utf8(TextNormalizer.creditCode(text)) == expected, "\(text.debugDescription)")
            #expect(TrickyText.utf8(TrickyText.withUTF8(text, TextNormalizer.creditCode(utf8:))) == expected,
                    "\(text.debugDescription)")
        }
    }

    @Test func malformedBytesGiveWhatTheirDecodedTextGives() async {
        await propertyCheck(count: 2000, input: TrickyText.bytes) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            bytes.withUnsafeBytes { raw in
                #expect(TrickyText.utf8(TextNormalizer.compact(utf8: raw)) == TrickyText.utf8(TrickyText.compact(text)))
                #expect(TrickyText.utf8(TextNormalizer.trimmedNFKC(utf8: raw))
                    == TrickyText.utf8(TextNormalizer.trimmingWhitespace(TextNormalizer.generalNFKC(text))))
                #expect(TrickyText.utf8(TextNormalizer.creditCode(utf8: raw))
                    == TrickyText.utf8(TrickyText.compact(text).uppercased()))
                #expect(DateParser.parse(utf8: raw) == DateParser.parse(text))
                #expect(AmountParser.parse(utf8: raw) == AmountParser.parse(text))
                #expect(CountParser.parse(utf8: raw) == CountParser.parse(text))
                #expect(YesNo.parse(utf8: raw) == YesNo.parse(text))
            }
        }
    }

    // MARK: Credit codes

    /// Codes near valid ones: valid, with one character changed, cased, spaced, full-width,
    /// cut or lengthened.
    static let creditCodes = zip(
        TrickyText.oneOf(Array("0123456789ABCDEFGHJKLMNPQRTUWXY")).array(of: 17),
        TrickyText.oneOf(["", "lower", "last", "I", "space", "fullwidth", "cut", "long", "cjk"] as [String])
    ).map { (parts: ([Character], String)) -> String in Self.creditCode(body: String(parts.0), mutation: parts.1) }

    /// A valid code for `body`, changed by `mutation`.
    static func creditCode(body: String, mutation: String) -> String {
        let code = body + String(CreditCodeCheck.checkCharacter(for: body)!)
        switch mutation {
        case "lower": return code.lowercased()
        case "last": return String(code.dropLast()) + "0"
        case "I": return "I" + code.dropFirst()
        case "space": return String(code.prefix(6)) + " " + code.dropFirst(6)
        case "fullwidth": return "９" + code.dropFirst()
        case "cut": return String(code.dropLast())
        case "long": return code + "1"
        case "cjk": return String(code.dropLast()) + "码"
        default: return code
        }
    }

    @Test func creditCodeCheckEqualsTheScalarPath() async {
        await propertyCheck(count: 3000, input: Self.creditCodes) { code in
            #expect(CreditCodeCheck.check(code) == CreditCodeCheck.checkScalars(code), "\(code)")
            let normalised = TextNormalizer.creditCode(code)
            #expect(CreditCodeCheck.check(normalised) == CreditCodeCheck.checkScalars(normalised), "\(normalised)")
        }
    }
}
