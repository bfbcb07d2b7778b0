import Testing
@testable import CSVIngest

/// Malformed input: each case pins the code, Excel row and column of every problem, and the
/// records that still come through.
struct MalformedInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var input: String
        var problems: [String]
        var acceptedRows: [Int]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "quote inside an unquoted field", input: "a,b\n1,x\"y\n2,ok\n",
             problems: ["stray-quote@2:2"], acceptedRows: [1, 3]),
        Case(name: "text after a closing quote", input: "a,b\n\"x\"y,1\n2,ok\n",
             problems: ["stray-quote@2:1"], acceptedRows: [1, 3]),
        Case(name: "space after a closing quote", input: "a,b\n\"x\" ,1\n2,ok\n",
             problems: ["stray-quote@2:1"], acceptedRows: [1, 3]),
        Case(name: "extra cell", input: "a,b\n1,2,3\n4,5\n",
             problems: ["extra-cell@2:3"], acceptedRows: [1, 3]),
        Case(name: "missing cell", input: "a,b,c\n1,2\n4,5,6\n",
             problems: ["missing-cell@2:3"], acceptedRows: [1, 3]),
        Case(name: "NUL byte", input: "a,b\n1,x\0y\n2,ok\n",
             problems: ["nul-byte@2:2"], acceptedRows: [1, 3]),
        Case(name: "unterminated quote on the last line", input: "a,b\n1,ok\n2,\"open\n",
             problems: ["unterminated-quote@3:2"], acceptedRows: [1, 2]),
        Case(name: "problems after blank lines keep Excel's row numbers", input: "a,b\n\n\n1,2,3\n",
             problems: ["extra-cell@4:3"], acceptedRows: [1]),
        Case(name: "a stray quote on the second line of a multi-line record", input: "a,b\n\"x\ny\"z,1\n2,ok\n",
             problems: ["stray-quote@2:1"], acceptedRows: [1, 3]),
        // Read again after the unterminated quote, the doubled quote is a stray one, on a last
        // line with no line end: it must still be reported.
        Case(name: "a stray quote in the lines read again, at the end of the file", input: "a,b\n1,\"open\n2,x\"\"y",
             problems: ["unterminated-quote@2:2", "stray-quote@3:2"], acceptedRows: [1]),
    ]

    @Test(arguments: cases)
    func reportsAndGoesOn(_ testCase: Case) throws {
        let result = try read(testCase.input)
        #expect(result.problems == testCase.problems)
        #expect(result.rows == testCase.acceptedRows)
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
        let summary = try #require(result.summary)
        #expect(summary.records == summary.accepted + summary.rejected)
        #expect(summary.rejected == testCase.problems.count)
    }

    /// The issue's acceptance case: ten data rows, a quote opened in row 5 that never closes.
    @Test func unterminatedQuoteInRowFiveLosesNoLaterRow() throws {
        var lines = ["id,name,amount"]
        for id in 1...10 { lines.append(id == 5 ? "5,\"unclosed,500" : "\(id),name\(id),\(id)00") }
        let result = try read(lines.joined(separator: "\n") + "\n")
        #expect(result.problems == ["unterminated-quote@6:2"])  // data row 5 is Excel row 6
        #expect(result.diagnostics.first?.message.contains("line 6") == true)
        #expect(result.records.map { $0[0] } == ["id", "1", "2", "3", "4", "6", "7", "8", "9", "10"])
        #expect(result.rows == [1, 2, 3, 4, 5, 7, 8, 9, 10, 11])
    }

    @Test func runawayQuoteInABigFileEndsAtTheCapAndLaterRowsAreRead() throws {
        var text = "id,note\n1,\"runaway\n"
        for id in 2...2000 { text += "\(id),\(String(repeating: "n", count: 40))\n" }
        let result = try read(text, options: CSVReadOptions(maxFieldBytes: 16 * 1024))
        #expect(result.problems == ["field-too-large@2:2"])
        #expect(result.records.count == 2000)  // the header and rows 2…2000
        #expect(result.rows.last == 2001)
    }

    @Test func strayQuoteMessageNamesTheFieldHeader() throws {
        let result = try read("编号,名称\n1,x\"y\n")
        #expect(result.diagnostics.first?.field == "名称")
        #expect(result.diagnostics.first?.raw.contains("x\"y") == true)
        #expect(result.diagnostics.first?.formatted
            == "input.csv:2:2: error[stray-quote]: a quote inside an unquoted field (a field with quotes must be quoted whole, its quotes doubled)")
    }

    @Test func fileErrorsAreThrownNotReported() throws {
        #expect(throws: IngestError.fileNotFound(path: "/no/such/file.csv")) {
            try read(path: "/no/such/file.csv")
        }
        let folder = (try temporaryFile([])).split(separator: "/").dropLast().joined(separator: "/")
        #expect(throws: IngestError.isDirectory(path: "/" + folder)) {
            try read(path: "/" + folder)
        }
    }
}
