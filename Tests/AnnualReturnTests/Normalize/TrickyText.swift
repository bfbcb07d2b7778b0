import Foundation
import PropertyBased
@testable import AnnualReturn

/// Cell text for checking the byte-level fast paths against the general paths: the pieces
/// exports are made of, and the ones that trip up Unicode handling.
enum TrickyText {
    static let pieces: [String] = [
        // ASCII, the separators and signs of dates, amounts and lists, ASCII whitespace.
        "a", "y", "Z", "T", "0", "1", "5", "9", "-", "/", ".", ",", ";", "+", ":", " ", "\t", "\r\n", "\n",
        // Full-width ASCII and the ideographic space, which NFKC maps scalar by scalar.
        "０", "５", "９", "Ａ", "ｙ", "－", "／", "．", "，", "：", "＋", "；", "（", "）", "\u{3000}", "￥",
        // Other whitespace and invisible characters.
        "\u{00A0}", "\u{2009}", "\u{202F}", "\u{0085}", "\u{1680}", "\u{2028}", "\u{200B}", "\u{2060}", "\u{FEFF}",
        // Combining marks, alone and after a base; half-width kana whose voicing mark composes.
        "\u{0301}", "\u{3099}", "e\u{0301}", "é", "ｶ", "ﾞ",
        // CJK compatibility ideographs (NFKC maps them to unified ones), Hangul jamo that compose.
        "\u{F900}", "\u{FA10}", "\u{2F800}", "\u{1100}", "\u{1161}", "가",
        // CJK text of dates, amounts, yes/no, summary rows and categories.
        "年", "月", "日", "元", "万", "万元", "是", "否", "有", "无", "合计", "小计", "总计", "说明", "填表说明", "注",
        "罚款", "警告", "危险化学品", "其他", "公司",
        // CJK punctuation inside and outside the known NFKC set, and symbols NFKC changes.
        "、", "〔", "〕", "【", "—", "“", "√", "×", "✓", "¥", "①", "ﬁ", "Ⅻ", "㈱", "🧯",
    ]

    /// One of `values`, each as likely.
    static func oneOf<Value: Sendable>(_ values: [Value]) -> Generator<Value, Shrink.None<Value?>> {
        Gen.element(of: values).map { $0! }
    }

    /// Text of up to ten pieces.
    static let text = oneOf(pieces).array(of: 0...10).map { $0.joined() }

    /// Arbitrary bytes, mostly ASCII digits and date characters, with bytes that start,
    /// continue or break UTF-8 sequences; for checking that malformed input takes the general
    /// path.
    static let bytes = oneOf([
        0x20, 0x30, 0x31, 0x32, 0x2D, 0x2F, 0x2E, 0x41, 0x61, 0x80, 0x81, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0,
        0xE3, 0xE4, 0xE5, 0xE9, 0xED, 0xEF, 0xF0, 0xF4, 0xFF,
    ] as [UInt8]).array(of: 0...12)

    // MARK: - The general paths, as the specification

    /// `TextNormalizer.compact` by its definition: NFKC by Foundation, then every scalar
    /// `compact` removes left out.
    static func compact(_ text: String) -> String {
        String(String.UnicodeScalarView(
            TextNormalizer.generalNFKC(text).unicodeScalars.filter { !TextNormalizer.isRemovedByCompact($0) }))
    }

    /// The UTF-8 of `text`, for comparing results byte for byte: records compare their text
    /// that way, not by `String` equality, which holds for canonically equivalent text too.
    static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// The UTF-8 of each of `texts`.
    static func utf8(_ texts: [String]) -> [[UInt8]] { texts.map(utf8) }

    /// Calls `body` with the UTF-8 of `text`.
    static func withUTF8<Result>(_ text: String, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        Array(text.utf8).withUnsafeBytes(body)
    }
}
