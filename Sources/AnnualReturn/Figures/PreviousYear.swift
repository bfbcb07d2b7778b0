import Foundation

/// Last year's figures, read from last year's return.json, for the year-over-year columns.
public struct PreviousYear: Sendable, Equatable {
    /// The return.json they were read from, as the configuration names it.
    public var source: String
    public var year: Int
    /// Figure id → last year's value, for every cell of last year's return that names one.
    public var figures: [String: FigureValue]

    /// The figures compared year over year: the headline of each table.
    public static let headlineIDs = [
        "inspections.count", "inspections.enterprises", "hazards.general", "hazards.major",
        "hazards.rectified", "patrols.count", "patrols.enterprises", "penalties.cases",
        "penalties.fines_yuan", "penalties.confiscations_yuan", "penalties.total_yuan",
        "enforcement.measures", "enforcement.executions",
    ]

    public init(source: String, year: Int, figures: [String: FigureValue]) {
        self.source = source
        self.year = year
        self.figures = figures
    }

    /// Why last year's return cannot be used.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Reads the figures of a return.json written by this tool: every table cell that names
    /// a figure id carries its value.
    public static func load(path: String, source: String) throws(LoadError) -> PreviousYear {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: path)
        } catch {
            throw LoadError(path: source, reason: "cannot be read: \(error.description)")
        }
        guard let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let year = root["year"] as? Int, let tables = root["tables"] as? [[String: Any]] else {
            throw LoadError(path: source, reason: "is not a return.json written by annual-return")
        }
        var figures: [String: FigureValue] = [:]
        for table in tables {
            for row in table["rows"] as? [[String: Any]] ?? [] {
                for cell in row["cells"] as? [[String: Any]] ?? [] {
                    guard let id = cell["figure"] as? String else { continue }
                    switch cell["value"] {
                    case let number as Int: figures[id] = .integer(number)
                    case let text as String: figures[id] = .text(text)
                    default: figures[id] = .null
                    }
                }
            }
        }
        return PreviousYear(source: source, year: year, figures: figures)
    }

    /// The change from last year to `current` as (absolute change, percent change); nil when
    /// either value is missing or not a number. The percent is nil when last year's was 0.
    public func change(of id: String, current: FigureValue?) -> (absolute: FigureValue, percent: String?)? {
        guard let current, let previous = figures[id] else { return nil }
        switch (current, previous) {
        case (.integer(let now), .integer(let before)):
            return (.integer(now - before), Ratio.percent(now - before, of: before))
        case (.text(let now), .text(let before)):
            guard case .amount(let nowFen) = AmountParser.parse(now),
                  case .amount(let beforeFen) = AmountParser.parse(before) else { return nil }
            let difference = nowFen - beforeFen
            return (.text(difference.yuanString), Ratio.percent(Int(difference.value), of: Int(beforeFen.value)))
        default:
            return nil
        }
    }
}
