import Testing
@testable import AnnualReturn

struct CatalogueTests {
    @Test func penaltyTypesAreTheFourteenOfArticleNineInSeverityOrder() {
        let types = Catalogue.categories(.penaltyType)
        #expect(types.map(\.code) == [
            "warning", "criticism", "fine", "confiscate_gains", "confiscate_property", "suspend_permit",
            "lower_qualification", "restrict_business", "suspend_business", "close", "bar_practice",
            "revoke_permit", "detention", "other",
        ])
        #expect(types.map(\.name) == [
            "警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级",
            "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "吊销许可证件", "行政拘留", "其他",
        ])
        // Named types rise in severity; 其他 is below them all.
        #expect(types.dropLast().map(\.order) == Array(1...13))
        #expect(Catalogue.category(.penaltyType, code: "other")?.order == 0)
        #expect(types.allSatisfy { $0.legalBasis == "《行政处罚法》第九条" })
    }

    @Test func enforcementKindsFollowTheCompulsionLaw() {
        #expect(Catalogue.categories(.enforcementMeasure).map(\.code) == [
            "restrict_liberty", "seal_up", "seize", "freeze", "other_measure",
        ])
        #expect(Catalogue.categories(.enforcementMeasure).map(\.name) == [
            "限制公民人身自由", "查封场所、设施或者财物", "扣押财物", "冻结存款、汇款", "其他",
        ])
        #expect(Catalogue.categories(.enforcementExecution).map(\.code) == [
            "surcharge", "transfer", "auction", "remove_obstruction", "substitute", "court_enforcement",
            "other_execution",
        ])
        #expect(Catalogue.categories(.enforcementExecution).map(\.name) == [
            "加处罚款或者滞纳金", "划拨存款、汇款", "拍卖或者依法处理查封、扣押的场所、设施或者财物",
            "排除妨碍、恢复原状", "代履行", "申请人民法院强制执行", "其他",
        ])
        #expect(Catalogue.categories(.enforcementMeasure).allSatisfy { $0.legalBasis == "《行政强制法》第九条" })
        #expect(Catalogue.category(.enforcementExecution, code: "court_enforcement")?.legalBasis
            == "《行政强制法》第五十三条")
        #expect(Catalogue.category(.enforcementExecution, code: "surcharge")?.legalBasis == "《行政强制法》第十二条")
    }

    @Test func otherKindsMatchTheDomainLists() {
        #expect(Catalogue.categories(.inspectionKind).map(\.code) == [
            "routine", "random", "special", "complaint", "review", "patrol",
        ])
        #expect(Catalogue.categories(.inspectionKind).map(\.name) == [
            "日常检查", "双随机抽查", "专项检查", "投诉举报核查", "整改复查", "执法巡查",
        ])
        #expect(Catalogue.categories(.industry).map(\.code) == [
            "hazardous_chemicals", "non_coal_mine", "fireworks", "metallurgy", "nonferrous",
            "building_materials", "machinery", "light_industry", "textile", "tobacco", "commerce", "other",
        ])
        #expect(Catalogue.categories(.industry).map(\.name) == [
            "危险化学品", "非煤矿山", "烟花爆竹", "冶金", "有色", "建材", "机械", "轻工", "纺织", "烟草", "商贸", "其他",
        ])
        #expect(Catalogue.categories(.procedure).map(\.code) == ["simple", "ordinary"])
        #expect(Catalogue.categories(.procedure).map(\.name) == ["简易程序", "普通程序"])
        #expect(Catalogue.categories(.partyType).map(\.code) == ["unit", "individual"])
        #expect(Catalogue.categories(.partyType).map(\.name) == ["单位", "个人"])
    }

    @Test func industryTradeGroupIsEverythingFromMetallurgyToCommerce() {
        let group = Catalogue.categories(.industry).filter { $0.group == "industry_trade" }
        #expect(group.map(\.name) == ["冶金", "有色", "建材", "机械", "轻工", "纺织", "烟草", "商贸"])
        #expect(Catalogue.all.filter { $0.kind != .industry }.allSatisfy { $0.group == nil })
    }

    @Test func everyKindIsCatalogued() {
        for kind in CategoryKind.allCases {
            let categories = Catalogue.categories(kind)
            #expect(!categories.isEmpty, "\(kind)")
            #expect(Set(categories.map(\.code)).count == categories.count, "codes of \(kind) are unique")
            if kind != .penaltyType {
                #expect(categories.map(\.order) == Array(1...categories.count), "display order of \(kind)")
            }
        }
        #expect(Catalogue.all.count == Catalogue.all.map(\.kind).count)
        #expect(Catalogue.category(.penaltyType, code: "nonexistent") == nil)
        #expect(Catalogue.category(.industry, code: "warning") == nil)
    }

    @Test func noNameMeansTwoThingsWithinAKind() {
        for kind in CategoryKind.allCases {
            var seen: [String: String] = [:]
            var names = Catalogue.categories(kind).flatMap { category in
                ([category.name] + category.aliases).map { (TextNormalizer.compact($0), category.code) }
            }
            if kind == .penaltyType {
                names += Catalogue.ambiguousLegacyNames.map { (TextNormalizer.compact($0.name), "legacy") }
            }
            for (name, code) in names {
                #expect(seen[name] == nil, "\(kind): \(name) is claimed by \(seen[name] ?? "") and \(code)")
                seen[name] = code
            }
        }
    }

    @Test(arguments: [
        (CategoryKind.penaltyType, "警告", "warning"),
        (.penaltyType, "罚款", "fine"),
        (.penaltyType, " 罚 款 ", "fine"),
        (.penaltyType, "责令停产停业", "suspend_business"),
        (.penaltyType, "暂扣许可证件", "suspend_permit"),
        (.penaltyType, "暂扣许可证", "suspend_permit"),
        (.penaltyType, "暂扣执照", "suspend_permit"),
        (.penaltyType, "吊销许可证", "revoke_permit"),
        (.penaltyType, "吊销执照", "revoke_permit"),
        (.penaltyType, "吊销许可证件", "revoke_permit"),
        (.penaltyType, "其他", "other"),
        (.penaltyType, "其它", "other"),
        (.enforcementMeasure, "查封", "seal_up"),
        (.enforcementMeasure, "查封场所、设施或者财物", "seal_up"),
        (.enforcementMeasure, "扣押", "seize"),
        (.enforcementMeasure, "冻结", "freeze"),
        (.enforcementMeasure, "限制公民人身自由", "restrict_liberty"),
        (.enforcementMeasure, "其他", "other_measure"),
        (.enforcementExecution, "其他", "other_execution"),
        (.enforcementExecution, "划拨", "transfer"),
        (.enforcementExecution, "拍卖", "auction"),
        (.enforcementExecution, "加处罚款", "surcharge"),
        (.enforcementExecution, "滞纳金", "surcharge"),
        (.enforcementExecution, "排除妨碍", "remove_obstruction"),
        (.enforcementExecution, "恢复原状", "remove_obstruction"),
        (.enforcementExecution, "代履行", "substitute"),
        (.enforcementExecution, "申请法院强制执行", "court_enforcement"),
        (.enforcementExecution, "申请人民法院强制执行", "court_enforcement"),
        (.inspectionKind, "日常检查", "routine"),
        (.inspectionKind, "日常", "routine"),
        (.inspectionKind, "双随机", "random"),
        (.inspectionKind, "双随机检查", "random"),
        (.inspectionKind, "双随机抽查", "random"),
        (.inspectionKind, "专项", "special"),
        (.inspectionKind, "投诉举报", "complaint"),
        (.inspectionKind, "复查", "review"),
        (.inspectionKind, "巡查", "patrol"),
        (.inspectionKind, "执法巡查", "patrol"),
        (.industry, "危化品", "hazardous_chemicals"),
        (.industry, "危化", "hazardous_chemicals"),
        (.industry, "危险化学品", "hazardous_chemicals"),
        (.industry, "商贸", "commerce"),
        (.industry, "其他", "other"),
        (.procedure, "简易", "simple"),
        (.procedure, "简易程序", "simple"),
        (.procedure, "一般程序", "ordinary"),
        (.procedure, "普通", "ordinary"),
        (.procedure, "一般", "ordinary"),
        (.partyType, "法人", "unit"),
        (.partyType, "法人或其他组织", "unit"),
        (.partyType, "企业", "unit"),
        (.partyType, "其他组织", "unit"),
        (.partyType, "自然人", "individual"),
        (.partyType, "公民", "individual"),
        (.partyType, "个人", "individual"),
    ])
    func knownNamesAreFound(kind: CategoryKind, text: String, code: String) throws {
        let expected = try #require(Catalogue.category(kind, code: code))
        #expect(Catalogue.lookup(kind, text) == .found(expected))
        #expect(Catalogue.lookup(kind, text).category == expected)
    }

    @Test func fullWidthAndSpacedNamesAreFound() {
        #expect(Catalogue.lookup(.penaltyType, "\u{3000}警\u{3000}告 ").category?.code == "warning")
        #expect(Catalogue.lookup(.partyType, "法人或其他组织").category?.code == "unit")
        #expect(Catalogue.lookup(.partyType, "法人（或其他组织）").category == nil)
    }

    @Test(arguments: ["暂扣或者吊销许可证", "暂扣或吊销许可证", "暂扣或者吊销执照", "暂扣或吊销执照", " 暂扣或者吊销 许可证 "])
    func ambiguousLegacyNamesCountAsSuspensionWithANote(text: String) throws {
        let suspend = try #require(Catalogue.category(.penaltyType, code: "suspend_permit"))
        guard case .ambiguousLegacy(let category, let note) = Catalogue.lookup(.penaltyType, text) else {
            Issue.record("\(text) is not an ambiguous legacy name")
            return
        }
        #expect(category == suspend)
        #expect(note.contains("吊销许可证件"))
        #expect(Catalogue.lookup(.penaltyType, text).category == suspend)
    }

    @Test func legacyNamesAreOnlyPenaltyTypes() {
        #expect(Catalogue.lookup(.enforcementMeasure, "暂扣或者吊销许可证").category == nil)
    }

    @Test func namesAreLookedUpWithinTheirKindOnly() {
        #expect(Catalogue.lookup(.enforcementMeasure, "罚款").category == nil)
        #expect(Catalogue.lookup(.penaltyType, "查封").category == nil)
        #expect(Catalogue.lookup(.penaltyType, "fine").category == nil)
    }

    @Test(arguments: [
        (CategoryKind.penaltyType, "罚金", "fine"),
        (.penaltyType, "警告处分", "warning"),
        (.penaltyType, "责令停产停业整顿", "suspend_business"),
        (.penaltyType, "吊销营业执照", "revoke_permit"),
        (.penaltyType, "没收违法所得款", "confiscate_gains"),
        (.enforcementMeasure, "查封设施", "seal_up"),
        (.enforcementMeasure, "查封场所，设施或者财物", "seal_up"),
        (.inspectionKind, "专项检察", "special"),
        (.industry, "危险化学", "hazardous_chemicals"),
    ])
    func unknownNamesSuggestTheNearest(kind: CategoryKind, text: String, code: String) throws {
        let expected = try #require(Catalogue.category(kind, code: code))
        #expect(Catalogue.lookup(kind, text) == .unknown(suggestion: expected))
    }

    @Test(arguments: ["", "  ", "abc", "xx", "行政处分决定书", "123456"])
    func farOffNamesSuggestNothing(text: String) {
        #expect(Catalogue.lookup(.penaltyType, text) == .unknown(suggestion: nil))
    }

    @Test func heaviestPenaltyTypeRanksOtherLowest() throws {
        func types(_ codes: String...) throws -> [Category] {
            try codes.map { try #require(Catalogue.category(.penaltyType, code: $0)) }
        }
        #expect(Catalogue.heaviest(try types("warning", "fine"))?.code == "fine")
        #expect(Catalogue.heaviest(try types("other", "warning"))?.code == "warning")
        #expect(Catalogue.heaviest(try types("revoke_permit", "detention", "fine"))?.code == "detention")
        #expect(Catalogue.heaviest(try types("bar_practice", "close"))?.code == "bar_practice")
        #expect(Catalogue.heaviest(try types("other"))?.code == "other")
        #expect(Catalogue.heaviest([Category]()) == nil)
    }

    @Test func editDistanceCountsCharacterEdits() {
        #expect(EditDistance.between(Array("罚款"), Array("罚金")) == 1)
        #expect(EditDistance.between(Array("kitten"), Array("sitting")) == 3)
        #expect(EditDistance.between(Array(""), Array("abc")) == 3)
        #expect(EditDistance.between(Array("abc"), Array("")) == 3)
        #expect(EditDistance.between(Array("同"), Array("同")) == 0)
    }
}
