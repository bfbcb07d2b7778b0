import AnnualReturn
import CSVIngest
import Glibc

/// Checks, for any bytes at all, the promises ingest and staging make about an export file:
/// every record is accounted for exactly once, accepted fields are clean UTF-8, rows count up
/// the way Excel shows them, the chunk size changes nothing, what is written back with libcsv's
/// quoting reads back the same, and the pipeline's per-file accounts reconcile.
///
/// A broken promise is a bug in the code, never a problem of the data: malformed input must
/// come out as diagnostics, not as a violation. The fuzz target and the regression tests run
/// the same checks through this one type.
///
/// The reader reads paths, so a checker writes each input to a file. Its two files are unlinked
/// as soon as they are open and reached through `/proc/self/fd`, so nothing is left behind
/// however the process ends (libFuzzer ends it abruptly on a crash or a timeout). One checker
/// must not be used from two threads at once; make one per thread or per test.
public final class InvariantChecker {
    /// The field cap of the checks' own reads, in bytes: small, so that a runaway quote in an
    /// input of a few KiB still reaches it and the recovery path runs.
    public static let fieldCap = 256
    /// The chunk size of the second read, which must deliver exactly what the first did: small
    /// and odd, so chunk ends fall inside byte order marks, CRLFs and multi-byte characters.
    static let smallChunkBytes = 7

    private let input: ScratchFile
    private let rewritten: ScratchFile
    /// A penalties-only configuration over the input file; parsed once, as its path never changes.
    let configuration: ReturnConfiguration

    var inputPath: String { input.path }
    var rewrittenPath: String { rewritten.path }

    /// Why a checker could not be set up.
    public enum SetupError: Error, CustomStringConvertible {
        /// The scratch files or the configuration over them could not be made.
        case scratch(String)

        /// A sentence saying what could not be set up, and why.
        public var description: String {
            switch self {
            case .scratch(let reason): return "the checker's scratch files could not be set up: \(reason)"
            }
        }
    }

    /// Makes the scratch files and the pipeline configuration that reads the input file.
    /// - Throws: ``SetupError`` when no temporary folder is writable or `/proc` is missing.
    public init() throws(SetupError) {
        input = try ScratchFile(name: "input.csv")
        rewritten = try ScratchFile(name: "rewritten.csv")
        // The loader checks that inputs exist, which the open descriptor's path does. The
        // output folder is never written: the pipeline stops before rendering.
        let yaml = """
            bureau: 检查
            year: 2022
            inputs:
              penalties: ["\(input.descriptor)"]
            output: unused
            """
        do {
            configuration = try ConfigurationLoader.parse(yaml: yaml, path: "annual-return.yaml",
                                                          baseFolder: ScratchFile.descriptorFolder)
        } catch {
            throw .scratch(error.description)
        }
    }

    /// Runs every check on `bytes` read as one penalties export; empty when all promises hold.
    public func check(_ bytes: UnsafeRawBufferPointer) -> [InvariantViolation] {
        guard input.replaceContents(with: bytes) else {
            return [InvariantViolation("scratch-file", "the input could not be written: \(String(cString: strerror(errno)))")]
        }
        var violations: [InvariantViolation] = []
        checkIngest(byteCount: bytes.count, into: &violations)
        checkStaging(byteCount: bytes.count, into: &violations)
        return violations
    }

    /// Runs every check on `bytes`; empty when all promises hold.
    public func check(_ bytes: [UInt8]) -> [InvariantViolation] {
        bytes.withUnsafeBytes { check($0) }
    }

    /// Replaces the written-back file's contents; false (with `errno` set) when that fails.
    func writeRewritten(_ bytes: UnsafeRawBufferPointer) -> Bool {
        rewritten.replaceContents(with: bytes)
    }
}
