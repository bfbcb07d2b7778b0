import Glibc
import Yams

/// Reads and checks a YAML configuration file, walking the YAML tree by hand so that every
/// unknown key, malformed month or range and missing file is named in the error.
public enum ConfigurationLoader {
    static let topLevelKeys = ["bureau", "year", "lockdown_months", "inputs", "periods", "columns",
                               "output", "as_of", "final", "final_from", "encoding", "report_template", "facts", "calendars",
                               "previous_return"]

    /// Loads the configuration at `path`; relative paths inside resolve against its folder.
    /// - Throws: ``ConfigurationError``.
    public static func load(path: String) throws(ConfigurationError) -> ReturnConfiguration {
        let text: String
        do {
            text = try FileBytes.readText(path: path)
        } catch {
            throw .unreadable(path: path, reason: error.description)
        }
        return try parse(yaml: text, path: path, baseFolder: FilePath.folder(of: path))
    }

    /// Parses configuration text as if it were read from `path` in `baseFolder`.
    public static func parse(yaml: String, path: String, baseFolder: String) throws(ConfigurationError) -> ReturnConfiguration {
        let root: Node
        do {
            // Every value is read as text, so no tag needs resolving: the basic resolver spares
            // compiling the default one's regular expressions, 3 ms of every run's start.
            guard let node = try Yams.compose(yaml: yaml, .basic) else { throw ConfigurationError.missingKey(key: "bureau") }
            root = node
        } catch let error as ConfigurationError {
            throw error
        } catch {
            // The YAML library's message can quote the whole text; a line is enough to act on.
            let message = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
            throw .notYAML(path: path, reason: message.count > 200 ? String(message.prefix(200)) + "…" : message)
        }
        let top = try mapping(root, key: "(top level)", allowed: topLevelKeys)

        let bureau = try string(required(top, "bureau"), key: "bureau")
        let yearText = try string(required(top, "year"), key: "year")
        guard let year = Int(yearText), (2000...2100).contains(year) else {
            throw .badValue(key: "year", value: yearText, expected: "a year such as 2022")
        }

        var lockdownMonths: [YearMonth] = []
        if let node = top["lockdown_months"] {
            for (index, item) in try sequence(node, key: "lockdown_months").enumerated() {
                let key = "lockdown_months[\(index)]"
                let text = try string(item, key: key)
                guard let month = YearMonth(parsing: text) else {
                    throw .badValue(key: key, value: text, expected: "a month written YYYY-MM, e.g. \"\(year)-03\"")
                }
                lockdownMonths.append(month)
            }
        }

        let inputsNode = try mapping(required(top, "inputs"), key: "inputs",
                                     allowed: Dataset.allCases.map(\.rawValue))
        var inputs: [Dataset: [ReturnConfiguration.InputFile]] = [:]
        for dataset in Dataset.allCases {
            guard let node = inputsNode[dataset.rawValue] else { continue }
            var files: [ReturnConfiguration.InputFile] = []
            for (index, item) in try sequence(node, key: "inputs.\(dataset.rawValue)").enumerated() {
                let key = "inputs.\(dataset.rawValue)[\(index)]"
                let pattern = try string(item, key: key)
                let matches = FilePath.expand(pattern, relativeTo: baseFolder)
                guard !matches.isEmpty else { throw .inputNotFound(key: key, path: pattern) }
                for match in matches {
                    files.append(.init(path: match, displayName: FilePath.display(match, relativeTo: baseFolder)))
                }
            }
            inputs[dataset] = files
        }
        guard inputs.values.contains(where: { !$0.isEmpty }) else {
            throw .missingKey(key: "inputs.inspections, inputs.penalties or inputs.enforcement")
        }

        var periods: [NamedPeriod] = []
        if let node = top["periods"] {
            let periodMap = try mapping(node, key: "periods", allowed: nil)
            for (name, value) in periodMap.entries {
                let key = "periods.\(name)"
                guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                    throw .badValue(key: key, value: name, expected: "a name of letters, digits and _")
                }
                let range = try mapping(value, key: key, allowed: ["from", "to"])
                let from = try day(required(range, "from", in: key), key: "\(key).from")
                let to = try day(required(range, "to", in: key), key: "\(key).to")
                guard from <= to else {
                    throw .badValue(key: key, value: "\(from)..\(to)", expected: "a range whose `from` is not after its `to`")
                }
                periods.append(NamedPeriod(name: name, from: from, to: to))
            }
        }

        var columnMappings: [Dataset: [String: String]] = [:]
        if let node = top["columns"] {
            let byDataset = try mapping(node, key: "columns", allowed: Dataset.allCases.map(\.rawValue))
            for dataset in Dataset.allCases {
                guard let datasetNode = byDataset[dataset.rawValue] else { continue }
                let key = "columns.\(dataset.rawValue)"
                let validKeys = dataset.columns.map(\.key)
                var mapped: [String: String] = [:]
                for (header, value) in try mapping(datasetNode, key: key, allowed: nil).entries {
                    let target = try string(value, key: "\(key).\(header)")
                    guard validKeys.contains(target) else {
                        throw .badValue(key: "\(key).\(header)", value: target,
                                        expected: "one of the canonical keys \(validKeys.joined(separator: ", "))")
                    }
                    mapped[TextNormalizer.headerKey(header)] = target
                }
                columnMappings[dataset] = mapped
            }
        }

