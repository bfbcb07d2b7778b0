// libFuzzer target over ingest and staging. `make fuzz` builds it with SwiftPM's
// `--sanitize=fuzzer`, which instruments every module for coverage, links libFuzzer's own
// `main` and compiles this file as a library, so it must hold no top-level statements. A plain
// `swift build` builds it too, as an inert program that exits at once.
import IngestInvariants

/// The checker every input goes through. libFuzzer calls the entry point from one thread
/// only, so sharing it (and its scratch files) across calls is safe.
nonisolated(unsafe) private let checker: InvariantChecker = {
    do {
        return try InvariantChecker()
    } catch {
        fatalError("IngestFuzzer: \(error)")
    }
}()

/// libFuzzer's entry point: reads `size` bytes at `data` as one penalties export through
/// ingest and staging, and crashes (so libFuzzer keeps the input) when a promise is broken.
/// Malformed CSV is expected and fine; only a broken invariant is a finding. (`data` is
/// optional because C may pass a null pointer with a size of 0.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    // Open bugs are skipped so that each run can find a new one; their regression files and
    // tests keep them in sight.
    let violations = checker.check(UnsafeRawBufferPointer(start: data, count: size))
        .filter { !KnownIssue.openInvariants.contains($0.invariant) }
    if !violations.isEmpty {
        fatalError("broken invariant: " + violations.map(\.description).joined(separator: "; "))
    }
    return 0
}
