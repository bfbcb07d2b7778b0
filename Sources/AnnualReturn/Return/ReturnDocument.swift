/// The return itself: its tables in the published order, with units, the counting convention of
/// each table, and the footnotes. Every output format (JSON, Markdown, and later XLSX, HTML and
/// CSV) is rendered from this one value.
public struct ReturnDocument: Sendable {

    public var title: String
    public var bureau: String
    public var year: Int
    public var asOf: CalendarDay?
    public var isFinal: Bool
    public var lockdownMonths: [YearMonth]
    public var tables: [ReturnTable]
    /// Footnotes for the whole return, in order.
    public var notes: [String]

    /// 正式 or 初步.
    public var statusLabel: String { isFinal ? "正式" : "初步" }
}

/// One table of the return.
public struct ReturnTable: Sendable {
    /// A stable id (`inspections`, `penalties_by_type`, …).
    public var id: String
    public var title: String
    /// How the table counts, stated because the two penalty conventions differ.
    public var convention: String?
    public var columns: [ReturnColumn]
    public var rows: [ReturnRow]
    public var notes: [String] = []

    /// A row's label as people read it: with the row's unit when the table's columns carry
    /// none ("检查次数（家次）"), as in a single-column table of mixed units.
    public func displayLabel(of row: ReturnRow) -> String {
        guard let unit = row.unit, columns.allSatisfy({ $0.unit.isEmpty }), !row.label.hasSuffix("）") else {
            return row.label
        }
        return "\(row.label)（\(unit)）"
    }
}

/// A column: its heading and the unit of its cells.
public struct ReturnColumn: Sendable {
    public var id: String
    public var title: String
    /// 件, 家, 家次, 次, 项, 个, 元, 万元, %.
    public var unit: String
}

/// A row: its label and one cell per column.
public struct ReturnRow: Sendable {
    public var id: String
    public var label: String
    public var cells: [ReturnCell]
    /// Indentation level for sub-rows (0 = top level).
    public var level: Int = 0
    /// The unit of this row's cells when it differs by row (single-column tables); else the
    /// column's unit applies.
    public var unit: String?
    /// The figures.json id behind each cell, where there is one (same order as `cells`).
    public var figureIDs: [String?] = []
}

/// A cell's value. Numbers stay numbers; how they are written is each renderer's business.
public enum ReturnCell: Sendable, Equatable {
    case count(Int)
    case money(Fen)
    /// Money in 万元 (shown with two decimals, half-up).
    case wanyuan(Fen)
    /// A number with one decimal (a percent rate, a monthly average), or nil when it cannot be
    /// computed (a denominator of 0). Kept as the exact decimal text it was rounded to.
    case decimal(String?)
    /// A declared lockdown month: shown as 停 when nothing happened, else the count with a mark.
    case suspended(Int)
    case text(String)
}
