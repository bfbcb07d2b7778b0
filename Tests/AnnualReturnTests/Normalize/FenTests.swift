import Foundation
import Testing
@testable import AnnualReturn

struct FenTests {
    @Test(arguments: [
        (Int64(123_456), "1234.56"), (0, "0.00"), (1, "0.01"), (10, "0.10"), (100, "1.00"),
        (-50, "-0.50"), (-1, "-0.01"), (-123_456, "-1234.56"), (100_000_000_000, "1000000000.00"),
        (Int64.max, "92233720368547758.07"), (Int64.min, "-92233720368547758.08"),
    ])
    func yuanHasExactlyTwoDecimals(fen: Int64, expected: String) {
        #expect(Fen(fen).yuanString == expected)
        #expect(Fen(fen).description == expected)
    }

    @Test(arguments: [
        (Int64(1_234_567), "1.23"), (1_235_000, "1.24"), (1_234_999, "1.23"), (1_000_000, "1.00"),
        (1_500_000, "1.50"), (0, "0.00"), (4_999, "0.00"), (5_000, "0.01"), (995_000, "1.00"),
        (12_345_670_000, "12345.67"),
        // Half-up means away from zero for negative amounts, and no "-0.00".
        (-1_235_000, "-1.24"), (-1_234_999, "-1.23"), (-5_000, "-0.01"), (-4_999, "0.00"),
    ])
    func wanyuanRoundsHalfUp(fen: Int64, expected: String) {
        #expect(Fen(fen).wanyuanString == expected)
    }

    @Test func arithmeticIsExact() {
        // 0.10 + 0.20 is 0.30 exactly: no binary floating point anywhere.
        #expect(Fen(10) + Fen(20) == Fen(30))
        #expect((Fen(30) - Fen(50)).yuanString == "-0.20")
        #expect([Fen(1), Fen(2), Fen(3)].reduce(.zero, +) == Fen(6))
        #expect(Fen.zero.value == 0)
        #expect(Fen(-1) < Fen(0))
        var total = Fen.zero
        total += Fen(5)
        #expect(total == Fen(5))
    }

    @Test func codableFormIsTheIntegerNumberOfFen() throws {
        let data = try JSONEncoder().encode([Fen(123_456)])
        #expect(String(decoding: data, as: UTF8.self) == "[123456]")
        #expect(try JSONDecoder().decode([Fen].self, from: data) == [Fen(123_456)])
    }
}
