/// What `annual-return generate` is asked to produce: the seed, the year and the size.
public struct SampleExportOptions: Sendable, Equatable {
    /// The seed of every random draw; the same options give byte-identical files.
    public var seed: UInt64
    /// The year of the return. The exports also cover November and December of the year before
    /// (for a case-file review window that crosses the year) and a few days of January after.
    public var year: Int
    /// How many times the record counts of one district are multiplied (1 for the committed
    /// sample, 1000 for benchmarks). The planted problems appear once whatever the scale.
    public var scale: Int

    /// The default seed and year of the committed sample.
    public static let defaultSeed: UInt64 = 2022
    /// The default year of the committed sample.
    public static let defaultYear = 2022
    /// The years the generator accepts: credit codes and Excel serials stay plausible in them.
    public static let supportedYears: ClosedRange<Int> = 2000...2098
    /// The largest scale accepted; bigger ones would run for hours.
    public static let maximumScale = 100_000

    /// Options with the committed sample's defaults; `year` must be in ``supportedYears`` and
    /// `scale` in 1...``maximumScale`` (the command checks both).
    public init(seed: UInt64 = defaultSeed, year: Int = defaultYear, scale: Int = 1) {
        self.seed = seed
        self.year = year
        self.scale = scale
    }

    /// The file names written, in the order they are written.
    public var fileNames: [String] {
        ["inspections.csv", "penalties-\(year)-06-30.csv", "penalties-\(year)-12-31.csv", "enforcement.csv"]
    }
}
