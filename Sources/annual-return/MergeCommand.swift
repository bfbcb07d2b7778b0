import AnnualReturn
import ArgumentParser
import Glibc

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Roll district returns up into a city or region return.",
        discussion: """
            Reads the return.json of each district (written by `annual-return report`, or by an \
            earlier merge) and writes the merged return into <out>/<year>/ with the same files \
            a district's return has: figures.json, return.json, return.md, return.html, \
            return.csv, return.xlsx, data-report.md and rejects.csv. Counts and money add; \
            distinct-enterprise counts stay exact, because each return.json carries its \
            enterprises (hashed, never in clear) and they are merged before they are counted. \
            The merged return.json can itself be merged again.

            Every return must be of the same year and configure the same named periods. The \
            merged return's lockdown months are the union of the districts', its as-of date \
            the newest, and it is final (正式) only when every district's is. Its data report \
            lists the returns merged, each with its bureau, as-of date, SHA-256 and row totals.

            Examples:
              annual-return merge east/2022/return.json west/2022/return.json --out city
              annual-return merge districts/*/2022/return.json --out city --bureau 示例市应急管理局

            This command exits 0 when the merged return is written; 64 for a wrong option, a \
            file that is not a return.json of annual-return, or returns that differ in year or \
            named periods; 66 when a return.json is missing or cannot be read; 73 when an \
            output cannot be written.

            \(ExitStatus.helpText)
            """
    )

    @Argument(help: ArgumentHelp("The district returns to merge.", valueName: "return.json"))
    var returns: [String] = []

    @Option(help: "The folder to write the merged return into; it goes to <out>/<year>/.")
    var out: String

    @Option(help: "The merged return's bureau (default: 合并： and the districts' bureaus joined by 、).")
    var bureau: String?

    func validate() throws {
        guard !returns.isEmpty else { throw ValidationError("name at least one return.json to merge") }
        guard !out.isEmpty else { throw ValidationError("--out must name a folder") }
        if let bureau, bureau.allSatisfy(\.isWhitespace) { throw ValidationError("--bureau must not be empty") }
    }

    func run() throws {
        let result: RunResult
        var districts: [DistrictReturn] = []
        do {
            for path in returns { districts.append(try DistrictReturn.load(path: path, displayName: path)) }
            result = try ReturnMerger.merge(districts, bureau: bureau, outputFolder: out)
        } catch {
            printError("annual-return merge: \(error)")
            throw error.isMissingInput ? ExitStatus.noInput : ExitStatus.usage
        }

        let files: [(name: String, bytes: [UInt8])]
        do {
            files = try ReturnWriter.render(result)
        } catch {
            printError("annual-return merge: \(error)")
            throw ExitStatus.cannotCreateOutput
        }
        // The same lock as report's: a merge never writes into a folder another run is writing.
        let lock: OutputLock
        do {
            lock = try OutputLock.acquire(outputFolder: result.configuration.outputFolder)
        } catch {
            printError("annual-return merge: \(error)")
            if case .held = error { throw ExitStatus.temporaryFailure }
            throw ExitStatus.cannotCreateOutput
        }
        defer { withExtendedLifetime(lock) {} }
        let folder: String
        do {
            try MergedReturnWriter.checkInputsAreKept(result, inputs: returns.map { ($0, $0) }, outputNames: files.map(\.name))
            folder = try MergedReturnWriter.write(files, of: result)
        } catch let error as MergeError {
            printError("annual-return merge: \(error)")
            throw ExitStatus.usage
        } catch {
            printError("annual-return merge: \(error)")
            throw ExitStatus.cannotCreateOutput
        }

        let accounts = result.accounts
        let read = accounts.reduce(0) { $0 + $1.read }
        let accepted = accounts.reduce(0) { $0 + $1.accepted }
        let duplicates = accounts.reduce(0) { $0 + $1.duplicates }
        let configuration = result.configuration
        print("annual-return merge: \(districts.count) returns of \(configuration.year) merged (\(read) rows read by the districts: \(accepted) accepted, \(result.rejectedRows) rejected, \(duplicates) duplicates)")
        print("annual-return merge: \(configuration.bureau) return (\(configuration.isFinal ? "final" : "provisional"), as of \(result.asOf?.description ?? "no records")) written to \(folder)/")
    }

    private func printError(_ line: String) {
        FileDescriptorWriter(descriptor: STDERR_FILENO, flushThreshold: 0).write(line + "\n")
    }
}
