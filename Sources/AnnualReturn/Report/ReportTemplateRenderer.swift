import Mustache

/// Renders `report.md`, the written report's paragraphs, from a Mustache template over the
/// figures and the bureau's facts.
///
/// Before rendering, every name the template uses is checked: a misspelt figure would otherwise
/// render as an empty string in a published report. An unknown name is an error naming it and
/// the line it is on.
public enum ReportTemplateRenderer {
    /// Renders `template` (read from `file`, named so in errors) with `context`.
    public static func render(template: String, file: String, context: ReportContext) throws(ReportTemplateError) -> [UInt8] {
        try check(template: template, file: file, context: context)
        let parsed: MustacheTemplate
        do {
            // Values are already escaped for Markdown; Mustache's own escaping is for HTML. The
            // pragma stands on a line of its own, which Mustache drops: hence the line - 1.
            parsed = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + template)
        } catch let error as MustacheTemplate.ParserError {
            throw .syntax(file: file, line: error.context.lineNumber - 1, message: "the template is not valid Mustache: \(error.error)")
        } catch {
            throw .syntax(file: file, line: 0, message: "the template is not valid Mustache: \(error)")
        }
        return Array(parsed.render(context.root).utf8)
    }

    /// Checks every tag of `template` names something `context` holds. Inside a section over a
    /// list, the names of the list's items count too.
    static func check(template: String, file: String, context: ReportContext) throws(ReportTemplateError) {
        var sections: [String] = []
        var searchStart = template.startIndex
        // Tags are met in order, so their lines are counted on from the last one's: counting
        // from the start for every tag made checking a long template quadratic.
        var lineCount = LineCount(template)
        while let open = template.range(of: "{{", range: searchStart..<template.endIndex) {
            guard let close = template.range(of: "}}", range: open.upperBound..<template.endIndex) else {
                throw .syntax(file: file, line: lineCount.line(of: open.lowerBound), message: "a `{{` is never closed")
            }
            var inner = Substring(template[open.upperBound..<close.lowerBound])
            searchStart = close.upperBound
            if inner.hasPrefix("{"), template[close.upperBound...].hasPrefix("}") {
                inner = inner.dropFirst()  // {{{name}}}
                searchStart = template.index(after: close.upperBound)
            }
            let line = lineCount.line(of: open.lowerBound)
            guard let sigil = inner.first else { continue }
            switch sigil {
            case "!", "%":
                continue  // comment, pragma
            case "=":
                throw .syntax(file: file, line: line, message: "changing the delimiters is not supported; keep {{ }}")
            case ">", "<", "$":
                throw .syntax(file: file, line: line, message: "partials and blocks are not supported in report templates")
            case "/":
                let name = trimmed(inner.dropFirst())
                guard sections.last == name else {
                    throw .syntax(file: file, line: line, message: "`{{/\(name)}}` closes no open `{{#\(name)}}`")
                }
                sections.removeLast()
            case "#", "^":
                let name = trimmed(inner.dropFirst())
                try require(name, sections: sections, file: file, line: line, context: context)
                sections.append(name)
            case "&":
                try require(trimmed(inner.dropFirst()), sections: sections, file: file, line: line, context: context)
            default:
                try require(trimmed(inner), sections: sections, file: file, line: line, context: context)
            }
        }
        if let open = sections.last {
            throw .syntax(file: file, line: lineCount.line(of: template.endIndex), message: "`{{#\(open)}}` is never closed")
        }
    }

    private static func require(_ name: String, sections: [String], file: String, line: Int,
                                context: ReportContext) throws(ReportTemplateError) {
        if name == "." || context.value(at: name) != nil { return }
        // Inside a section over a list of mappings, the items' keys are names too.
        for section in sections.reversed() {
            if let items = context.value(at: section) as? [any Sendable],
               items.contains(where: { ($0 as? [String: any Sendable]).map { item in
                   ReportContext.lookup(name, in: item) != nil
               } ?? false }) {
                return
            }
            if let map = context.value(at: section) as? [String: any Sendable], ReportContext.lookup(name, in: map) != nil {
                return
            }
        }
        throw .unknownFigure(name: name, file: file, line: line)
    }

    private static func trimmed(_ text: Substring) -> String {
        text.trimmingWhitespace()
    }

    /// The line of each of a text's positions, asked for in increasing order.
    private struct LineCount {
        let text: String
        private var counted: String.Index
        private var line = 1

        init(_ text: String) {
            self.text = text
            counted = text.startIndex
        }

        mutating func line(of index: String.Index) -> Int {
            line += text.utf8[counted..<index].reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            counted = index
            return line
        }
    }
}

extension ReportContext {
    /// The value at a dotted path inside `map`.
    static func lookup(_ path: String, in map: [String: any Sendable]) -> (any Sendable)? {
        var current: any Sendable = map
        for part in path.split(separator: ".") {
            guard let next = (current as? [String: any Sendable])?[String(part)] else { return nil }
            current = next
        }
        return current
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }
}
