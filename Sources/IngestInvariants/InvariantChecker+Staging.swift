import AnnualReturn
import CSVIngest

/// The pipeline's promises for one penalties export: it never throws on data, its account of
/// the file reconciles, and the account agrees with what the reader delivered.
extension InvariantChecker {
    func checkStaging(byteCount: Int, into violations: inout [InvariantViolation]) {
        // The pipeline reads with the default options, so it is compared with a read that does.
        let plain: ReadOutcome
        do {
            plain = try ReadOutcome.read(path: inputPath, options: CSVReadOptions())
        } catch {
            if error.refusedFormat == nil { violations.append(InvariantViolation("file-readable", error.description)) }
            checkPipelineRefuses(error, into: &violations)
            return
        }
        let result: RunResult
        do {
            result = try ReportPipeline.run(configuration, keepsRecords: true)
        } catch {
            // A reconciliation failure is the pipeline catching its own bug; either way, a bug.
            violations.append(InvariantViolation("pipeline-runs", error.description))
            return
        }
        guard result.accounts.count == 1, let account = result.accounts.first else {
            violations.append(InvariantViolation("one-account", "\(result.accounts.count) file accounts for one file"))
            return
        }
        if !account.reconciles {
            violations.append(InvariantViolation("account-reconciles",
                "read \(account.read) != accepted \(account.accepted) + rejected \(account.rejected) + duplicates \(account.duplicates)"))
        }
        // Every record the reader saw is the header, a row read, or a summary row.
        let summary = plain.summary
        let header = summary.records > 0 ? 1 : 0
        if account.read + account.summaryRows.count + header != summary.records {
            violations.append(InvariantViolation("account-covers-records",
                "read \(account.read) + summary rows \(account.summaryRows.count) + header \(header) != records \(summary.records)"))
        }
        if account.blankRows != summary.blankRows || account.bytes != byteCount || account.encoding != summary.encoding {
            violations.append(InvariantViolation("account-matches-file",
                "blank rows \(account.blankRows) vs \(summary.blankRows), bytes \(account.bytes) vs \(byteCount), encoding \(account.encoding.rawValue) vs \(summary.encoding.rawValue)"))
        }
        // Within one file a conflict replaces the version it conflicts with.
        if result.records.penalties.count + result.records.notPenalized.count != account.accepted - account.conflicts {
            violations.append(InvariantViolation("winners-counted",
                "\(result.records.penalties.count + result.records.notPenalized.count) records counted, accepted \(account.accepted) - conflicts \(account.conflicts)"))
        }
        if account.unmapped && (account.accepted != 0 || account.duplicates != 0) {
            violations.append(InvariantViolation("unmapped-rejects-all",
                "the file is unmapped, yet \(account.accepted) rows accepted and \(account.duplicates) duplicates"))
        }
        checkStagingDiagnostics(Array(result.diagnostics), account: account, summary: summary, into: &violations)
    }

    /// A file the reader refuses stops the pipeline with the reader's own error.
    private func checkPipelineRefuses(_ readError: IngestError, into violations: inout [InvariantViolation]) {
        do {
            _ = try ReportPipeline.run(configuration)
            violations.append(InvariantViolation("pipeline-refuses-unreadable",
                "the reader refused the file (\(readError.description)), but the pipeline ran"))
        } catch {
            // The paths may be spelt differently; the kind of refusal must be the same.
            guard case .unreadableInput(let pipelineError) = error,
                  pipelineError.refusedFormat == readError.refusedFormat else {
                violations.append(InvariantViolation("pipeline-refuses-unreadable",
                    "the reader refused the file (\(readError.description)), the pipeline said \(error.description)"))
                return
            }
        }
    }

    /// An error rejects its row and a warning keeps it: the rows with an error are exactly the
    /// rejected rows (of a mapped file; an unmapped file has one missing-column error for all).
    private func checkStagingDiagnostics(_ diagnostics: [Diagnostic], account: FileAccount, summary: CSVFileSummary,
                                         into violations: inout [InvariantViolation]) {
        let lastRow = max(summary.records + summary.blankRows, 1)
        for diagnostic in diagnostics where diagnostic.file != account.file || diagnostic.row < 1 || diagnostic.row > lastRow {
            violations.append(InvariantViolation("diagnostic-located",
                "\(diagnostic.formatted) for a file \(account.file) of \(lastRow) rows"))
            break
        }
        guard !account.unmapped else { return }
        let errorRows = Set(diagnostics.filter { $0.severity == .error }.map(\.row))
        if errorRows.count != account.rejected {
            violations.append(InvariantViolation("rejected-rows-have-errors",
                "\(account.rejected) rows rejected, but errors name \(errorRows.count) rows: \(errorRows.sorted().prefix(10))"))
        }
    }
}
