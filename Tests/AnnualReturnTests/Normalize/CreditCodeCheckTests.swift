import Testing
@testable import AnnualReturn

struct CreditCodeCheckTests {
    @Test(arguments: [
        // A published code often cited as a valid example (area 350100, Fuzhou).
        "91350100M000100Y43",
        // Check characters computed for made-up bodies; the last two hit the sum whose
        // 31 - (sum mod 31) is 31, which stands for 0.
        "91110108MA01ABCDEN", "12100000400000000W", "91440300MA5FXXXX0U", "913205000000000020",
        "000000000000000000",
    ])
    func validCodes(code: String) {
        #expect(CreditCodeCheck.check(code) == .valid)
    }

    @Test(arguments: [
        ("91350100M000100Y44", Character("3")),
        ("91350100M000100Y4A", Character("3")),
        ("91110108MA01ABCDE0", Character("N")),
        ("000000000000000001", Character("0")),
    ])
    func wrongCheckCharacterNamesTheRightOne(code: String, expected: Character) {
        #expect(CreditCodeCheck.check(code) == .wrongCheckCharacter(expected: expected))
    }

    @Test(arguments: ["", "91350100M000100Y4", "91350100M000100Y433", "9135 0100M000100Y43"])
    func wrongLength(code: String) {
        #expect(CreditCodeCheck.check(code) == .wrongLength)
    }

    @Test(arguments: [
        "91350100M000100I43", "91350100M000100O43", "91350100S000100Y43", "91350100V000100Y43",
        "91350100Z000100Y43", "91350100m000100y43", "91350100M000100Y4-", "９1350100M000100Y43",
    ])
    func invalidCharacter(code: String) {
        #expect(CreditCodeCheck.check(code) == .invalidCharacter)
    }

    @Test func checkCharacterOfABody() {
        #expect(CreditCodeCheck.checkCharacter(for: "91350100M000100Y4") == "3")
        #expect(CreditCodeCheck.checkCharacter(for: "00000000000000000") == "0")
        #expect(CreditCodeCheck.checkCharacter(for: "9135010") == nil)
        #expect(CreditCodeCheck.checkCharacter(for: "91350100I000100Y4") == nil)
    }

    @Test func weightsArePowersOfThreeModuloThirtyOne() {
        var weight = 1
        for expected in CreditCodeCheck.weights {
            #expect(weight == expected)
            weight = weight * 3 % 31
        }
        #expect(CreditCodeCheck.alphabet.count == 31)
    }
}
