import Yams

/// What a report template can name: every figure of figures.json under its id (a dotted id is a
/// path: `{{penalties.by_type.fine}}`), the bureau's own facts from facts.yaml under `facts.`,
/// and a few figures written out in words under `words.`.
public struct ReportContext: Sendable {
    /// A nested value tree: dictionaries, arrays, strings and integers.
    public let root: [String: any Sendable]

    /// Builds the context; string values are already escaped for Markdown.
    public init(figures: Figures, facts: [String: any Sendable], lockdownMonths: [YearMonth], asOf: CalendarDay?,
                isFinal: Bool, periods: [NamedPeriod] = []) {
        var root: [String: any Sendable] = [:]
        for id in figures.ids {
            let value: any Sendable
            switch figures.values[id]! {
            case .integer(let number): value = number
            case .text(let text): value = TextEscaping.markdown(text)
            case .texts(let texts): value = texts.map(TextEscaping.markdown)
            case .null: value = "—"
            }
            Self.insert(value, at: id.split(separator: ".").map(String.init), into: &root)
        }
        root["facts"] = Self.escaped(facts)
        root["words"] = [
            "lockdown_months": lockdownMonths.sorted().map { "\($0.month)月" }.joined(separator: "、"),
            "has_lockdown": !lockdownMonths.isEmpty,
            "as_of": asOf.map(ReturnBuilder.chineseDate) ?? "—",
            "status": isFinal ? "正式" : "初步",
            "periods": Dictionary(uniqueKeysWithValues: periods.map { period in
                (period.name, ["from": ReturnBuilder.chineseDate(period.from),
                               "to": ReturnBuilder.chineseDate(period.to)] as [String: any Sendable])
            }) as [String: any Sendable],
        ] as [String: any Sendable]
        self.root = root
    }

    private static func insert(_ value: any Sendable, at path: [String], into tree: inout [String: any Sendable]) {
        guard let head = path.first else { return }
        if path.count == 1 {
            tree[head] = value
            return
        }
        var child = tree[head] as? [String: any Sendable] ?? [:]
        insert(value, at: Array(path.dropFirst()), into: &child)
        tree[head] = child
    }

    private static func escaped(_ value: any Sendable) -> any Sendable {
        switch value {
        case let text as String: return TextEscaping.markdown(text)
        case let list as [any Sendable]: return list.map(escaped)
        case let map as [String: any Sendable]: return map.mapValues(escaped)
        default: return value
        }
    }

    /// The value at a dotted path from the root, if any.
    func value(at path: String) -> (any Sendable)? {
        var current: any Sendable = root
        for part in path.split(separator: ".") {
            guard let map = current as? [String: any Sendable], let next = map[String(part)] else { return nil }
            current = next
        }
        return current
    }

    /// Reads facts.yaml: a mapping of the bureau's own figures (catalogue counts, case-file
    /// review results, contracts reviewed, normative documents kept or repealed).
    public static func loadFacts(path: String) throws(ReportTemplateError) -> [String: any Sendable] {
        let text: String
        do {
            text = try FileBytes.readText(path: path)
        } catch {
            throw .unreadable(path: path, reason: error.description)
        }
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: text)
        } catch {
            throw .badFacts(path: path, reason: "not valid YAML: \(error)")
        }
        guard let loaded else { return [:] }
        guard let map = sendable(loaded) as? [String: any Sendable] else {
            throw .badFacts(path: path, reason: "the file must be a mapping of names to values")
        }
        return map
    }

    /// YAML values as plain Swift values: mappings with string keys, lists, integers, strings.
    private static func sendable(_ value: Any) -> any Sendable {
        switch value {
        case let map as [AnyHashable: Any]:
            var result: [String: any Sendable] = [:]
            for (key, item) in map { result["\(key.base)"] = sendable(item) }
            return result
        case let list as [Any]: return list.map(sendable)
        case let number as Int: return number
        case let flag as Bool: return flag
        case let number as Double: return String(number)
        default: return "\(value)"
        }
    }
}
