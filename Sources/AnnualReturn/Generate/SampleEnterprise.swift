/// One enterprise of the sample district: a name such as 示例市宏远化工有限公司, a valid
/// 18-character unified social credit code and an industry code from the catalogue.
struct SampleEnterprise: Sendable, Equatable {
    /// The enterprise's place in the pool (0-based); the same index always gives the same one.
    let index: Int
    /// The registered name, clean (the export writers add the mess).
    let name: String
    /// The unified social credit code, with a correct check character.
    let creditCode: String
    /// The industry's catalogue code, such as `hazardous_chemicals`.
    let industry: String
    /// One of the few enterprises inspected again and again (the sample's name-only rows are
    /// drawn from these, so the same name certainly appears elsewhere with its code).
    let isFrequentlyInspected: Bool
}
