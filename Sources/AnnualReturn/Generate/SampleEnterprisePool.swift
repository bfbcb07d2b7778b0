/// The enterprises and individuals of the sample district, computed on demand from the seed.
///
/// Nothing is stored: enterprise `i` is a pure function of the seed and `i`, so a pool of
/// 750,000 enterprises (scale 1000) costs no memory. Names and credit codes are unique by
/// construction (bijections of the index), never by checking earlier draws.
struct SampleEnterprisePool: Sendable {
    /// How many enterprises the pool holds: 750 per unit of scale.
    let count: Int
    /// The first `frequentCount` enterprises are inspected far more often than the rest.
    let frequentCount: Int
    private let seed: UInt64

    static let enterprisesPerScale = 750

    init(seed: UInt64, scale: Int) {
        self.seed = seed
        count = Self.enterprisesPerScale * scale
        frequentCount = count / 15
    }

    /// Enterprise `index` (0-based, below `count`).
    func enterprise(at index: Int) -> SampleEnterprise {
        var random = SplitMix64(seed: seed, stream: Streams.enterprise, index: UInt64(index))
        let isFrequent = index < frequentCount
        // Enterprises inspected again and again are mostly hazardous-chemical ones.
        let industry = isFrequent && random.chance(0.6)
            ? "hazardous_chemicals" : random.element(weighted: Self.industryWeights)
        let city = random.element(weighted: Self.cities)
        let suffix = random.element(of: Self.nameSuffixes[industry] ?? ["有限公司"])
        let name = city.name + tradeName(index: index, random: &random) + suffix
        let code = SampleCreditCode.make(region: city.regionCode, index: index,
                                         newStyle: random.chance(0.45))
        return SampleEnterprise(index: index, name: name, creditCode: code, industry: industry,
                                isFrequentlyInspected: isFrequent)
    }

    /// An enterprise drawn with a bias towards the low indexes, so that some are inspected many
    /// times and others once or never, as in a real district.
    func drawEnterprise(_ random: inout SplitMix64) -> SampleEnterprise {
        let biased = random.unitInterval() * random.unitInterval().squareRoot()
        return enterprise(at: min(count - 1, Int(Double(count) * biased)))
    }

    /// A frequently inspected enterprise.
    func drawFrequentEnterprise(_ random: inout SplitMix64) -> SampleEnterprise {
        enterprise(at: random.int(in: 0...(frequentCount - 1)))
    }

    /// An enterprise that is not among the frequently inspected ones.
    func drawOrdinaryEnterprise(_ random: inout SplitMix64) -> SampleEnterprise {
        enterprise(at: random.int(in: frequentCount...(count - 1)))
    }

    /// A person: a surname and a one- or two-character given name.
    func drawIndividual(_ random: inout SplitMix64) -> SampleIndividual {
        var name = random.element(of: Self.surnames) + random.element(of: Self.givenNameCharacters)
        if random.chance(0.6) { name += random.element(of: Self.givenNameCharacters) }
        return SampleIndividual(name: name)
    }

    // MARK: - Names

    /// The 字号 of enterprise `index`: unique per index.
    ///
    /// The index modulo 900 goes through a bijection (multiplying by a prime coprime to 900)
    /// onto two characters; each further block of 900 adds characters. About one name in fifty
    /// uses Latin capitals instead (示例市QXB化工有限公司), which the inspections export then
    /// sometimes writes in full-width letters.
    private func tradeName(index: Int, random: inout SplitMix64) -> String {
        let characters = Self.tradeCharacters
        let scrambled = (index % 900) * 7919 % 900
        var block = index / 900
        var blockSuffix = ""
        while block > 0 {
            blockSuffix += characters[block % 30]
            block /= 30
        }
        if index % 53 == 7 {
            let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ").map(String.init)
            let latin = letters[scrambled % 24] + letters[(scrambled / 24) % 24] + letters[scrambled / 576]
            return latin + blockSuffix
        }
        return characters[scrambled % 30] + characters[scrambled / 30] + blockSuffix
    }

    private static let tradeCharacters = [
        "宏", "远", "兴", "华", "鑫", "泰", "盛", "达", "永", "恒", "金", "瑞", "安", "通", "利",
        "德", "顺", "新", "博", "嘉", "隆", "天", "正", "明", "海", "峰", "源", "祥", "和", "丰",
    ]

    /// Where enterprises are registered: mostly the district's own city. The region code is the
    /// credit code's characters 3–8 (administrative division).
    private static let cities: [((name: String, regionCode: String), Int)] = [
        (("示例市", "449902"), 80), (("东川市", "449801"), 5), (("南江市", "449803"), 4),
        (("西岭市", "449805"), 4), (("临河市", "449807"), 4), (("云溪市", "449809"), 3),
    ]

    /// Industries weighted towards hazardous chemicals and the 工贸 group, as a work-safety
    /// bureau's caseload is.
    private static let industryWeights: [(String, Int)] = [
        ("hazardous_chemicals", 26), ("non_coal_mine", 4), ("fireworks", 5), ("metallurgy", 5),
        ("nonferrous", 4), ("building_materials", 8), ("machinery", 13), ("light_industry", 10),
        ("textile", 6), ("tobacco", 1), ("commerce", 6), ("other", 12),
    ]

    private static let nameSuffixes: [String: [String]] = [
        "hazardous_chemicals": ["化工有限公司", "精细化工有限公司", "化学品经营有限公司", "石化储运有限公司",
                                "新材料科技有限公司", "能源有限公司"],
        "non_coal_mine": ["矿业有限公司", "石材开采有限公司", "砂石有限公司"],
        "fireworks": ["烟花爆竹有限公司", "烟花爆竹批发有限公司"],
        "metallurgy": ["钢铁有限公司", "铸造有限公司", "特钢有限公司"],
        "nonferrous": ["铝业有限公司", "铜业有限公司", "有色金属制品有限公司"],
        "building_materials": ["建材有限公司", "水泥制品有限公司", "新型墙体材料有限公司", "玻璃有限公司"],
        "machinery": ["机械制造有限公司", "机电设备有限公司", "汽车零部件有限公司", "五金制品有限公司"],
        "light_industry": ["家具有限公司", "食品有限公司", "包装制品有限公司", "塑料制品有限公司", "印务有限公司"],
        "textile": ["纺织有限公司", "服饰有限公司", "印染有限公司"],
        "tobacco": ["烟草物流有限公司", "卷烟配送有限公司"],
        "commerce": ["商贸有限公司", "购物广场有限公司", "物流有限公司", "仓储有限公司"],
        "other": ["实业有限公司", "科技有限公司", "建设工程有限公司", "物业管理有限公司"],
    ]

    private static let surnames = [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
        "郭", "何", "林", "罗", "高", "梁", "郑", "谢", "宋", "唐",
    ]

    private static let givenNameCharacters = [
        "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
        "秀", "霞", "平", "刚", "桂", "建", "国", "志", "红", "文", "华", "春", "玉", "海", "林",
    ]
}
