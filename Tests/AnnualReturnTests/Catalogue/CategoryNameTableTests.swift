import Foundation
import PropertyBased
import Testing
@testable import AnnualReturn

/// The catalogue matches names on their bytes; that must find exactly what a dictionary keyed
/// by the compacted `String` finds, with its Unicode equality.
struct CategoryNameTableTests {
    /// Every compacted name of each kind in a `String`-keyed dictionary: the general path.
    static let reference: [CategoryKind: [String: CategoryLookup]] = {
        var names: [CategoryKind: [String: CategoryLookup]] = [:]
        for category in Catalogue.all {
            for name in [category.name] + category.aliases {
                names[category.kind, default: [:]][TrickyText.compact(name)] = .found(category)
            }
        }
        for legacy in Catalogue.ambiguousLegacyNames {
            let category = Catalogue.category(.penaltyType, code: legacy.code)!
            names[.penaltyType, default: [:]][TrickyText.compact(legacy.name)] = .ambiguousLegacy(category, note: legacy.note)
        }
        return names
    }()

    static let allNames = Catalogue.all.flatMap { [$0.name] + $0.aliases } + Catalogue.ambiguousLegacyNames.map(\.name)

    /// The CJK compatibility ideographs that stand canonically for an ideograph of some name,
    /// by that ideograph; a name spelt with one is the same name to `String` equality.
    static let compatibilityVariants: [Character: Character] = {
        let nameCharacters = Set(allNames.flatMap { $0 })
        var variants: [Character: Character] = [:]
        for value in UInt32(0xF900)...0xFAFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let unified = Character(String(scalar).decomposedStringWithCanonicalMapping)
            if nameCharacters.contains(unified), String(unified).unicodeScalars.first != scalar {
                variants[unified] = Character(scalar)
            }
        }
        return variants
    }()

    /// Names as exports write them: known names with spaces, full-width forms, compatibility
    /// ideographs or combining marks put in, cut short or run together, and tricky text.
    static let names = zip(
        TrickyText.oneOf(allNames + ["罚金", "警告处分", "其他", "其它", "", "fine", "查封设施"]),
        TrickyText.oneOf(["", " ", "\u{3000}", "\u{200B}", "（", "\u{0301}", "、", "罚款", "ｶﾞ"] as [String]),
        TrickyText.oneOf(["as is", "insert", "prefix", "compatibility", "cut", "tricky"] as [String]),
        Gen.int(in: 0...20),
        TrickyText.text
    ).map { (parts: (String, String, String, Int, String)) -> String in
        Self.name(parts.0, changedBy: parts.2, with: parts.1, at: parts.3, orTricky: parts.4)
    }

    /// `name` with `piece` put in or another change made.
    static func name(_ name: String, changedBy change: String, with piece: String, at position: Int,
                     orTricky tricky: String) -> String {
        var characters = Array(name)
        let at = min(position, characters.count)
        switch change {
        case "insert": characters.insert(contentsOf: Array(piece), at: at)
        case "prefix": characters = Array(piece) + characters
        case "compatibility": characters = characters.map { compatibilityVariants[$0] ?? $0 }
        case "cut": characters = Array(characters.prefix(at))
        case "tricky": return tricky
        default: break
        }
        return String(characters)
    }

    @Test func someNamesHaveCompatibilityVariants() {
        #expect(!Self.compatibilityVariants.isEmpty)
    }

    @Test func lookupsFindWhatAStringKeyedDictionaryFinds() async {
        await propertyCheck(count: 4000, input: Self.names) { text in
            for kind in CategoryKind.allCases {
                let expected = Self.reference[kind]?[TrickyText.compact(text)]
                let found = Catalogue.lookup(kind, text)
                if let expected {
                    #expect(found == expected, "\(kind) \(text.debugDescription)")
                } else {
                    #expect(found.category == nil, "\(kind) \(text.debugDescription)")
                    // The remembered suggestion is the one worked out the first time.
                    #expect(Catalogue.lookup(kind, text) == found)
                }
            }
        }
    }

    @Test func everyNameAndItsCompatibilityVariantIsFound() throws {
        for kind in CategoryKind.allCases {
            for (name, expected) in try #require(Self.reference[kind]) {
                #expect(Catalogue.lookup(kind, name) == expected, "\(kind) \(name)")
                let variant = String(name.map { Self.compatibilityVariants[$0] ?? $0 })
                #expect(Catalogue.lookup(kind, variant) == expected, "\(kind) \(variant)")
            }
        }
    }

    // MARK: Codes found from the bytes (staging's path)

    /// Staging takes a cell's code from its bytes (`RowCheck.foundCategoryCode`) when the cell
    /// is a name found as such: it must be the general lookup's code, and be taken whenever the
    /// text needs no normalising but its whitespace removed.
    @Test func codesFoundFromBytesAreTheLookupsCodes() async {
        await propertyCheck(count: 3000, input: Self.names) { text in
            let known = TrickyText.withUTF8(text, TextNormalizer.isKnownNFKC(utf8:))
            for kind in CategoryKind.allCases {
                let fromBytes = TrickyText.withUTF8(text) { bytes in
                    TextNormalizer.withCompacted(utf8: bytes) { Catalogue.foundCode(kind, compactedUTF8: $0) } ?? nil
                }
                var general: String?
                if case .found(let category) = Catalogue.lookup(kind, text) { general = category.code }
                if let fromBytes { #expect(fromBytes == general, "\(kind) \(text.debugDescription)") }
                if general != nil && known { #expect(fromBytes != nil, "\(kind) \(text.debugDescription)") }
            }
        }
    }

    /// 处罚种类 as exports fill it, decisions not to penalise and legacy names among them.
    static let penaltyTypeCells = TrickyText.oneOf([
        "警告", "罚款", "没收违法所得", "暂扣许可证", "责令停产停业", "其他", "罚金", "不予处罚", "免予处罚",
        "暂扣或者吊销许可证", " ", "\u{3000}", "、", "，", ",", ";", "；", "/", "／", "+", "＋", "\u{0301}", "e",
    ] as [String]).array(of: 0...6).map { $0.joined() }

    /// Staging reads 处罚种类 from its bytes when every name in it is found as such: the codes
    /// must be those the general path (split, look up each, drop repeats) gives, and the byte
    /// path must be taken whenever the cell needs no normalising and names only found types.
    @Test func penaltyTypesFoundFromBytesAreTheGeneralPaths() async {
        await propertyCheck(count: 4000, input: Self.penaltyTypeCells) { text in
            let fromBytes = TrickyText.withUTF8(text, RecordStager.foundPenaltyTypes(utf8:))
            let parts = PenaltyTypeList.split(text)
            var general: [String] = []
            var everyPartFound = !parts.isEmpty
            for part in parts {
                if case .found(let category) = Catalogue.lookup(.penaltyType, part) {
                    if !general.contains(category.code) { general.append(category.code) }
                } else {
                    everyPartFound = false
                }
            }
            let notPenalized = RecordStager.notPenalizedNames.contains(TextNormalizer.compact(text))
            if let fromBytes {
                #expect(everyPartFound && !notPenalized && fromBytes == general, "\(text.debugDescription)")
            }
            if everyPartFound && !notPenalized && TrickyText.withUTF8(text, TextNormalizer.isKnownNFKC(utf8:)) {
                #expect(fromBytes != nil, "\(text.debugDescription)")
            }
        }
    }

    @Test func noDecisionNotToPenaliseIsAPenaltyTypesName() {
        for name in RecordStager.notPenalizedNames {
            #expect(Catalogue.lookup(.penaltyType, name).category == nil, "\(name)")
        }
    }

    // MARK: Penalty type lists

    /// `PenaltyTypeList.split` as first written: scalars gathered between separators.
    static func referenceSplit(_ text: String) -> [String] {
        let separators: Set<Unicode.Scalar> = ["、", "，", ",", ";", "；", "/", "／", "+", "＋"]
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if separators.contains(scalar) {
                let trimmed = TextNormalizer.trimmingWhitespace(String(current))
                if !trimmed.isEmpty { parts.append(trimmed) }
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        let trimmed = TextNormalizer.trimmingWhitespace(String(current))
        if !trimmed.isEmpty { parts.append(trimmed) }
        return parts
    }

    static let penaltyLists = TrickyText.oneOf([
        "警告", "罚款", "没收违法所得", "暂扣许可证", " ", "\u{3000}", "、", "，", ",", ";", "；", "/", "／", "+", "＋",
        "\u{0301}", "e", "\u{FEFF}",
    ] as [String]).array(of: 0...8).map { $0.joined() }

    @Test func splitEqualsTheScalarGathering() async {
        await propertyCheck(count: 3000, input: Self.penaltyLists) { text in
            #expect(TrickyText.utf8(PenaltyTypeList.split(text)) == TrickyText.utf8(Self.referenceSplit(text)),
                    "\(text.debugDescription)")
        }
        await propertyCheck(count: 2000, input: TrickyText.text) { text in
            #expect(TrickyText.utf8(PenaltyTypeList.split(text)) == TrickyText.utf8(Self.referenceSplit(text)),
                    "\(text.debugDescription)")
        }
    }
}
