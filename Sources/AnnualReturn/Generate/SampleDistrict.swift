/// The fixed facts of the sample district: the bureau, its squads and their officers.
enum SampleDistrict {
    /// The bureau that decides penalties and enforcement actions, as in the sample
    /// configuration's `bureau`.
    static let bureau = "示例区应急管理局"

    /// The squads that inspect, each with its officers.
    static let squads: [(unit: String, officers: [String])] = [
        ("示例区应急管理综合行政执法大队一中队", ["王强", "李娜", "陈刚", "赵敏"]),
        ("示例区应急管理综合行政执法大队二中队", ["刘洋", "杨帆", "黄磊", "周静"]),
        ("示例区应急管理综合行政执法大队三中队", ["吴涛", "徐丽", "孙杰", "马超"]),
    ]

    /// A squad and two of its officers (inspections are made by at least two officers).
    static func drawSquad(_ random: inout SplitMix64) -> (unit: String, officers: String) {
        let squad = random.element(of: squads)
        let first = random.int(in: 0...3)
        let second = (first + random.int(in: 1...3)) % 4
        return (squad.unit, squad.officers[first] + "、" + squad.officers[second])
    }
}
