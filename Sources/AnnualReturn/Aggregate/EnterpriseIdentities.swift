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

    /// The credit codes a name appears with: most names come with one code, or none (then
    /// they are not in the index at all).
    private enum CodesOfName {
        case one(TextKey)
        case several(Set<TextKey>)

        var count: Int {
            switch self {
            case .one: return 1
            case .several(let codes): return codes.count
            }
        }
    }

    /// The distinct credit codes each name appears with, over the whole dataset (any date).
    private let codesByName: [TextKey: CodesOfName]

    /// Builds the name → codes index from every reference of the dataset, as the aggregate does.
    init<References: Sequence>(references: References) where References.Element == EnterpriseRef {
        var codesByName: [TextKey: CodesOfName] = [:]
        for reference in references {
            guard let creditCode = reference.creditCode, !reference.name.isEmpty else { continue }
            let code = TextKey(creditCode)
            let name = TextKey(reference.name)
            switch codesByName[name] {
            case nil:
                codesByName[name] = .one(code)
            case .one(let known) where known != code:
                codesByName[name] = .several([known, code])
            case .one:
                break
            case .several(var codes):
                codesByName[name] = nil  // so the set below is not shared and copied
                codes.insert(code)
                codesByName[name] = .several(codes)
            }
        }
        self.codesByName = codesByName
    }

    /// The single code `name` appears with, if it appears with exactly one.
    private func joinedCode(_ name: String) -> TextKey? {
        if case .one(let code)? = codesByName[TextKey(name)] { return code }
        return nil
    }

    /// The identity of a reference — the same string for every reference of one enterprise —
    /// and how it was decided.
    func identity(of reference: EnterpriseRef) -> (identity: String, basis: Basis) {
        if let code = reference.creditCode {
            return ("code:" + code, .creditCode(code))
        }
        if let code = joinedCode(reference.name) {
            return ("code:" + code.text, .nameJoined(name: reference.name, code: code.text))
        }
        let codes = codesByName[TextKey(reference.name)]?.count ?? 0
        return ("name:" + reference.name, .name(reference.name, codes: codes))
    }

    /// How many distinct identities `references` hold: the same count as the distinct
    /// `identity(of:)` strings, without making a string per reference. References are distinct,
    /// so two name-only references have different names; only codes can coincide (one code
    /// with several names, or a name joined to a code another reference gives).
    func distinctCount(of references: EnterpriseReferences) -> Int {
        var codes = Set<TextKey>()
        var unjoinedNames = 0
        for reference in references {
            if let code = reference.creditCode {
                codes.insert(TextKey(code))
            } else if let code = joinedCode(reference.name) {
                codes.insert(code)
            } else {
                unjoinedNames += 1
            }
        }
        return codes.count + unjoinedNames
    }
}
