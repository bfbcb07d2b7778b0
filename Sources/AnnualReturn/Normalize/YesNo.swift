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

    /// Yes, in lower case.
    private static let yesForms: Set<String> = ["是", "有", "√", "✓", "✔", "1", "y", "yes", "true"]

    /// No, in lower case.
    private static let noForms: Set<String> = ["否", "无", "×", "✗", "✘", "0", "n", "no", "false"]
}
