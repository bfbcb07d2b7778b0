/// Writes the `aggregate` member of return.json: everything needed to make the return's figures
/// again, in a form that merges. ``AggregateJSONDecoder`` reads it back.
///
/// ```json
/// "aggregate": {
///   "year": 2022,
///   "reference_hashing": "sha256-128",
///   "newest_date": "2022-12-20",
///   "records": {"inspections": {"read": 12, "accepted": 10, "rejected": 2, "duplicates": 0, "conflicts": 0}, …},
///   "year_tally": {"inspections": 9, "inspections_by_kind": {"random": 2, "routine": 5}, …,
///                  "inspected_enterprises": [["3f1c…", "a09e…"], [null, "77b2…"]], …,
///                  "fines_fen": 2350050, …},
///   "periods": [{"name": "case_review", "from": "2021-11-01", "to": "2022-07-31", "tally": {…}}],
///   "inspection_references": [["3f1c…", "a09e…"], …]
/// }
/// ```
///
/// Counts are integers, money is an integer number of fen, months are "YYYY-MM" keys, and every
/// object with data keys has them sorted, so the same aggregate always gives the same bytes.
/// Enterprise references are hashed (``EnterpriseRef/hashed``): the city office can count
/// distinct enterprises across districts without receiving any name.
enum AggregateJSONEncoder {
    /// The `aggregate` member for `aggregate`, with the record totals of `accounts`.
    static func encode(_ aggregate: Aggregate, accounts: [FileAccount]) -> JSONValue {
        let published = PublishedReferences(aggregate)
        return .object([
            ("year", .integer(aggregate.year)),
            ("reference_hashing", .string(EnterpriseRef.hashScheme)),
            ("newest_date", aggregate.newestDate.map { .string($0.description) } ?? .null),
            ("records", .object(Dataset.allCases.map { dataset in
                (dataset.rawValue, totals(RecordTotals(dataset: dataset, accounts: accounts)))
            })),
            ("year_tally", tally(aggregate.yearTally, published)),
            ("periods", .array(aggregate.periods.map { period in
                .object([
                    ("name", .string(period.name)),
                    ("from", .string(period.from.description)),
                    ("to", .string(period.to.description)),
                    ("tally", tally(aggregate.periodTallies[period.name] ?? Tally(), published)),
                ])
            })),
            // Last, because it is the longest: one line per enterprise the inspections name.
            ("inspection_references", published.array(aggregate.inspectionReferences)),
        ])
    }

    static func totals(_ totals: RecordTotals) -> JSONValue {
        .object(RecordTotals.fields.map { ($0.key, .integer(totals[keyPath: $0.path])) })
    }

    static func tally(_ tally: Tally, _ published: PublishedReferences) -> JSONValue {
        .object(TallyField.all.map { key, field in
            switch field {
            case .count(let path):
                return (key, .integer(tally[keyPath: path]))
            case .countsByCode(let path):
                return (key, .object(tally[keyPath: path].sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) }))
            case .countsByMonth(let path):
                return (key, .object(tally[keyPath: path].sorted { $0.key < $1.key }.map { ($0.key.description, .integer($0.value)) }))
            case .money(let path):
                return (key, .integer(Int(tally[keyPath: path].value)))
            case .enterprises(let path):
                return (key, published.array(tally[keyPath: path]))
            }
        })
    }

}

/// The published (hashed) form of each enterprise reference, worked out once per reference:
/// the same enterprise appears in the year's tally, every period's and the references list,
/// and hashing and ordering them is the dearest part of writing return.json.
///
/// Each reference keeps its two digests, not its pair's text: a pair is written from them as
/// each list is written (64 hex digits cost less to spell again than to hold, at a million
/// enterprises 50 bytes each instead of nearly 200).
struct PublishedReferences {
    /// Each reference's place in the published order (a flat map: a reference is a number,
    /// hashed as it is).
    private let ranks: FlatHashMap<EnterpriseRef, Int32>
    /// The published forms, in that order.
    private let orders: [PublishedReference.Order]

    /// Hashes every reference `aggregate` holds and orders them once.
    init(_ aggregate: Aggregate) {
        var ranks = FlatHashMap<EnterpriseRef, Int32>()
        // Each reference beside its published form, sorted together: sorting indices into the
        // forms read them at random, which on the 1 GB sample's 950,000 took a quarter second.
        var published: [(order: PublishedReference.Order, reference: EnterpriseRef)] = []
        let hasher = SHA256Hasher()
        let sets = [aggregate.inspectionReferences] + ([aggregate.yearTally] + aggregate.periods.compactMap { aggregate.periodTallies[$0.name] })
            .flatMap { [$0.inspectedEnterprises, $0.patrolledEnterprises] }
        ranks.reserveCapacity(aggregate.inspectionReferences.count)
        published.reserveCapacity(aggregate.inspectionReferences.count)
        for set in sets {
            for reference in set where !ranks.contains(reference) {
                ranks.updateValue(0, forKey: reference)
                published.append((reference.publishedOrder(hasher: hasher), reference))
            }
        }
        published.sort { $0.order < $1.order }
        for (rank, entry) in published.enumerated() { ranks.updateValue(Int32(rank), forKey: entry.reference) }
        self.ranks = ranks
        self.orders = published.map(\.order)
    }

    /// Hashed references as `[code, name]` pairs, sorted so the order never depends on a set's.
    func array(_ references: EnterpriseReferences) -> JSONValue {
        let listed = references.map { ranks[$0]! }.sorted()
        let orders = self.orders
        return .renderedLines(count: listed.count) { index, output in orders[Int(listed[index])].appendJSON(to: &output) }
    }
}
