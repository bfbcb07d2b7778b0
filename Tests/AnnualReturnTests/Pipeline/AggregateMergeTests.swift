import PropertyBased
import Testing
@testable import AnnualReturn

/// The aggregate is mergeable: counting the records in two parts and merging the parts gives
/// exactly what counting them all at once gives, distinct enterprises and money included.
struct AggregateMergeTests {
    static let periods = [NamedPeriod(name: "case_review", from: CalendarDay(year: 2021, month: 11, day: 1)!,
                                      to: CalendarDay(year: 2022, month: 7, day: 31)!)]
    static let configuration = ReturnConfiguration(
        bureau: "测试区应急管理局", year: 2022, lockdownMonths: [YearMonth(year: 2022, month: 3)!],
        inputs: [:], periods: periods, outputFolder: "out")

    /// Some record, deterministically from `seed`: every dataset, dates across the year's edges,
    /// enterprises with and without codes (so name-only records must join a code).
    enum SomeRecord {
        case inspection(InspectionRecord)
        case penalty(PenaltyRecord)
        case action(EnforcementRecord)

        init(seed: Int) {
            let date = CalendarDay(year: 2021, month: 11, day: 1)!.adding(days: (seed * 7919) % 520)
            let names = ["甲化工有限公司", "乙机械厂", "丙商贸公司", "张某"]
            let name = names[seed % names.count]
            let code: String? = seed % 3 == 0 && name != "张某" ? "CODE-\(name)" : nil
            let enterprise = EnterpriseRef(creditCode: code, name: name)
            switch seed % 3 {
            case 0:
                let kinds = ["routine", "random", "special", "complaint", "review", "patrol"]
                self = .inspection(InspectionRecord(
                    id: "JC-\(seed)", date: date, kind: kinds[seed % kinds.count], enterprise: enterprise,
                    industry: ["hazardous_chemicals", "machinery", "other"][seed % 3 == 0 ? (seed / 3) % 3 : 0],
                    hazardsGeneral: seed % 5, hazardsMajor: seed % 2, hazardsRectified: seed % 3 == 0 ? 0 : 1,
                    irregularities: seed % 4, unit: "", officers: ""))
            case 1:
                let typeSets = [["fine"], ["warning", "fine"], ["fine", "suspend_business"], ["confiscate_gains"], ["other"]]
                self = .penalty(PenaltyRecord(
                    caseID: "CF-\(seed)", decisionNo: "", decisionDate: date, party: enterprise,
                    partyType: code == nil ? "individual" : "unit", industry: "other",
                    penaltyTypes: typeSets[seed % typeSets.count], fine: Fen(Int64(seed * 1_234_567 % 50_000_001)),
                    confiscation: Fen(Int64(seed % 7 == 0 ? seed * 101 : 0)),
                    procedure: seed % 2 == 0 ? "simple" : "ordinary", origin: "", hearing: seed % 11 == 0,
                    legalReview: seed % 2 == 1, publishedDate: nil, closedDate: nil, unit: ""))
            default:
                let measures = ["seal_up", "seize"], executions = ["surcharge", "court_enforcement"]
                let isMeasure = seed % 2 == 0
                self = .action(EnforcementRecord(
                    id: "QZ-\(seed)", date: date,
                    kind: isMeasure ? measures[seed % 2] : executions[(seed / 2) % 2],
                    isMeasure: isMeasure, caseID: nil, party: name, unit: ""))
            }
        }
    }

    static func aggregate(_ seeds: some Sequence<Int>) -> Aggregate {
        var aggregate = Aggregate(year: 2022, periods: periods)
        for seed in seeds {
            switch SomeRecord(seed: seed) {
            case .inspection(let record): aggregate.add(record)
            case .penalty(let record): aggregate.add(record)
            case .action(let record): aggregate.add(record)
            }
        }
        return aggregate
    }

    static func figures(_ aggregate: Aggregate) -> Figures {
        FigureBuilder(configuration: configuration, aggregate: aggregate, accounts: []).build()
    }

    /// Removing records leaves exactly the aggregate of the others: what lets a newer export's
    /// version replace an older one after both were counted.
    @Test func removingRecordsLeavesTheAggregateOfTheRest() async {
        let seeds = Gen.int(in: 0...100_000).array(of: 0...80)
        await propertyCheck(count: 200, input: seeds, Gen.int(in: 0...1_000)) { seeds, pattern in
            let unique = Array(Set(seeds)).sorted()
            let removed = unique.enumerated().filter { (pattern >> ($0.offset % 10)) & 1 == 1 }.map(\.element)
            let kept = unique.filter { !removed.contains($0) }
            var aggregate = Self.aggregate(unique)
            for seed in removed.reversed() {
                switch SomeRecord(seed: seed) {
                case .inspection(let record): aggregate.remove(record)
                case .penalty(let record): aggregate.remove(record)
                case .action(let record): aggregate.remove(record)
                }
            }
            #expect(aggregate == Self.aggregate(kept))
            #expect(aggregate.newestDate == Self.aggregate(kept).newestDate)
            #expect(Self.figures(aggregate) == Self.figures(Self.aggregate(kept)))
        }
    }

    @Test func anySplitMergesToTheWhole() async {
        let seeds = Gen.int(in: 0...100_000).array(of: 0...80)
        await propertyCheck(count: 200, input: seeds, Gen.int(in: 0...80)) { seeds, cut in
            let unique = Array(Set(seeds)).sorted()  // one record per id, as after dedupe
            let split = min(cut, unique.count)
            let whole = Self.aggregate(unique)
            let merged = Self.aggregate(unique[..<split]).merged(with: Self.aggregate(unique[split...]))
            #expect(merged == whole)
            #expect(Self.figures(merged) == Self.figures(whole))
        }
    }

    @Test func mergeIsCommutativeAndAssociative() async {
        let seeds = Gen.int(in: 0...100_000).array(of: 0...30)
        await propertyCheck(count: 100, input: seeds, seeds, seeds) { a, b, c in
            let (x, y, z) = (Self.aggregate(a), Self.aggregate(b), Self.aggregate(c))
            #expect(x.merged(with: y) == y.merged(with: x))
            #expect(x.merged(with: y).merged(with: z) == x.merged(with: y.merged(with: z)))
        }
    }

    @Test func moneySumsNeverLoseAFen() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...100_000).array(of: 1...50)) { seeds in
            let unique = Array(Set(seeds))
            var expected: Int64 = 0
            for seed in unique {
                if case .penalty(let record) = SomeRecord(seed: seed), record.decisionDate.year == 2022 {
                    expected += record.fine.value + record.confiscation.value
                }
            }
            let tally = Self.aggregate(unique).yearTally
            #expect((tally.fines + tally.confiscations).value == expected)
        }
    }
}
