/// `return.json`: the whole return for machines — the city office that merges district returns,
/// and any later tool. Money is a string with two decimals, counts are integers.
public enum ReturnJSONRenderer {
    /// The version of return.json's structure, written as its `schema_version`.
    ///
    /// - 1: the return's tables, notes and facts (bureau, year, as-of date, status, lockdown
    ///   months).
    /// - 2: the same members, unchanged and in the same order, followed by `aggregate`: the
    ///   counts behind the tables, enterprise references hashed, and the row totals of each
    ///   dataset (``AggregateJSONEncoder``). `annual-return merge` reads it to roll district
    ///   returns up with exact distinct-enterprise counts.
    /// - 3: the aggregate's tallies also count the three systems (三项制度: publication in
    ///   time, legal review of major decisions, hearings). `merge` reads version 3 only.
    public static let schemaVersion = 3

    /// The whole return.json of a run: the tables of `document` and the aggregate of
    /// `result`, which a merge needs.
    public static func render(_ document: ReturnDocument, result: RunResult) -> [UInt8] {
        value(document, result: result).renderedBytes()
    }

    /// The same bytes, handed to `emit` a chunk at a time (see ``JSONValue/writeRendered(chunkBytes:to:)``).
    static func write<Failure: Error>(_ document: ReturnDocument, result: RunResult,
                                      to emit: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        try value(document, result: result).writeRendered(to: emit)
    }

    private static func value(_ document: ReturnDocument, result: RunResult) -> JSONValue {
        var members = members(document, schemaVersion: schemaVersion)
        members.append(("aggregate", AggregateJSONEncoder.encode(result.aggregate, accounts: result.accounts)))
        return .object(members)
    }

    /// The members every version has, in their published order.
    private static func members(_ document: ReturnDocument, schemaVersion: Int) -> [(String, JSONValue)] {
        [
            ("schema_version", .integer(schemaVersion)),
            ("title", .string(document.title)),
            ("bureau", .string(document.bureau)),
            ("year", .integer(document.year)),
            ("as_of", document.asOf.map { .string($0.description) } ?? .null),
            ("status", .string(document.isFinal ? "final" : "provisional")),
            ("lockdown_months", .array(document.lockdownMonths.map { .string($0.description) })),
            ("tables", .array(document.tables.map(table))),
            ("notes", .array(document.notes.map(JSONValue.string))),
        ]
    }

    private static func table(_ table: ReturnTable) -> JSONValue {
        .object([
            ("id", .string(table.id)),
            ("title", .string(table.title)),
            ("convention", table.convention.map(JSONValue.string) ?? .null),
            ("columns", .array(table.columns.map { column in
                .object([("id", .string(column.id)), ("title", .string(column.title)), ("unit", .string(column.unit))])
            })),
            ("rows", .array(table.rows.map { row in
                .object([
                    ("id", .string(row.id)),
                    ("label", .string(row.label)),
                    ("display_label", .string(table.displayLabel(of: row))),
                    ("level", .integer(row.level)),
                    ("unit", row.unit.map(JSONValue.string) ?? .null),
                    ("cells", .array(row.cells.enumerated().map { index, cell in
                        let figure = index < row.figureIDs.count ? row.figureIDs[index] : nil
                        return self.cell(cell, figure: figure)
                    })),
                ])
            })),
            ("notes", .array(table.notes.map(JSONValue.string))),
        ])
    }

    private static func cell(_ cell: ReturnCell, figure: String?) -> JSONValue {
        var members: [(String, JSONValue)] = []
        switch cell {
        case .count(let value):
            members = [("kind", .string("count")), ("value", .integer(value))]
        case .money(let fen):
            members = [("kind", .string("money")), ("value", .string(fen.yuanString))]
        case .wanyuan(let fen):
            members = [("kind", .string("wanyuan")), ("value", .string(fen.wanyuanString))]
        case .decimal(let text):
            members = [("kind", .string("decimal")), ("value", text.map(JSONValue.string) ?? .null)]
        case .suspended(let value):
            members = [("kind", .string("suspended")), ("value", .integer(value)), ("suspended", .bool(true))]
        case .text(let text):
            members = [("kind", .string("text")), ("value", .string(text))]
        }
        if let figure { members.append(("figure", .string(figure))) }
        return .object(members)
    }
}
