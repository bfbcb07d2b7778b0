import PropertyBased
import Testing
@testable import CSVIngest

/// Properties that must hold for any input: what the writer quotes, the reader gives back; and
/// the chunk size never changes a record, a row number or a diagnostic.
struct StreamingPropertyTests {
    /// Field text drawn from the characters that stress CSV: delimiters, quotes, line ends,
    /// spaces, Chinese and an emoji.
    static let fieldText = Gen.oneOf(
        Gen.always("a"), Gen.always(","), Gen.always("\""), Gen.always("\n"), Gen.always("\r\n"),
        Gen.always(" "), Gen.always("检"), Gen.always("查"), Gen.always("🧯"), Gen.always("1")
    ).array(of: 0...6).map { $0.joined() }

    static func quoted(_ field: String) -> String {
        "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    @Test func whatIsWrittenQuotedIsReadBack() async {
        await propertyCheck(count: 200, input: Self.fieldText.array(of: 3...3).array(of: 1...6)) { rows in
            let header = ["a", "b", "c"]
            let text = ([header] + rows).map { $0.map(Self.quoted).joined(separator: ",") }
                .joined(separator: "\r\n")
            let result = try? read(text)
            // A row whose fields are all empty is a delimiter-only line, which is not a record.
            let expected = [header] + rows.filter { !$0.allSatisfy(\.isEmpty) }
            #expect(result?.records == expected)
            #expect(result?.diagnostics == [])
        }
    }

    @Test func chunkSizeChangesNothing() async throws {
        let samples = [
            "a,b\n1,\"x\ny\"\n\n2,x\"y\n3,\"open\n4,ok\n",
            "a,b\r\n\"l1\r\nl2\",2\r\n,\r\n3,4,5\r\n5,\"p\"q\r\n",
            "\u{FEFF}单位,备注\n华东,\"已整改\n🧯\"\n李四,\0\n",
        ]
        for sample in samples {
            let whole = try read(sample)
            for chunk in [1, 2, 3, 5, 7, 64] {
                let pieces = try read(sample, options: CSVReadOptions(chunkBytes: chunk))
                #expect(pieces.records == whole.records, "chunk \(chunk)")
                #expect(pieces.rows == whole.rows, "chunk \(chunk)")
                #expect(pieces.problems == whole.problems, "chunk \(chunk)")
            }
        }
    }

    @Test func everyRecordIsAcceptedOrRejected() async {
        let messy = Gen.oneOf(Gen.always("a"), Gen.always(","), Gen.always("\""), Gen.always("\n"),
                              Gen.always("\r"), Gen.always("x\"y"), Gen.always("中"))
            .array(of: 0...40).map { $0.joined() }
        await propertyCheck(count: 300, input: messy) { text in
            guard let result = try? read("h1,h2\n" + text) else {
                Issue.record("reading threw")
                return
            }
            let summary = result.summary!
            #expect(summary.records == summary.accepted + summary.rejected)
            #expect(result.records.count == summary.accepted)
            #expect(result.diagnostics.count == summary.rejected)
        }
    }
}
