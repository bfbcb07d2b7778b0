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
        let key = TextNormalizer.compact(text)
        if let known = names[kind]?[key] { return known }
        return .unknown(suggestion: nearest(kind, key))
    }

    /// The heaviest of some penalty types by severity (`order`); nil when there are none.
    ///
    /// 其他 ranks below every named type, so it is the heaviest only when it stands alone.
    public static func heaviest(_ penaltyTypes: some Sequence<Category>) -> Category? {
        penaltyTypes.max { $0.order < $1.order }
    }

    // MARK: - Indexes

    /// `all` split by kind, in table order.
    private static let byKind: [CategoryKind: [Category]] = Dictionary(grouping: all, by: \.kind)

    /// Every compacted name, alias and legacy name of each kind, with what it resolves to.
    /// The catalogue tests check that no name is claimed twice within a kind.
    private static let names: [CategoryKind: [String: CategoryLookup]] = {
        var names: [CategoryKind: [String: CategoryLookup]] = [:]
        for category in all {
            for name in [category.name] + category.aliases {
                names[category.kind, default: [:]][TextNormalizer.compact(name)] = .found(category)
            }
        }
        for legacy in ambiguousLegacyNames {
            guard let category = category(.penaltyType, code: legacy.code) else { continue }
            names[.penaltyType, default: [:]][TextNormalizer.compact(legacy.name)] =
                .ambiguousLegacy(category, note: legacy.note)
        }
        return names
    }()

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
