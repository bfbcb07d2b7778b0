/// The statutory and statistical categories, and the way export text is matched to them.
///
/// The table itself is `Catalogue.all` (in Categories.swift). Names match after
/// `TextNormalizer.compact` on both sides, so full-width forms and stray spaces do not matter;
/// they do not match by code, prefix or similarity.
public enum Catalogue {
    /// The categories of `kind` in display order, 其他 last.
    public static func categories(_ kind: CategoryKind) -> [Category] {
        byKind[kind] ?? []
    }

    /// The category of `kind` with stable code `code`, or nil.
    public static func category(_ kind: CategoryKind, code: String) -> Category? {
        byKind[kind]?.first { $0.code == code }
    }

    /// Looks up an export's name for a category of `kind`.
    ///
    /// Official names and aliases give `.found`; the ambiguous pre-2021 names 暂扣或者吊销许可证
    /// and 暂扣或者吊销执照 give `.ambiguousLegacy` (penalty types only); anything else, the empty
    /// text included, gives `.unknown` with the nearest name as a suggestion.
    ///
    /// A bare 其他 is found as `other_measure` for `.enforcementMeasure` and as
    /// `other_execution` for `.enforcementExecution`. An enforcement action's row does not say
    /// which of the two kinds it is by its name alone, so the caller must choose the kind from
    /// the row's 强制类别 (`class`) column before looking up 其他, and reject the row as ambiguous
    /// when that column is missing.
    public static func lookup(_ kind: CategoryKind, _ text: String) -> CategoryLookup {
        lookup(kind, compacted: TextNormalizer.compact(text))
    }

    /// `lookup` of text already put through `TextNormalizer.compact`.
    static func lookup(_ kind: CategoryKind, compacted key: String) -> CategoryLookup {
        var key = key
        let known = key.withUTF8 { key in withNames(of: kind) { $0.lookup(UnsafeRawBufferPointer(key)) } }
        if let known { return known }
        return .unknown(suggestion: suggestions.nearest(kind, key, computedBy: nearest))
    }

    /// The code of the category of `kind` whose name or alias the compacted UTF-8 `key` is; nil
    /// for anything else (a legacy name, an unknown one), which `lookup` answers in full.
    /// Staging asks this of several cells of every row, and needs only the code.
    static func foundCode(_ kind: CategoryKind, compactedUTF8 key: UnsafeRawBufferPointer) -> String? {
        withNames(of: kind) { $0.foundCode(key) }
    }

    /// The severity rank (`order`) of the penalty type with code `code`; nil for an unknown
    /// code. One lookup: every penalty case is counted under its heaviest type.
    static func penaltyTypeOrder(_ code: String) -> Int? { penaltyTypeOrders[code] }

    private static let penaltyTypeOrders: [String: Int] =
        Dictionary(categories(.penaltyType).map { ($0.code, $0.order) }, uniquingKeysWith: { first, _ in first })

    /// The heaviest of some penalty types by severity (`order`); nil when there are none.
    ///
    /// 其他 ranks below every named type, so it is the heaviest only when it stands alone.
    public static func heaviest(_ penaltyTypes: some Sequence<Category>) -> Category? {
        penaltyTypes.max { $0.order < $1.order }
    }

    // MARK: - Indexes

    /// `all` split by kind, in table order.
    private static let byKind: [CategoryKind: [Category]] = Dictionary(grouping: all, by: \.kind)

    /// Calls `body` with the compacted names, aliases and legacy names of `kind`, with what
    /// each resolves to. The catalogue tests check that no name is claimed twice within a kind.
    private static func withNames<Result>(of kind: CategoryKind,
                                          _ body: (borrowing CategoryNameTable) -> Result) -> Result {
        // A switch over tables built once, rather than a dictionary: this runs for several
        // cells of every row. The table is lent, not returned: a copy retained and released
        // each of its arrays.
        switch kind {
        case .penaltyType: body(penaltyTypeNames)
        case .enforcementMeasure: body(enforcementMeasureNames)
        case .enforcementExecution: body(enforcementExecutionNames)
        case .inspectionKind: body(inspectionKindNames)
        case .industry: body(industryNames)
        case .procedure: body(procedureNames)
        case .partyType: body(partyTypeNames)
        case .caseFileType: body(caseFileTypeNames)
        case .catalogueClass: body(catalogueClassNames)
        case .licensingDecision: body(licensingDecisionNames)
        case .disputeKind: body(disputeKindNames)
        case .disputeOutcome: body(disputeOutcomeNames)
        }
    }

    private static let penaltyTypeNames = nameTable(.penaltyType)
    private static let enforcementMeasureNames = nameTable(.enforcementMeasure)
    private static let enforcementExecutionNames = nameTable(.enforcementExecution)
    private static let inspectionKindNames = nameTable(.inspectionKind)
    private static let industryNames = nameTable(.industry)
    private static let procedureNames = nameTable(.procedure)
    private static let partyTypeNames = nameTable(.partyType)
    private static let caseFileTypeNames = nameTable(.caseFileType)
    private static let catalogueClassNames = nameTable(.catalogueClass)
    private static let licensingDecisionNames = nameTable(.licensingDecision)
    private static let disputeKindNames = nameTable(.disputeKind)
    private static let disputeOutcomeNames = nameTable(.disputeOutcome)

    /// Builds the name table of `kind` from `all` and, for penalty types, the ambiguous legacy
    /// names.
    private static func nameTable(_ kind: CategoryKind) -> CategoryNameTable {
        var table = CategoryNameTable()
        for category in all where category.kind == kind {
            for name in [category.name] + category.aliases {
                table.add(TextNormalizer.compact(name), .found(category))
            }
        }
        if kind == .penaltyType {
            for legacy in ambiguousLegacyNames {
                guard let category = category(.penaltyType, code: legacy.code) else { continue }
                table.add(TextNormalizer.compact(legacy.name), .ambiguousLegacy(category, note: legacy.note))
            }
        }
        return table
    }

    /// The suggestions already worked out for unknown names. An export that misnames a
    /// category usually does so on many rows, and the edit distances to every known name
    /// cost more than the rest of the row.
    private static let suggestions = SuggestionMemo()

    /// The names and aliases of each kind as characters, in display order, for suggestions.
    private static let suggestionNames: [CategoryKind: [(characters: [Character], category: Category)]] = {
        byKind.mapValues { categories in
            categories.flatMap { category in
                ([category.name] + category.aliases).map { (Array(TextNormalizer.compact($0)), category) }
            }
        }
    }()

    /// The category whose name or alias is nearest `key` by edit distance over Characters;
    /// nil when even the nearest differs in more than half the characters of the longer text.
    /// Ties go to the category listed first.
    private static func nearest(_ kind: CategoryKind, _ key: String) -> Category? {
        let characters = Array(key)
        guard !characters.isEmpty, let candidates = suggestionNames[kind] else { return nil }
        var best: (distance: Int, category: Category)?
        for candidate in candidates {
            let distance = EditDistance.between(characters, candidate.characters)
            guard distance * 2 <= max(characters.count, candidate.characters.count) else { continue }
            if distance < best?.distance ?? Int.max {
                best = (distance, candidate.category)
            }
        }
        return best?.category
    }
}
