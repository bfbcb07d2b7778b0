/// The names of the generator's independent random streams (see ``SplitMix64/init(seed:stream:index:)``).
///
/// Each stream is indexed by a day or an enterprise, so adding draws to one stream never shifts
/// another: changing how penalties are drawn leaves the inspections file byte for byte the same.
enum Streams {
    static let enterprise: UInt64 = 1
    static let inspectionDay: UInt64 = 2
    static let patrolMonth: UInt64 = 3
    static let penaltyDay: UInt64 = 4
    static let penaltyRendering: UInt64 = 5
    static let enforcementCase: UInt64 = 6
    static let enforcementExtra: UInt64 = 7
}
