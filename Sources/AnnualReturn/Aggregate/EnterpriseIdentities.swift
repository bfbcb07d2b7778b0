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
    /// they are not in the index at all). Names and codes are found by their digests, worked
    /// out once per distinct enterprise when it was first staged.
    private enum CodesOfName {
        /// One code, and a reference that gives it (for its text).
        case one(code: KeyDigest, givenBy: EnterpriseRef)
        case several(Set<KeyDigest>)

        var count: Int {
            switch self {
            case .one: return 1
            case .several(let codes): return codes.count
            }
        }
    }

    /// The distinct credit codes each name appears with, over the whole dataset (any date).
    private let codesByName: FlatHashMap<KeyDigest, CodesOfName>

    /// Builds the name → codes index from every reference of the dataset, as the aggregate does.
    init<References: Sequence>(references: References) where References.Element == EnterpriseRef {
        var codesByName = FlatHashMap<KeyDigest, CodesOfName>()
        // Sized once for every reference (at most one name each), rather than grown by half
        // again and again: a large run's rehashing showed between reading and writing.
        codesByName.reserveCapacity(references.underestimatedCount)
        for reference in references {
            let digests = reference.partDigests
            guard let code = digests.code, digests.name != KeyDigest.empty else { continue }
            codesByName.modifyValue(forKey: digests.name, initial: .one(code: code, givenBy: reference)) { codes in
                switch codes {
                case .one(let known, _) where known != code:
                    codes = .several([known, code])
                case .one:
                    break
                case .several(var known):
                    codes = .several([])  // so the set below is not shared and copied
                    known.insert(code)
                    codes = .several(known)
                }
            }
        }
        self.codesByName = codesByName
    }

    /// The single code the name whose digest is `name` appears with, if it appears with
    /// exactly one, and a reference that gives that code.
    private func joinedCode(name: KeyDigest) -> (digest: KeyDigest, givenBy: EnterpriseRef)? {
        guard case .one(let code, let givenBy)? = codesByName[name] else { return nil }
        return (code, givenBy)
    }

    /// The identity of a reference — the same string for every reference of one enterprise —
    /// and how it was decided.
    func identity(of reference: EnterpriseRef) -> (identity: String, basis: Basis) {
        if let code = reference.creditCode {
            return ("code:" + code, .creditCode(code))
        }
        let name = reference.partDigests.name
        if let code = joinedCode(name: name)?.givenBy.creditCode {
            return ("code:" + code, .nameJoined(name: reference.name, code: code))
        }
        let codes = codesByName[name]?.count ?? 0
        return ("name:" + reference.name, .name(reference.name, codes: codes))
    }

    /// How many distinct identities `references` hold: the same count as the distinct
    /// `identity(of:)` strings, without making a string per reference. References are distinct,
    /// so two name-only references have different names; only codes can coincide (one code
    /// with several names, or a name joined to a code another reference gives).
    func distinctCount(of references: EnterpriseReferences) -> Int {
        var codes = FlatHashMap<KeyDigest, Bool>()
        codes.reserveCapacity(references.count)
        var unjoinedNames = 0
        for reference in references {
            let digests = reference.partDigests
            if let code = digests.code ?? joinedCode(name: digests.name)?.digest {
                codes.updateValue(true, forKey: code)
            } else {
                unjoinedNames += 1
            }
        }
        return codes.count + unjoinedNames
    }
}