        var outputText = "output"
        if let node = top["output"] { outputText = try string(node, key: "output") }
        var asOf: CalendarDay?
        if let node = top["as_of"] { asOf = try day(node, key: "as_of") }
        var isFinal = false
        if let node = top["final"] {
            let text = try string(node, key: "final")
            switch text.lowercased() {
            case "true", "yes": isFinal = true
            case "false", "no": isFinal = false
            default: throw .badValue(key: "final", value: text, expected: "true or false")
            }
        }
        // final_from: the return turns final (正式) on that date. Only the status depends on the
        // clock; the figures and the as-of date never do.
        if let node = top["final_from"] {
            let day = try day(node, key: "final_from")
            if let today = CalendarDay.today(), today >= day { isFinal = true }
        }
        var encoding = EncodingChoice.auto
        if let node = top["encoding"] {
            let text = try string(node, key: "encoding")
            guard let choice = EncodingChoice(rawValue: text) else {
                throw .badValue(key: "encoding", value: text, expected: "auto, utf8 or gb18030")
            }
            encoding = choice
        }

        // calendars: the folder of working-day calendars (<year>.yaml), which the "published
        // within 7 working days" figures are counted with; without it they are left empty.
        var calendarFolder: String?
        if let node = top["calendars"] {
            let name = try string(node, key: "calendars")
            let path = FilePath.resolve(name, relativeTo: baseFolder)
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw .inputNotFound(key: "calendars", path: name)
            }
            calendarFolder = path
        }
        let reportTemplate = try optionalFile(top, "report_template", baseFolder: baseFolder)
        let factsFile = try optionalFile(top, "facts", baseFolder: baseFolder)

        let outputFolder = FilePath.resolve(outputText, relativeTo: baseFolder)
        var notices: [String] = []
        var previousYear: PreviousYear?
        if let node = top["previous_return"] {
            let name = try string(node, key: "previous_return")
            let path = FilePath.resolve(name, relativeTo: baseFolder)
            guard access(path, R_OK) == 0 else { throw .inputNotFound(key: "previous_return", path: name) }
            do {
                previousYear = try PreviousYear.load(path: path, source: name)
            } catch {
                throw .badValue(key: "previous_return", value: name, expected: "last year's return.json (\(error.reason))")
            }
        } else {
            // Last year's return where this tool wrote it; one that cannot be read is skipped,
            // and the run says so, rather than blocking this year's return.
            let path = "\(outputFolder)/\(year - 1)/return.json"
            if access(path, R_OK) == 0 {
                do {
                    previousYear = try PreviousYear.load(path: path, source: FilePath.display(path, relativeTo: baseFolder))
                } catch {
                    notices.append("last year's return \(error); the return is made without the year-over-year comparison")
                }
            }
        }

        var configuration = ReturnConfiguration(
            bureau: bureau, year: year, lockdownMonths: lockdownMonths, inputs: inputs,
            periods: periods, columnMappings: columnMappings,
            outputFolder: outputFolder,
            asOf: asOf, isFinal: isFinal, encoding: encoding, baseFolder: baseFolder,
            reportTemplate: reportTemplate, factsFile: factsFile, previousYear: previousYear)
        configuration.notices = notices
        configuration.calendarFolder = calendarFolder
        return configuration
    }

    // MARK: Walking the YAML tree

    /// A mapping's entries in file order, with the keys as strings.
    struct Entries {
        var entries: [(String, Node)]
        subscript(key: String) -> Node? { entries.first { $0.0 == key }?.1 }
    }

    private static func mapping(_ node: Node, key: String, allowed: [String]?) throws(ConfigurationError) -> Entries {
        guard let mapping = node.mapping else {
            throw .badValue(key: key, value: describe(node), expected: "a mapping of keys to values")
        }
        var entries: [(String, Node)] = []
        for (keyNode, value) in mapping {
            let name = keyNode.string ?? describe(keyNode)
            let path = key == "(top level)" ? name : "\(key).\(name)"
            if let allowed, !allowed.contains(name) { throw .unknownKey(key: path, allowed: allowed) }
            entries.append((name, value))
        }
        return Entries(entries: entries)
    }

    private static func sequence(_ node: Node, key: String) throws(ConfigurationError) -> [Node] {
        if let sequence = node.sequence { return Array(sequence) }
        if node.scalar != nil { return [node] }  // a single path written without brackets
        throw .badValue(key: key, value: describe(node), expected: "a list")
    }

    private static func string(_ node: Node, key: String) throws(ConfigurationError) -> String {
        guard let scalar = node.scalar else {
            throw .badValue(key: key, value: describe(node), expected: "a single value")
        }
        return scalar.string
    }

    private static func day(_ node: Node, key: String) throws(ConfigurationError) -> CalendarDay {
        let text = try string(node, key: key)
        guard let day = CalendarDay(iso: text) else {
            throw .badValue(key: key, value: text, expected: "a date written YYYY-MM-DD")
        }
        return day
    }

    /// A file named by `key`, resolved against the configuration's folder; it must exist.
    private static func optionalFile(_ entries: Entries, _ key: String, baseFolder: String) throws(ConfigurationError) -> String? {
        guard let node = entries[key] else { return nil }
        let name = try string(node, key: key)
        let path = FilePath.resolve(name, relativeTo: baseFolder)
        guard access(path, R_OK) == 0 else { throw .inputNotFound(key: key, path: name) }
        return path
    }

    private static func required(_ entries: Entries, _ name: String, in parent: String? = nil) throws(ConfigurationError) -> Node {
        guard let node = entries[name] else { throw .missingKey(key: parent.map { "\($0).\(name)" } ?? name) }
        return node
    }

    private static func describe(_ node: Node) -> String {
        // Enough of a wrong value to recognise it: a CSV given as the configuration is one
        // scalar as long as the file.
        if let scalar = node.scalar {
            let text = scalar.string.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            return text.count > 80 || scalar.string.contains("\n") ? String(text.prefix(80)) + "…" : text
        }
        if node.sequence != nil { return "a list" }
        return "a mapping"
    }
}
