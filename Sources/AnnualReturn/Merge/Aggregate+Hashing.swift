extension Aggregate {
    /// This aggregate with every enterprise reference hashed: what a published return holds,
    /// and so what reading a return.json back gives. Counts are unchanged.
    func withHashedReferences() -> Aggregate {
        var result = self
        result.yearTally = yearTally.withHashedReferences()
        result.periodTallies = periodTallies.mapValues { $0.withHashedReferences() }
        result.inspectionReferences = inspectionReferences.mapReferences(\.hashed)
        return result
    }
}

extension Tally {
    /// This tally with its enterprise sets hashed.
    func withHashedReferences() -> Tally {
        var result = self
        result.inspectedEnterprises = inspectedEnterprises.mapReferences(\.hashed)
        result.patrolledEnterprises = patrolledEnterprises.mapReferences(\.hashed)
        return result
    }
}
