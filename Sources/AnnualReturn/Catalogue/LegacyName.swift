/// A name from before the 2021 《行政处罚法》 that covers two penalty types, mapped to one of
/// them with a note for the data report.
struct LegacyName: Sendable {
    /// The name as exports write it.
    let name: String
    /// The code of the penalty type it is counted under.
    let code: String
    /// Why the mapping is uncertain and what to check.
    let note: String
}
