import Foundation
import PropertyBased
import Testing
@testable import AnnualReturn
import CSVIngest

/// The problem lists a run keeps on disk when there are many: what goes to the temporary file
/// comes back the same, in the same order, and a run gives the same outputs whether its
/// problems stayed in memory or not.
struct SpilledListTests {
    static func diagnostic(_ index: Int, raw: String = "") -> Diagnostic {
        Diagnostic(severity: index % 3 == 0 ? .error : .warning, code: DiagnosticCode("code-\(index % 5)"),
                   file: "exports/检查-\(index % 2).csv", row: index, line: index + 1, column: index % 7,
                   field: index % 4 == 0 ? nil : "字段\(index)", message: "问题 \(index)：「\(index)」", raw: raw)
    }

    @Test func elementsPastTheLimitGoToAFileAndComeBackTheSame() throws {
        // A raw value longer than the list's read block, and empty and CJK texts around it.
        let expected = (0..<500).map { Self.diagnostic($0, raw: $0 == 250 ? String(repeating: "长", count: 200_000) : "r\($0)") }
        let list = SpilledList<Diagnostic>(memoryLimit: 10)
        list.append(contentsOf: expected)
        list.seal()
        #expect(list.isOnDisk)
        #expect(list.count == 500)
        #expect(Array(list) == expected)
        #expect(Array(list) == expected, "read a second time")
        #expect(list.first == expected.first)
    }

    @Test func aListWithinTheLimitStaysInMemory() {
        let list = SpilledList<Diagnostic>(memoryLimit: 10)
        list.append(contentsOf: (0..<10).map { Self.diagnostic($0) })
        list.seal()
        #expect(!list.isOnDisk)
        #expect(Array(list) == (0..<10).map { Self.diagnostic($0) })
    }

    @Test func severalThreadsReadTheSameFile() {
        let expected = (0..<3_000).map { Self.diagnostic($0) }
        let list = SpilledList<Diagnostic>(memoryLimit: 0)
        list.append(contentsOf: expected)
        list.seal()
        let reads = ConcurrentWork.map(4, threads: 4) { _ in Array(list) }
        #expect(reads.allSatisfy { $0 == expected })
    }

    @Test func duplicatesComeBackTheSame() {
        let expected = (0..<50).map { index in
            DuplicateEntry(dataset: index % 2 == 0 ? .penalties : .inspections, key: "CF-\(index)",
                           location: SourceLocation(file: "p-\(index % 3).csv", fileIndex: index % 3, row: index, line: index + 2),
                           original: SourceLocation(file: "p.csv", fileIndex: 0, row: index / 2, line: index))
        }
        let list = SpilledList<DuplicateEntry>(memoryLimit: 3)
        list.append(contentsOf: expected)
        list.seal()
        #expect(list.isOnDisk)
        #expect(Array(list) == expected)
    }

    // MARK: Listing order

    /// Whatever order problems are booked in — a row's columns in any order, rows found late,
    /// a file read twice — the log gives exactly the order of sorting them all at the end (by
    /// file in reading order, row and column, ties as found).
    @Test func theLogGivesTheOrderOfSortingEverything() async {
        let booked = PropertyBased.zip(Gen.int(in: 0...2), Gen.int(in: 1...6), Gen.int(in: 0...3), Gen.int(in: 0...9))
            .array(of: 0...40)
        await propertyCheck(count: 300, input: booked, Gen.int(in: 0...4), Gen.bool) { entries, memoryLimit, listedTwice in
            // Booking reads files in order and rows in order; `late` ones (a digit of 0) come
            // after every row, as cross-checks do.
            let files = ["a.csv", "b.csv", "a.csv"]  // a.csv listed twice, when it is
            var inOrder = entries.enumerated().map { index, entry in
                (file: listedTwice ? entry.0 : min(entry.0, 1), row: entry.1, column: entry.2, late: entry.3 == 0, index: index)
            }
            inOrder.sort { ($0.late ? 1 : 0, $0.file, $0.row) < ($1.late ? 1 : 0, $1.file, $1.row) }
            var log = ProblemLog(memoryLimit: memoryLimit)
            var all: [Diagnostic] = []
            var started = -1
            for entry in inOrder {
                let diagnostic = Diagnostic(severity: .warning, code: DiagnosticCode("c"), file: files[entry.file],
                                            row: entry.row, line: entry.row, column: entry.column, message: "\(entry.index)")
                all.append(diagnostic)
                if entry.late {
                    log.addLate(diagnostic)
                    continue
                }
                while started < entry.file {
                    started += 1
                    log.startFile(files[started])
                }
                log.add(diagnostic)
            }
            while started < files.count - 1 {
                started += 1
                log.startFile(files[started])
            }
            let fileOrder = ["a.csv": 0, "b.csv": 1]
            let expected = all.enumerated().sorted {
                (fileOrder[$0.element.file]!, $0.element.row, $0.element.column, $0.offset)
                    < (fileOrder[$1.element.file]!, $1.element.row, $1.element.column, $1.offset)
            }.map(\.element)
            let finished = try? log.finish()
            #expect(finished.map { Array($0.diagnostics) } == expected)
            // Only a file read twice may take the slow way, which holds the list in memory.
            if !listedTwice { #expect(!log.wasSortedWhole) }
        }
    }

    // MARK: A whole run

    static var sampleConfiguration: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data/annual-return.yaml").path
    }

    /// The sample district's problems (rejected rows, warnings, duplicates, conflicts) kept in
    /// temporary files give every output byte for byte as when they stay in memory.
    @Test func aRunWhoseProblemsGoToFilesWritesTheSameOutputs() throws {
        let configuration = try ConfigurationLoader.load(path: Self.sampleConfiguration)
        var inMemory = ReportPipeline(configuration: configuration)
        var onDisk = ReportPipeline(configuration: configuration, problemMemoryLimit: 2)
        let kept = try inMemory.run()
        let spilled = try onDisk.run()
        #expect(!kept.diagnostics.isOnDisk && spilled.diagnostics.isOnDisk && spilled.duplicates.isOnDisk)
        #expect(spilled.diagnostics.count > 10 && spilled.duplicates.count > 10)
        let expected = try ReturnWriter.render(kept, threads: 1)
        let actual = try ReturnWriter.render(spilled, threads: 2)
        #expect(actual.map(\.name) == expected.map(\.name))
        for (file, wanted) in zip(actual, expected) {
            #expect(file.bytes == wanted.bytes, "\(file.name) differs")
        }
    }
}
