/// Making text that came from input safe inside an HTML page and its inline SVG.
enum HTMLEscaping {
    /// Text for an element's content or a quoted attribute value: `&`, `<`, `>`, `"` and `'`
    /// become entities, so input can neither open a tag nor close an attribute.
    ///
    /// C0 control characters other than tab, line feed and carriage return are dropped: HTML
    /// does not allow them, and in the inline SVG they would make the markup ill-formed XML.
    static func text(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}": continue
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// A fragment identifier made from a stable id: ASCII letters, digits, `-` and `_` are kept,
    /// anything else becomes `-`, so the result needs no escaping in an `id` attribute.
    static func identifier(_ id: String) -> String {
        String(id.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": return Character(scalar)
            default: return "-"
            }
        })
    }
}
