/// Which enterprise a record names, with the reason kept so an explanation can say how each
/// identity was reached. `Aggregate.distinctEnterprises` counts with it, `explain` shows it.
///
/// DOMAIN's rule: an enterprise is its credit code when the record has one; otherwise its
/// normalised name, unless that name appears with exactly one credit code in the dataset, in
/// which case it is that code's enterprise.
struct EnterpriseIdentities {
    /// How one record's enterprise was identified.
    enum Basis: Equatable {
        /// The record gives a credit code.
        case creditCode(String)
        /// The record gives only a name, which appears in the dataset with exactly this code.
        case nameJoined(name: String, code: String)
        /// The record gives only a name, which appears with `codes` credit codes (0, or 2 and
        /// more, so it cannot be joined to one).
        case name(String, codes: Int)
    }

    /// The distinct credit codes each name appears with, over the whole dataset (any date).
    private let codesByName: [String: Set<String>]

    /// Builds the name → codes index from every reference of the dataset, as the aggregate does.
    init<References: Sequence>(references: References) where References.Element == EnterpriseRef {
        var codesByName: [String: Set<String>] = [:]
        for reference in references {
            if let code = reference.creditCode, !reference.name.isEmpty {
                codesByName[reference.name, default: []].insert(code)
            }
        }
        self.codesByName = codesByName
    }

    /// The identity of a reference — the same string for every reference of one enterprise —
    /// and how it was decided.
    func identity(of reference: EnterpriseRef) -> (identity: String, basis: Basis) {
        if let code = reference.creditCode {
            return ("code:" + code, .creditCode(code))
        }
        let codes = codesByName[reference.name] ?? []
        if codes.count == 1, let code = codes.first {
            return ("code:" + code, .nameJoined(name: reference.name, code: code))
        }
        return ("name:" + reference.name, .name(reference.name, codes: codes.count))
    }
}
