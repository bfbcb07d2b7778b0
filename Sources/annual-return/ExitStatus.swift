import AnnualReturn
import ArgumentParser

/// The process exit codes, after sysexits(3). The README documents the same table.
enum ExitStatus {
    /// Every row was accepted.
    static let ok = ExitCode(0)
    /// A command-line or configuration mistake.
    static let usage = ExitCode(64)
    /// Rows were rejected or a file is malformed; outputs are still written.
    static let dataError = ExitCode(65)
    /// An input file is missing or cannot be read.
    static let noInput = ExitCode(66)
    /// An output cannot be created.
    static let cannotCreateOutput = ExitCode(73)
    /// A bug: the rows of a file did not reconcile, so nothing was published.
    static let internalError = ExitCode(70)
    /// Another run holds the output folder's lock, or an export changed while it was read;
    /// nothing was published. Try again later.
    static let temporaryFailure = ExitCode(75)

    static let helpText = """
        Exit codes:
          0   every row was accepted
          64  usage: a wrong option or a bad configuration
          65  data: rows were rejected or a file is malformed; outputs still written
          66  no input: an input or a calendar year's file is missing or unreadable
          70  internal error: a file's rows did not reconcile; nothing was published
          73  an output file, or the temporary file of a long problem list, cannot be
              written
          75  another run holds the output folder's lock, or an export changed during
              the run; nothing was published
        """

    /// The exit code for a configuration that cannot be used: 66 when a file it names is
    /// missing, 64 for a mistake in it.
    static func of(_ error: ConfigurationError) -> ExitCode {
        error.isMissingInput ? noInput : usage
    }

    /// The exit code for a run that stopped: 66 for an input that cannot be read, 70 for a
    /// reconciliation that failed (a defect), 75 for an export that changed during the run, 64
    /// for more files, or a longer file, than a run can read, 73 for a temporary file that
    /// cannot be written.
    static func of(_ error: PipelineError) -> ExitCode {
        switch error {
        case .unreadableInput: return noInput
        case .reconciliationFailed: return internalError
        case .inputChanged: return temporaryFailure
        case .calendar(.missingYear): return noInput
        case .calendar(.badFile): return usage
        case .tooManyInputs, .tooManyLines, .tooManyRows: return usage
        case .temporaryStorage: return cannotCreateOutput
        }
    }

    /// The exit code for outputs that cannot be made: 66 for a template or facts file that
    /// cannot be read, 64 for a mistake in the template, 73 for an output that cannot be written.
    static func of(_ error: PublishError) -> ExitCode {
        switch error {
        case .template(.unreadable): return noInput
        case .template: return usage
        case .output: return cannotCreateOutput
        }
    }
}
