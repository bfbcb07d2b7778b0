/// Builds unified social credit codes (GB 32100-2015) for the sample enterprises.
///
/// Layout: registration department `9` and type `1` (an enterprise registered with market
/// regulation), six digits of administrative division, a nine-character organisation code
/// (GB 11714, with its own check character) and the check character over the first seventeen.
enum SampleCreditCode {
    /// The 31 characters a credit code may use, in check-value order.
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// A valid code, unique per `index`.
    ///
    /// Older enterprises carry their former eight-digit organisation code; newer ones (`newStyle`)
    /// an `MA…` code. Both bodies are bijections of the index (a multiplication by a prime modulo
    /// a range), so different indexes never share a code.
    static func make(region: String, index: Int, newStyle: Bool) -> String {
        var body: [Character]
        if newStyle {
            var value = index * 7919 % 887_503_681  // 31^6
            body = ["M", "A"]
            var digits: [Character] = []
            for _ in 0..<6 {
                digits.append(alphabet[value % 31])
                value /= 31
            }
            body += digits.reversed()
        } else {
            body = Array(String(13_000_000 + index * 104_729 % 87_000_000))
        }
        let firstSeventeen = "91" + region + String(body) + String(organisationCheck(body))
        // The body is built from the code alphabet, so the check always exists.
        return firstSeventeen + String(CreditCodeCheck.checkCharacter(for: firstSeventeen)!)
    }

    /// `code` with its check character replaced by a different, wrong one (a typing slip).
    static func withWrongCheckCharacter(_ code: String) -> String {
        var characters = Array(code)
        let right = alphabet.firstIndex(of: characters[17]) ?? 0
        characters[17] = alphabet[(right + 7) % 31]
        return String(characters)
    }

    /// The GB 11714 check character of an eight-character organisation code body.
    private static func organisationCheck(_ body: [Character]) -> Character {
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for (character, weight) in zip(body, weights) {
            let value = character.isNumber
                ? Int(character.asciiValue! - UInt8(ascii: "0"))
                : Int(character.asciiValue! - UInt8(ascii: "A")) + 10
            sum += value * weight
        }
        switch 11 - sum % 11 {
        case 10: return "X"
        case 11: return "0"
        case let check: return Character(String(check))
        }
    }
}
