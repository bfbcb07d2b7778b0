import Testing
@testable import AnnualReturn

/// The spelt-out whitespace table must be Unicode's White_Space property, for every scalar.
struct WhitespaceTableTests {
    @Test func tableEqualsTheUnicodeProperty() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if TextNormalizer.isWhitespace(scalar) != scalar.properties.isWhitespace { mismatches.append(value) }
        }
        #expect(mismatches == [])
    }
}
