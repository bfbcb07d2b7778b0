/// The records of one dataset that a figure counts: those in scope that the selection accepts,
/// and, for the notes, those the selection accepts outside the scope.
struct RecordQuery {
    var dataset: Dataset
    var scope: FigureScope
    var tallying: Tallying
    /// Runs the query over a run's counted records.
    var run: (CountedRecords) -> (inside: [ExplanationEntry], outside: [ExplanationEntry])

    /// A query over the records at `records`: `select` gives a record's contribution and the
    /// reason it counts, or nil when it does not count for the figure whatever its date.
    static func over<Record: ExplainableRecord>(
        _ dataset: Dataset, _ records: KeyPath<CountedRecords, [Located<Record>]>, scope: FigureScope,
        tallying: Tallying = .count, select: @escaping (Record) -> (Contribution, String)?
    ) -> RecordQuery {
        RecordQuery(dataset: dataset, scope: scope, tallying: tallying) { counted in
            var inside: [ExplanationEntry] = [], outside: [ExplanationEntry] = []
            for located in counted[keyPath: records] {
                guard let (contribution, reason) = select(located.record) else { continue }
                let entry = ExplanationEntry(location: located.location, key: located.record.explainKey,
                                             date: located.record.decisiveDate, reason: reason,
                                             contribution: contribution)
                if scope.contains(located.record.decisiveDate) {
                    inside.append(entry)
                } else {
                    outside.append(entry)
                }
            }
            return (inside, outside)
        }
    }
}

extension RecordQuery {
    /// A query whose records belong to the period of a day other than their decisive date —
    /// a licensing application by the day it was made, say; a record with no such day does
    /// not count.
    static func over<Record: ExplainableRecord>(
        _ dataset: Dataset, _ records: KeyPath<CountedRecords, [Located<Record>]>, scope: FigureScope,
        tallying: Tallying = .count, dated day: @escaping (Record) -> CalendarDay?,
        select: @escaping (Record) -> (Contribution, String)?
    ) -> RecordQuery {
        RecordQuery(dataset: dataset, scope: scope, tallying: tallying) { counted in
            var inside: [ExplanationEntry] = [], outside: [ExplanationEntry] = []
            for located in counted[keyPath: records] {
                guard let date = day(located.record), let (contribution, reason) = select(located.record) else { continue }
                let entry = ExplanationEntry(location: located.location, key: located.record.explainKey,
                                             date: date, reason: reason, contribution: contribution)
                if scope.contains(date) { inside.append(entry) } else { outside.append(entry) }
            }
            return (inside, outside)
        }
    }

    /// A query over the catalogue's items, which are not dated: every item the selection
    /// accepts counts, whatever the scope.
    static func overCatalogue(scope: FigureScope, select: @escaping (CatalogueItem) -> (Contribution, String)?) -> RecordQuery {
        RecordQuery(dataset: .catalogue, scope: scope, tallying: .count) { counted in
            let inside = counted.catalogue.compactMap { located -> ExplanationEntry? in
                guard let (contribution, reason) = select(located.record) else { return nil }
                return ExplanationEntry(location: located.location, key: located.record.itemID, reason: reason,
                                        contribution: contribution)
            }
            return (inside, [])
        }
    }
}

/// How the records a rule selects add up.
enum Tallying {
    /// Each selected record counts 1, or adds its number.
    case count
    /// Each selected record adds an amount; the figure is in 元, or in 万元.
    case money(wanyuan: Bool)
    /// Each selected record adds to a numerator and a denominator.
    case rate
}
