import Testing
@testable import AnnualReturn

struct PenaltyTypeListTests {
    @Test(arguments: [
        ("罚款", ["罚款"]),
        ("警告、罚款", ["警告", "罚款"]),
        ("警告，罚款", ["警告", "罚款"]),
        ("警告,罚款", ["警告", "罚款"]),
        ("警告;罚款", ["警告", "罚款"]),
        ("警告；罚款", ["警告", "罚款"]),
        ("警告/罚款", ["警告", "罚款"]),
        ("警告／罚款", ["警告", "罚款"]),
        ("警告+罚款", ["警告", "罚款"]),
        ("警告＋罚款", ["警告", "罚款"]),
        ("罚款 + 没收违法所得", ["罚款", "没收违法所得"]),
        ("警告 、 罚款 ， 责令停产停业", ["警告", "罚款", "责令停产停业"]),
        ("\u{3000}警告\u{3000}、\u{3000}罚款\u{3000}", ["警告", "罚款"]),
        ("没收违法所得、没收非法财物", ["没收违法所得", "没收非法财物"]),
        ("警告、、罚款、", ["警告", "罚款"]),
        ("、", []),
        ("", []),
        ("  ", []),
        ("暂扣或者吊销许可证", ["暂扣或者吊销许可证"]),
        // Inner spaces stay; lookup compacts them.
        ("责令 停产停业", ["责令 停产停业"]),
    ])
    func splitsOnEverySeparator(text: String, expected: [String]) {
        #expect(PenaltyTypeList.split(text) == expected)
    }

    @Test func everyPartOfACombinedCellIsKnown() {
        let codes = PenaltyTypeList.split("警告、罚款；没收违法所得 / 责令停产停业").map {
            Catalogue.lookup(.penaltyType, $0).category?.code
        }
        #expect(codes == ["warning", "fine", "confiscate_gains", "suspend_business"])
    }
}
