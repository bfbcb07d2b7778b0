import Foundation
import Testing

/// `annual-return parse` is the contract for ingest: these tests hold it to its exact output.
struct ParseCommandTests {
    @Test func cleanFilePrintsEveryRecordAndExitsZero() throws {
        let folder = try BinaryRunner.temporaryFolder()
        try Data("编号,名称\r\n1,\"华东\n化工\"\r\n\r\n2,\"say \"\"hi\"\"\"\r\n".utf8)
            .write(to: folder.appendingPathComponent("clean.csv"))
        let outcome = try BinaryRunner.run(["parse", "clean.csv"], in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
        #expect(outcome.stdout == """
            {"row": 1, "fields": ["编号", "名称"]}
            {"row": 2, "fields": ["1", "华东\\n化工"]}
            {"row": 4, "fields": ["2", "say \\"hi\\""]}

            """)
    }

    /// The issue's acceptance case: ten rows, a quote opened in data row 5 that never closes.
    @Test func unterminatedQuoteReportsItsRowAndLosesNoLaterRow() throws {
        let folder = try BinaryRunner.temporaryFolder()
        var lines = ["id,name,amount"]
        for id in 1...10 { lines.append(id == 5 ? "5,\"unclosed,500" : "\(id),n\(id),\(id)00") }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("ten.csv"))
        let outcome = try BinaryRunner.run(["parse", "ten.csv"], in: folder)
        #expect(outcome.status == 65)
        #expect(outcome.stderr == "ten.csv:6:2: error[unterminated-quote]: the quote opened in field 2 on line 6 is never closed; the lines after it were read again as rows of their own\n")
        let ids = outcome.stdout.split(separator: "\n").map { line in
            line.split(separator: "\"")[5]  // {"row": N, "fields": ["ID", …
        }
        #expect(ids == ["id", "1", "2", "3", "4", "6", "7", "8", "9", "10"])
    }

    @Test func everyProblemIsOneLineInTheContractFormat() throws {
        let folder = try BinaryRunner.temporaryFolder()
        try Data("a,b\n1,x\"y\n2,3,4\n5\n6,ok\n".utf8).write(to: folder.appendingPathComponent("bad.csv"))
        let outcome = try BinaryRunner.run(["parse", "bad.csv"], in: folder)
        #expect(outcome.status == 65)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("bad.csv:2:2: error[stray-quote]: "))
        #expect(lines[1].hasPrefix("bad.csv:3:3: error[extra-cell]: "))
        #expect(lines[2].hasPrefix("bad.csv:4:2: error[missing-cell]: "))
        #expect(outcome.stdout.split(separator: "\n").count == 2)
    }

    @Test func gb18030IsReadWhenAskedAndWhenDetected() throws {
        let folder = try BinaryRunner.temporaryFolder()
        // "编号,名称\n1,张三\n" in GB18030
        let bytes: [UInt8] = [0xB1, 0xE0, 0xBA, 0xC5, 0x2C, 0xC3, 0xFB, 0xB3, 0xC6, 0x0A,
                              0x31, 0x2C, 0xD5, 0xC5, 0xC8, 0xFD, 0x0A]
        try Data(bytes).write(to: folder.appendingPathComponent("gb.csv"))
        for arguments in [["parse", "gb.csv"], ["parse", "--encoding", "gb18030", "gb.csv"]] {
            let outcome = try BinaryRunner.run(arguments, in: folder)
            #expect(outcome.status == 0)
            #expect(outcome.stdout.contains(#"["1", "张三"]"#))
        }
        let forced = try BinaryRunner.run(["parse", "--encoding", "utf8", "gb.csv"], in: folder)
        #expect(forced.status == 65)
        #expect(forced.stderr.contains("error[invalid-encoding]"))
    }

    @Test(arguments: [
        ("missing.csv", "no such file"),
        (".", "is a folder"),
    ])
    func unreadableInputExits66(path: String, reason: String) throws {
        let folder = try BinaryRunner.temporaryFolder()
        let outcome = try BinaryRunner.run(["parse", path], in: folder)
        #expect(outcome.status == 66)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.hasPrefix("\(path):0:0: error[unreadable-file]: "))
        #expect(outcome.stderr.contains(reason))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let outcome = try BinaryRunner.run(["parse", "--no-such-option", "x.csv"])
        #expect(outcome.status == 64)
    }
}
