/// Checks a unified social credit code (统一社会信用代码) against GB 32100-2015.
///
/// A code has 18 characters from a 31-character alphabet (digits and upper-case letters
/// without I, O, S, V and Z); the 18th is a check character computed from the first 17. A
/// failed check is worth a warning, not a rejection: the code is still the enterprise's key.
public enum CreditCodeCheck {
    /// What the check found.
    public enum Outcome: Equatable, Sendable {
        /// 18 characters from the alphabet with the right check character.
        case valid
        /// Not 18 characters long.
        case wrongLength
        /// 18 characters long, but at least one is outside the alphabet (lower-case letters
        /// included: normalise first).
        case invalidCharacter
        /// Well-formed, but the 18th character should be `expected`.
        case wrongCheckCharacter(expected: Character)
    }

    /// Checks a code already normalised with `TextNormalizer.creditCode` (no spaces, upper
    /// case).
    public static func check(_ normalisedCode: String) -> Outcome {
        let asciiOutcome = normalisedCode.utf8.withContiguousStorageIfAvailable(checkASCII) ?? nil
        return asciiOutcome ?? checkScalars(normalisedCode)
    }

    /// True when the normalised code whose bytes are `bytes` is `.valid`: 18 ASCII characters
    /// from the alphabet with the right check character.
    static func isValid(ascii bytes: UnsafeRawBufferPointer) -> Bool {
        checkASCII(bytes.assumingMemoryBound(to: UInt8.self)) == .valid
    }

    /// `check` for any text, scalar by scalar.
    static func checkScalars(_ normalisedCode: String) -> Outcome {
        let scalars = Array(normalisedCode.unicodeScalars)
        guard scalars.count == 18 else { return .wrongLength }
        var values: [Int] = []
        values.reserveCapacity(18)
        for scalar in scalars {
            guard let value = alphabetValue(scalar) else { return .invalidCharacter }
            values.append(value)
        }
        let expected = checkCharacter(forValues: values.prefix(17))
        return Character(scalars[17]) == expected ? .valid : .wrongCheckCharacter(expected: expected)
    }

    /// The check character for the first 17 characters of a code; nil when `body` is not 17
    /// characters of the alphabet.
    public static func checkCharacter(for body: String) -> Character? {
        let scalars = Array(body.unicodeScalars)
        guard scalars.count == 17 else { return nil }
        var values: [Int] = []
        for scalar in scalars {
            guard let value = alphabetValue(scalar) else { return nil }
            values.append(value)
        }
        return checkCharacter(forValues: values[...])
    }

    /// The characters of codes, in the order of their values 0...30.
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".unicodeScalars)

    /// The weight of each of the first 17 positions: 3^(position - 1) mod 31.
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// `checkScalars` of a code given as UTF-8, when it is all ASCII (as codes are), so that
    /// bytes are characters and a table gives their values; nil for any other text.
    private static func checkASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard bytes.count == 18 else { return .wrongLength }
        var sum = 0
        for position in 0..<18 {
            let value = asciiValues[Int(bytes[position])]
            guard value >= 0 else { return .invalidCharacter }
            if position < 17 { sum += Int(value) * weights[position] }
        }
        let expected = alphabet[(31 - sum % 31) % 31]
        return bytes[17] == UInt8(expected.value) ? .valid : .wrongCheckCharacter(expected: Character(expected))
    }

    /// The value in the alphabet of each ASCII byte; -1 for the bytes outside it.
    private static let asciiValues: [Int8] = (0..<128).map { byte in
        alphabet.firstIndex(of: Unicode.Scalar(UInt8(byte))).map { Int8($0) } ?? -1
    }

    /// The value of `scalar` in the alphabet, or nil when it is not in it.
    private static func alphabetValue(_ scalar: Unicode.Scalar) -> Int? {
        alphabet.firstIndex(of: scalar)
    }

    /// The check character for the values of the first 17 characters.
    private static func checkCharacter(forValues values: ArraySlice<Int>) -> Character {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        // 31 - (sum mod 31) is 1...31; 31 stands for the value 0.
        let checkValue = (31 - sum % 31) % 31
        return Character(alphabet[checkValue])
    }
}
