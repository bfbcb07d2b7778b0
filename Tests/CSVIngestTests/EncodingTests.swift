import PropertyBased
import Testing
@testable import CSVIngest

struct EncodingTests {
    @Test func byteOrderMarkIsStrippedOnlyAtTheStart() throws {
        let result = try read(path: fixturePath("bom.csv"))
        #expect(result.summary?.encoding == .utf8WithBOM)
        #expect(result.records[0] == ["案件编号", "当事人", "罚款金额(元)"])
        #expect(result.records[2][1] == "\u{FEFF}张三")
    }

    @Test func gb18030IsDetectedAndDecoded() throws {
        let result = try read(path: fixturePath("gb18030.csv"))
        #expect(result.summary?.encoding == .gb18030)
        #expect(result.diagnostics == [])
        #expect(result.records == [
            ["案件编号", "当事人", "处罚种类", "罚款金额(元)"],
            ["CF-2022-001", "华东化工有限公司", "警告、罚款", "5,000"],
            ["CF-2022-002", "李四", "罚款", "300"],
            ["合计", "", "", "5300"],
        ])
    }

    @Test func gb18030FourByteCharactersSurviveEveryChunkSplit() throws {
        let expected = [["id", "name"], ["1", "𠀀€"]]
        for chunk in 1...9 {
            let result = try read(path: fixturePath("gb18030-four-byte.csv"),
                                  options: CSVReadOptions(encoding: .gb18030, chunkBytes: chunk))
            #expect(result.records == expected, "chunk of \(chunk) bytes")
        }
    }

    @Test func fileInNeitherEncodingRejectsTheRowsWithBadBytes() throws {
        let result = try read(path: fixturePath("invalid-bytes.csv"))
        #expect(result.summary?.encoding == .invalid)
        #expect(result.problems == ["invalid-encoding@3:2"])
        #expect(result.records.map { $0[0] } == ["id", "1", "3"])
    }

    @Test func explicitUTF8RejectsAGB18030File() throws {
        let result = try read(path: fixturePath("gb18030.csv"), options: CSVReadOptions(encoding: .utf8))
        #expect(result.diagnostics.count == 4)
        #expect(result.diagnostics.allSatisfy { $0.code == .invalidEncoding })
    }

    @Test func explicitGB18030KeepsInvalidBytesOutOfTheRecords() throws {
        let result = try read(bytes: Array("id,name\n1,".utf8) + [0xFF] + Array("\n2,ok\n".utf8),
                              options: CSVReadOptions(encoding: .gb18030))
        #expect(result.problems == ["invalid-encoding@2:2"])
        #expect(result.diagnostics.first?.message.contains("GB18030") == true)
        #expect(result.diagnostics.first?.raw == "1,\\xFF")
        #expect(result.records == [["id", "name"], ["2", "ok"]])
    }

    @Test(arguments: [
        ([0x61, 0x62], UTF8Validation.Outcome.valid),
        ([0xE4, 0xB8, 0xAD], .valid),
        ([0xF0, 0x9F, 0xA7, 0xAF], .valid),
        ([0xC0, 0x80], .invalid(at: 0)),              // overlong NUL
        ([0xED, 0xA0, 0x80], .invalid(at: 0)),        // a UTF-16 surrogate
        ([0xF4, 0x90, 0x80, 0x80], .invalid(at: 0)),  // above U+10FFFF
        ([0x61, 0xE4, 0xB8], .truncated(at: 1)),
        ([0x61, 0x80], .invalid(at: 1)),
    ] as [([UInt8], UTF8Validation.Outcome)])
    func utf8Validation(bytes: [UInt8], expected: UTF8Validation.Outcome) {
        #expect(bytes.withUnsafeBytes { UTF8Validation.check($0) } == expected)
    }

    /// Pieces of text for the validator: ASCII, characters of two, three and four bytes (the
    /// three-byte ones on every lead), and what is not UTF-8 — a stray continuation byte,
    /// overlong forms, surrogates, lead bytes that never start a character.
    static let utf8Pieces: [[UInt8]] = [
        Array("ab,12\n".utf8), Array("é".utf8), Array("中".utf8), Array("张三".utf8), Array("🧯".utf8),
        [0xE0, 0xA0, 0x80], [0xE1, 0x80, 0x80], [0xEC, 0xBF, 0xBF], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],
        [0xEF, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF],
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xFF], [0xE4], [0xE4, 0xB8], [0xE4, 0x41, 0x80], [0xE4, 0xB8, 0x41],
    ]

    /// The validator before its fast paths, a byte at a time: what `check` must agree with.
    static func checkByteByByte(_ bytes: [UInt8]) -> UTF8Validation.Outcome {
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            var (length, low, high): (Int, UInt8, UInt8) = (0, 0x80, 0xBF)
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, low) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, high) = (3, 0x9F)
            case 0xF0: (length, low) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, high) = (4, 0x8F)
            default: return .invalid(at: i)
            }
            for k in 1..<length {
                guard i + k < bytes.count else { return .truncated(at: i) }
                let b = bytes[i + k]
                if k == 1 ? (b < low || b > high) : (b & 0xC0 != 0x80) { return .invalid(at: i) }
            }
            i += length
        }
        return .valid
    }

    @Test func utf8ValidationAgreesWithTheByteByByteCheck() async {
        let text = Gen.int(in: 0..<Self.utf8Pieces.count).array(of: 0...40)
        await propertyCheck(count: 3000, input: text, Gen.int(in: 0...3)) { picks, cut in
            let bytes = Array(picks.flatMap { Self.utf8Pieces[$0] }.dropLast(cut))
            let outcome = bytes.withUnsafeBytes { UTF8Validation.check($0) }
            #expect(outcome == Self.checkByteByByte(bytes), "\(bytes)")
            #expect((outcome == .valid) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    // MARK: Files found valid before parsing

    @Test(arguments: [
        (Array("id,name\n1,张三\n".utf8), TextEncoding.utf8, true),
        (Array("id,name\n1,张".utf8) + [0xE4, 0xB8], .utf8, false),  // cut inside its last character
        ([0x69, 0x64, 0x0A, 0xD5, 0xC5, 0x0A], .gb18030, true),        // 张 in GB18030
        (Array("id\n".utf8) + [0xFF, 0xFF, 0x0A], .invalid, false),
    ] as [([UInt8], TextEncoding, Bool)])
    func detectionSaysWhetherEveryByteDecoded(bytes: [UInt8], encoding: TextEncoding, whollyValid: Bool) throws {
        let file = try InputFile(path: temporaryFile(bytes))
        defer { file.close() }
        let decision = try EncodingDetector.detect(file, chunkBytes: 4)
        #expect(decision.encoding == encoding)
        #expect(decision.isWhollyValid == whollyValid)
    }

    /// A file the detector found valid is read without checking each field's encoding: NUL
    /// bytes, fields over the cap, quoted line ends and all must come out exactly as when every
    /// field is checked (`--encoding utf-8`).
    @Test func aFileFoundValidReadsAsOneCheckedFieldByField() async {
        let field = Gen.oneOf(
            Gen.always("a"), Gen.always(","), Gen.always("\""), Gen.always("\n"), Gen.always("\u{0}"),
            Gen.always("张三"), Gen.always("\u{3000}"), Gen.always("🧯"), Gen.always(String(repeating: "长", count: 4))
        ).array(of: 0...5).map { $0.joined() }
        let quotedOrNot = PropertyBased.zip(field, Gen.bool).map { text, quoted in
            quoted ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        await propertyCheck(count: 300, input: quotedOrNot.array(of: 1...4).array(of: 1...8)) { rows in
            let bytes = Array((["id,name,note"] + rows.map { $0.joined(separator: ",") }).joined(separator: "\n").utf8)
            let found = try? read(bytes: bytes, options: CSVReadOptions(maxFieldBytes: 12))
            var checked = try? read(bytes: bytes, options: CSVReadOptions(encoding: .utf8, maxFieldBytes: 12))
            checked?.summary?.encoding = .utf8
            checked?.summary?.path = found?.summary?.path ?? ""
            #expect(found?.summary?.encoding == .utf8)
            #expect(found == checked)
        }
    }

    /// A character cut by the file's end, where the second part would start: the first part
    /// ends where the file does, so the cut is the end's (UTF-8, last row rejected), not a bad
    /// byte that would send the file to GB18030 (as which these two bytes decode).
    @Test func aPartEndingWhereTheFileEndsMayCutItsLastCharacter() throws {
        let file = try InputFile(path: temporaryFile([0xE5, 0xBC]))
        defer { file.close() }
        for threads in 1...3 {
            let decision = try EncodingDetector.detect(file, chunkBytes: 1, threads: threads)
            #expect(decision.encoding == .utf8 && !decision.isWhollyValid, "\(threads) threads")
        }
    }

    /// A large file's encoding is checked in parts on several threads: whatever the parts, the
    /// decision is the one checking it whole gives — characters cut between parts, a stray
    /// continuation byte, a character cut by the file's end; for GB18030 (checked in parts cut
    /// after line feeds) two- and four-byte characters, a lead byte without its trail.
    @Test func checkingInPartsDecidesAsCheckingWhole() async {
        let piece = Gen.oneOf(
            Gen.always([0x61] as [UInt8]), Gen.always([0x0A] as [UInt8]), Gen.always([0xE5, 0xBC, 0xA0] as [UInt8]),
            Gen.always([0xF0, 0x9F, 0xA7, 0xAF] as [UInt8]), Gen.always([0xC3, 0xA9] as [UInt8]), Gen.always([0x80] as [UInt8]),
            Gen.always([0xE5, 0xBC] as [UInt8]), Gen.always([0xD5, 0xC5] as [UInt8]),
            Gen.always([0x81, 0x30, 0x81, 0x30] as [UInt8]), Gen.always([0x0A, 0xD5, 0xC5, 0x0A] as [UInt8]),
            Gen.always([0xD5] as [UInt8])
        ).array(of: 0...40).map { $0.flatMap { $0 } }
        await propertyCheck(count: 1_000, input: piece, Gen.int(in: 1...8)) { (bytes: [UInt8], chunkBytes: Int) in
            guard let path = try? temporaryFile(bytes), let file = try? InputFile(path: path) else {
                Issue.record("cannot make the file")
                return
            }
            defer { file.close() }
            let whole = try? EncodingDetector.detect(file, chunkBytes: chunkBytes, threads: 1)
            for threads in 2...4 {
                let parts = try? EncodingDetector.detect(file, chunkBytes: chunkBytes, threads: threads)
                #expect(parts?.encoding == whole?.encoding && parts?.isWhollyValid == whole?.isWhollyValid,
                        "\(threads) threads, chunks of \(chunkBytes)")
            }
        }
    }
}
