import Testing
@testable import AnnualReturn

/// Every renderer's output on the small district, byte for byte. Re-record with
/// `UPDATE_GOLDEN=1 make test` after an intended change, and read the diff before committing.
struct GoldenOutputTests {
    @Test(arguments: ["figures.json", "return.json", "return.md", "return.csv", "data-report.md", "rejects.csv"])
    func outputMatchesGoldenFile(_ name: String) throws {
        let result = try runSmallFixture()
        let files = try ReturnWriter.render(result)
        let bytes = try #require(files.first { $0.name == name }?.bytes)
        let difference = try goldenDifference(bytes, golden: "small/\(name)")
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let first = try ReturnWriter.render(try runSmallFixture())
        let second = try ReturnWriter.render(try runSmallFixture())
        #expect(first.map(\.bytes) == second.map(\.bytes))
    }
}

/// Every cell of the return that names a figure shows exactly that figure's value, so the
/// tables and figures.json can never disagree.
struct ReturnCellsMatchFiguresTests {
    @Test func everyCellWithAFigureIDShowsThatFigure() throws {
        let result = try runSmallFixture()
        let document = ReturnBuilder(result: result).build()
        var checked = 0
        for table in document.tables {
            for row in table.rows {
                for (index, cell) in row.cells.enumerated() {
                    guard index < row.figureIDs.count, let id = row.figureIDs[index] else { continue }
                    let figure = try #require(result.figures[id], "\(id) is not a figure")
                    let shown: FigureValue
                    switch cell {
                    case .count(let value), .suspended(let value): shown = .integer(value)
                    case .money(let fen): shown = .text(fen.yuanString)
                    case .wanyuan(let fen): shown = .text(fen.wanyuanString)
                    case .decimal(let text): shown = text.map(FigureValue.text) ?? .null
                    case .text(let text): shown = .text(text)
                    }
                    #expect(shown == figure, "\(table.id) / \(row.label): \(id)")
                    checked += 1
                }
            }
        }
        #expect(checked > 150)
    }
}
