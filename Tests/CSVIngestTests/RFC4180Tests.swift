import Testing
@testable import CSVIngest

/// Well-formed CSV: each case gives the records (header first) and the Excel rows they sit on.
struct RFC4180Tests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var input: String
        var records: [[String]]
        var rows: [Int]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain", input: "a,b\n1,2\n", records: [["a", "b"], ["1", "2"]], rows: [1, 2]),
        Case(name: "comma inside quotes", input: "a,b\n\"x,y\",2\n",
             records: [["a", "b"], ["x,y", "2"]], rows: [1, 2]),
        Case(name: "doubled quote inside quotes", input: "a,b\n\"say \"\"hi\"\"\",2\n",
             records: [["a", "b"], ["say \"hi\"", "2"]], rows: [1, 2]),
        Case(name: "newline inside quotes takes one row", input: "a,b\n\"l1\nl2\",2\n3,4\n",
             records: [["a", "b"], ["l1\nl2", "2"], ["3", "4"]], rows: [1, 2, 3]),
        Case(name: "CRLF inside quotes is kept byte for byte", input: "a,b\r\n\"l1\r\nl2\",2\r\n",
             records: [["a", "b"], ["l1\r\nl2", "2"]], rows: [1, 2]),
        Case(name: "CRLF line ends", input: "a,b\r\n1,2\r\n3,4\r\n",
             records: [["a", "b"], ["1", "2"], ["3", "4"]], rows: [1, 2, 3]),
        Case(name: "empty and quoted-empty fields", input: "a,b,c\n,\"\",x\n",
             records: [["a", "b", "c"], ["", "", "x"]], rows: [1, 2]),
        Case(name: "no final newline", input: "a,b\n1,2", records: [["a", "b"], ["1", "2"]], rows: [1, 2]),
        Case(name: "header only", input: "a,b\n", records: [["a", "b"]], rows: [1]),
        Case(name: "empty file", input: "", records: [], rows: []),
        Case(name: "blank lines take rows but are not records", input: "a,b\n\n1,2\r\n\r\n\n3,4\n\n",
             records: [["a", "b"], ["1", "2"], ["3", "4"]], rows: [1, 3, 6]),
        Case(name: "delimiter-only lines are not records", input: "a,b\n1,2\n,\n\"\",\"\"\n3,4\n",
             records: [["a", "b"], ["1", "2"], ["3", "4"]], rows: [1, 2, 5]),
        Case(name: "spaces are data, never trimmed", input: "a,b\n 1 , 2 \n",
             records: [["a", "b"], [" 1 ", " 2 "]], rows: [1, 2]),
        Case(name: "Chinese and emoji", input: "单位,备注\n华东化工有限公司,\"已整改 ✅🧯\"\n",
             records: [["单位", "备注"], ["华东化工有限公司", "已整改 ✅🧯"]], rows: [1, 2]),
        Case(name: "a byte order mark further on is data", input: "a,b\n\u{FEFF}x,y\n",
             records: [["a", "b"], ["\u{FEFF}x", "y"]], rows: [1, 2]),
    ]

    @Test(arguments: cases)
    func readsWellFormedInput(_ testCase: Case) throws {
        let result = try read(testCase.input)
        #expect(result.diagnostics == [])
        #expect(result.records == testCase.records)
        #expect(result.rows == testCase.rows)
        #expect(result.summary?.accepted == testCase.records.count)
        #expect(result.summary?.rejected == 0)
    }

    @Test func crlfFixtureReallyHoldsCRLF() throws {
        let bytes = try fixtureBytes("crlf.csv")
        let crlf = zip(bytes, bytes.dropFirst()).filter { $0 == (0x0D, 0x0A) }.count
        #expect(crlf == 4)  // three line ends and one inside a quoted field
        let result = try read(path: fixturePath("crlf.csv"))
        #expect(result.records == [
            ["检查编号", "被检查单位", "检查日期"],
            ["JC-001", "华东化工有限公司", "2022-03-05"],
            ["JC-002", "多行\r\n备注", "2022/3/6"],
        ])
        #expect(result.rows == [1, 2, 3])
        #expect(result.lines == [1, 2, 3])
    }

    @Test func recordKnowsItsFirstPhysicalLine() throws {
        let result = try read("a,b\n\"1\n2\n3\",x\n\ny,z\n")
        #expect(result.rows == [1, 2, 4])
        #expect(result.lines == [1, 2, 6])
        #expect(result.summary?.lines == 6)
        #expect(result.summary?.blankRows == 1)
    }

    @Test func fieldOfOneMebibyteIsAccepted() throws {
        let big = String(repeating: "字", count: (1 << 20) / 3)  // 3 bytes each, just under 1 MiB
        let result = try read("a,b\n\"\(big)\",2\n")
        #expect(result.diagnostics == [])
        #expect(result.records.last?[0].utf8.count == big.utf8.count)
    }

    @Test func fieldOfExactlyTheCapIsAcceptedAndOneMoreIsNot() throws {
        let cap = 4096
        let options = CSVReadOptions(maxFieldBytes: cap)
        let exact = try read("a\n\(String(repeating: "x", count: cap))\n", options: options)
        #expect(exact.diagnostics == [])
        let over = try read("a\n\(String(repeating: "x", count: cap + 1))\nok\n", options: options)
        #expect(over.problems == ["field-too-large@2:1"])
        #expect(over.records == [["a"], ["ok"]])
        let wayOver = try read("a\n\(String(repeating: "x", count: cap * 3))\nok\n", options: options)
        #expect(wayOver.problems == ["field-too-large@2:1"])
        #expect(wayOver.records == [["a"], ["ok"]])
    }

    /// The same boundary for a quoted field, whose closing quote libcsv holds in its buffer
    /// until the next byte (a file written back with every field quoted must read back).
    @Test func quotedFieldOfExactlyTheCapIsAcceptedAndOneMoreIsNot() throws {
        let cap = 256
        let options = CSVReadOptions(maxFieldBytes: cap)
        // What follows the closing quote: a line end, CR LF, or the next field.
        for (header, end, next) in [("a", "\n", "ok"), ("a", "\r\n", "ok"), ("a,b", ",2\n", "ok,3")] {
            let exact = try read("\(header)\n\"\(String(repeating: "x", count: cap))\"\(end)\(next)\n", options: options)
            #expect(exact.diagnostics == [], "\(end.debugDescription)")
            #expect(exact.records[1].first?.utf8.count == cap)
            let over = try read("\(header)\n\"\(String(repeating: "x", count: cap + 1))\"\(end)\(next)\n", options: options)
            #expect(over.problems == ["field-too-large@2:1"], "\(end.debugDescription)")
            #expect(over.records.last?.first == "ok")
        }
    }
}
