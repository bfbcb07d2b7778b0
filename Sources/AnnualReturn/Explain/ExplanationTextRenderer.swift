/// The plain-text form of an explanation, for a terminal or a mail: a header line with the id,
/// its value and the rule; one line per entry; notes; and a footer with the total that must
/// equal the figure.
///
/// ```
/// penalties.by_type.fine = 1  规则：按最重处罚种类：… Rule: Cases of the year whose heaviest …
/// exports/penalties-new.csv:3  CF-002  2022-01-05  最重处罚种类 罚款（罚款）
/// 合计：1 件 = penalties.by_type.fine 1（相符）
/// ```
///
/// A distinct enterprise takes one line, followed by one indented line per record naming it.
public enum ExplanationTextRenderer {
    /// The explanation as lines of text, each ended by a line feed.
    public static func render(_ explanation: FigureExplanation) -> String {
        var lines = ["\(explanation.id) = \(explanation.value)  规则：\(explanation.ruleChinese)  Rule: \(explanation.ruleEnglish)"]
        for entry in explanation.entries {
            lines.append(line(entry))
            for source in entry.sources { lines.append("    " + line(source)) }
        }
        for note in explanation.notes { lines.append("注：" + note) }
        lines.append(explanation.footer)
        return lines.map { singleLine($0) + "\n" }.joined()
    }

    /// `place  key  date  reason`, leaving out what the entry does not have.
    static func line(_ entry: ExplanationEntry) -> String {
        [entry.place, entry.key, entry.date?.description, entry.reason]
            .compactMap { $0 }
            .filter { !$0.isEmpty }
            .joined(separator: "  ")
    }

    /// Text from the exports may hold line breaks (a quoted cell) or other control characters
    /// (a stray escape sequence): each becomes a space, so an entry stays on one line and
    /// nothing from the data can drive the terminal.
    private static func singleLine(_ text: String) -> String {
        String(text.map { character in
            character.unicodeScalars.contains { $0.properties.generalCategory == .control } ? " " : character
        })
    }
}
