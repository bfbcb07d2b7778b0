/// The official Chinese names the sample writes, taken from the ``Catalogue`` by code so that
/// the generator never retypes them.
enum OfficialName {
    /// The official name of the category `code` of `kind`.
    ///
    /// The generator only asks for codes it knows the catalogue has; a missing one is a
    /// programming error and traps.
    static func of(_ kind: CategoryKind, _ code: String) -> String {
        guard let category = Catalogue.category(kind, code: code) else {
            preconditionFailure("the catalogue has no \(kind.rawValue) with code \(code)")
        }
        return category.name
    }

    /// The penalty types `codes` in their official names, joined by `separator`.
    static func penaltyTypes(_ codes: [String], separator: String = "、") -> String {
        codes.map { of(.penaltyType, $0) }.joined(separator: separator)
    }
}
