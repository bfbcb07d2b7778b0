import Testing
@testable import AnnualReturn

/// return.json is written a chunk at a time; the chunks put together are exactly the text the
/// whole value renders to, whatever the chunk size, and a failing destination stops the write
/// with its error.
struct JSONStreamingTests {
    static let value = JSONValue.object([
        ("schema_version", .integer(3)),
        ("title", .string("行政执法统计年报 \"2022\"")),
        ("tables", .array([.object([("rows", .array([.integer(1), .string("二"), .null]))]), .array([])])),
        ("references", .renderedLines(count: 500) { index, output in output += "[null, \"\(String(index, radix: 16))\"]".utf8 }),
        ("empty", .object([])),
    ])

    @Test(arguments: [1, 7, 64, 4_096, 1 << 20])
    func chunksMakeUpTheWholeText(chunkBytes: Int) {
        var chunks: [[UInt8]] = []
        Self.value.writeRendered(chunkBytes: chunkBytes) { (chunk: [UInt8]) in chunks.append(chunk) }
        #expect(chunks.joined().elementsEqual(Self.value.renderedBytes()))
        if chunkBytes < 1_000 { #expect(chunks.count > 1) }
    }

    struct DiskFull: Error, Equatable {}

    @Test func aFailingDestinationStopsTheWrite() {
        var calls = 0
        #expect(throws: DiskFull.self) {
            try Self.value.writeRendered(chunkBytes: 16) { (_: [UInt8]) throws(DiskFull) in
                calls += 1
                throw DiskFull()
            }
        }
        #expect(calls == 1)
    }
}
