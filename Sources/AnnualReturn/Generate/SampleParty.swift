/// A person who is a party (个人): a name and no credit code.
struct SampleIndividual: Sendable, Equatable {
    let name: String
}

/// The party of an inspection or a penalty: an enterprise or an individual.
enum SampleParty: Sendable, Equatable {
    case enterprise(SampleEnterprise)
    case individual(SampleIndividual)

    var name: String {
        switch self {
        case .enterprise(let enterprise): enterprise.name
        case .individual(let individual): individual.name
        }
    }

    /// The credit code; empty for an individual.
    var creditCode: String {
        switch self {
        case .enterprise(let enterprise): enterprise.creditCode
        case .individual: ""
        }
    }

    var isIndividual: Bool {
        if case .individual = self { return true }
        return false
    }

    var enterprise: SampleEnterprise? {
        if case .enterprise(let enterprise) = self { return enterprise }
        return nil
    }
}
