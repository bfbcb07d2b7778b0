import Testing
@testable import AnnualReturn

struct AmountParserTests {
    @Test(arguments: [
        ("1000", Int64(100_000)),
        ("1,000.00", 100_000),
        ("1,000", 100_000),
        ("12,345,678.90", 1_234_567_890),
        ("￥1,234.5", 123_450),
        ("￥1000", 100_000),
        ("¥1000", 100_000),
        ("¥ 1000", 100_000),
        ("1000元", 100_000),
        ("1000 元", 100_000),
        ("1000.00元", 100_000),
        ("1.5万元", 1_500_000),
        ("1.5万", 1_500_000),
        ("1.5 万元", 1_500_000),
        ("20万元", 20_000_000),
        ("1.23456万元", 1_234_560),
        ("1.234560万", 1_234_560),
        ("1.234567万", 1_234_567),
        ("0.0001万元", 100),
        ("１０００", 100_000),
        ("１，０００．５０", 100_050),
        ("￥１２３４．５６元", 123_456),
        ("1000.500", 100_050),
        ("1000.5", 100_050),
        ("1000.05", 100_005),
        ("0.01", 1),
        (".5", 50),
        ("5.", 500),
        ("007", 700),
        ("0", 0),
        ("-5", -500),
        ("-0.50", -50),
        ("-1.5万元", -1_500_000),
        ("¥-5", -500),
        ("-¥5", -500),
        ("+5", 500),
        ("  300  ", 30_000),
        ("\u{3000}300\u{3000}", 30_000),
        ("300\t", 30_000),
        ("92233720368547758.07", Int64.max),
    ])
    func acceptedForms(text: String, fen: Int64) {
        #expect(AmountParser.parse(text) == .amount(Fen(fen)))
    }

    @Test(arguments: ["", " ", "\u{3000}", "\t\r\n"])
    func blankIsEmpty(text: String) {
        #expect(AmountParser.parse(text) == .empty)
    }

    @Test(arguments: [
        // Not amounts.
        "abc", "-", "+", ".", "¥", "元", "万元", "1000abc", "1 000", "1.000.00", "1,000.0,0", "--5", "-¥-5",
        "¥5¥", "5¥", "1e5", "1E+04", "0x10", "五百", "壹仟元整", "1000元整", "1000万万元", "1000元万",
        // Misplaced commas.
        ",100", "100,", "1,,000", "1,000,",
        // Fractions of a fen.
        "1000.505", "0.001", "1.2345678万", "1.23456789万元",
        // Beyond Int64 fen.
        "92233720368547758.08", "99999999999999999999", "10000000000000万元",
    ])
    func rejectedForms(text: String) {
        #expect(AmountParser.parse(text) == .invalid)
    }

    @Test func yuanStringsParseBackToTheSameAmount() {
        // Every rendering of an amount reads back exactly, across sign and digit counts.
        var value: Int64 = -1_000_003
        while value <= 1_000_003 {
            #expect(AmountParser.parse(Fen(value).yuanString) == .amount(Fen(value)))
            value += 997
        }
    }
}
