/// One category of a `CategoryKind`: a penalty type, an enforcement measure, an industry, …
///
/// The set of categories is fixed by `Catalogue.all`; look names up with `Catalogue.lookup`.
public struct Category: Hashable, Sendable {
    /// The classification this category belongs to.
    public let kind: CategoryKind
    /// The stable code, unique within `kind`, used in configuration and figure ids, e.g.
    /// `suspend_business`.
    public let code: String
    /// The official Chinese name, e.g. 责令停产停业; it is what the return shows.
    public let name: String
    /// Other names that mean exactly this category: short names, legacy names, common variants.
    public let aliases: [String]
    /// The rank of the category within `kind`.
    ///
    /// For penalty types this is the severity rank: 警告 is 1, 行政拘留 13, and 其他 is 0 so
    /// that it loses to every named type when the heaviest is picked. For the other kinds it
    /// is the display position, 1 upward. To list categories for display use
    /// `Catalogue.categories(_:)`, which puts 其他 last for every kind.
    public let order: Int
    /// The provision the category comes from, e.g. 《行政处罚法》第九条; empty for the
    /// statistical classifications (inspection kinds, industries, party types) that no single
    /// provision lists.
    public let legalBasis: String
    /// The group the category is also counted under, or nil. Industries of 工贸 have
    /// `industry_trade`.
    public let group: String?

    /// Makes a catalogue entry; only the catalogue makes categories.
    init(
        _ kind: CategoryKind, _ code: String, _ name: String, aliases: [String] = [],
        order: Int, legalBasis: String = "", group: String? = nil
    ) {
        self.kind = kind
        self.code = code
        self.name = name
        self.aliases = aliases
        self.order = order
        self.legalBasis = legalBasis
        self.group = group
    }
}
