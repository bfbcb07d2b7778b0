/// Reads the yes/no cells of exports (是否听证, 是否法制审核).
public enum YesNo {
    /// True for a yes, false for a no or an empty cell, nil for anything else (validation warns
    /// and treats it as no).
    ///
    /// After NFKC and trimming, yes is 是, 有, √, ✓, ✔, 1, y, yes, true; no is 否, 无, ×, ✗, ✘,
    /// 0, n, no, false. Latin words match in any case (`YES`, `True`, full-width `Ｙ`).
    public static func parse(_ text: String) -> Bool? {
        let key = TextNormalizer.trimmingWhitespace(TextNormalizer.nfkc(text)).lowercased()
        if key.isEmpty { return false }
        if yesForms.contains(key) { return true }
        if noForms.contains(key) { return false }
        return nil
    }

    /// Parses one cell given as UTF-8; the same result as `parse(_:)` on its text.
    ///
    /// A cell already in NFKC (`TextNormalizer.isKnownNFKC`) is compared on its bytes, where
    /// lower-casing touches only ASCII letters; any other goes through `parse(_:)`.
    static func parse(utf8 bytes: UnsafeRawBufferPointer) -> Bool? {
        guard TextNormalizer.isKnownNFKC(utf8: bytes) else { return parse(String(decoding: bytes, as: UTF8.self)) }
        // Text already in NFKC has no whitespace beyond ASCII.
        let key = TextNormalizer.trimmingASCIIWhitespace(bytes)
        if key.isEmpty { return false }
        if yesFormBytes.contains(where: { equalsIgnoringASCIICase(key, $0) }) { return true }
        if noFormBytes.contains(where: { equalsIgnoringASCIICase(key, $0) }) { return false }
        return nil
    }

    /// Whether `bytes`, with ASCII letters lower-cased, are `lowerCaseForm`.
    private static func equalsIgnoringASCIICase(_ bytes: UnsafeRawBufferPointer, _ lowerCaseForm: [UInt8]) -> Bool {
        guard bytes.count == lowerCaseForm.count else { return false }
        for (byte, formByte) in zip(bytes, lowerCaseForm) {
            let lowered = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if lowered != formByte { return false }
        }
        return true
    }

    private static let yesFormBytes = yesForms.map { Array($0.utf8) }
    private static let noFormBytes = noForms.map { Array($0.utf8) }

    /// Yes, in lower case.
    private static let yesForms: Set<String> = ["是", "有", "√", "✓", "✔", "1", "y", "yes", "true"]

    /// No, in lower case.
    private static let noForms: Set<String> = ["否", "无", "×", "✗", "✘", "0", "n", "no", "false"]
}
