/// What `Catalogue.lookup` found for a name.
public enum CategoryLookup: Equatable, Sendable {
    /// The name or one of the aliases of this category.
    case found(Category)
    /// A pre-2021 name that covers two penalty types (暂扣或者吊销许可证, 暂扣或者吊销执照 and
    /// their 或 variants): counted as the first, 暂扣许可证件, and reported with `note`.
    case ambiguousLegacy(Category, note: String)
    /// Not a known name. `suggestion` is the category with the nearest name or alias, nil when
    /// none is reasonably close.
    case unknown(suggestion: Category?)

    /// The category the name counts under: the found one or the legacy mapping; nil when
    /// unknown.
    public var category: Category? {
        switch self {
        case .found(let category), .ambiguousLegacy(let category, _): category
        case .unknown: nil
        }
    }
}
