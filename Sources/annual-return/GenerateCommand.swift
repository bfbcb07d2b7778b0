import AnnualReturn
import ArgumentParser
import Glibc

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write realistic sample exports, untidiness included, for trying and testing the return.",
        discussion: """
            Writes four files into the output folder (created if missing): inspections.csv, \
            penalties-YEAR-06-30.csv (an older system's export: GB18030, variant headers), \
            penalties-YEAR-12-31.csv (the newer system's cumulative export) and enforcement.csv. \
            They cover one district from 1 November of the year before to the end of the year, \
            with the problems real exports have planted on purpose: mixed date and amount forms, \
            full-width characters, wrong credit-code check characters, legacy penalty names, \
            repeated and corrected records, summary rows, and a handful of rows the pipeline \
            must reject. The same seed and options give byte-identical files.

            Prints one line per file written: its path and its number of records (the header and \
            summary rows not counted). Each file is written under a temporary name in the same \
            folder and renamed when complete, so a file never appears half written. Memory use \
            does not grow with --scale.

            Examples:
              annual-return generate --out data/exports
              annual-return generate --out bench/exports --seed 7 --scale 1000

            This command exits 0 when all four files are written, 64 for a wrong option and 73 \
            when the folder or a file cannot be created.

            \(ExitStatus.helpText)
            """
    )

    @Option(help: "The folder to write the exports into.")
    var out: String

    @Option(help: "The seed of the random draws; the same seed gives the same files.")
    var seed: UInt64 = SampleExportOptions.defaultSeed

    @Option(help: "The year of the return (\(SampleExportOptions.supportedYears.lowerBound)...\(SampleExportOptions.supportedYears.upperBound)).")
    var year: Int = SampleExportOptions.defaultYear

    @Option(help: "Multiply the record counts of one district by this (1 to \(SampleExportOptions.maximumScale)); for benchmarks.")
    var scale: Int = 1

    func validate() throws {
        guard !out.isEmpty else { throw ValidationError("--out must name a folder") }
        guard SampleExportOptions.supportedYears.contains(year) else {
            throw ValidationError("--year must be between \(SampleExportOptions.supportedYears.lowerBound) and \(SampleExportOptions.supportedYears.upperBound)")
        }
        guard (1...SampleExportOptions.maximumScale).contains(scale) else {
            throw ValidationError("--scale must be between 1 and \(SampleExportOptions.maximumScale)")
        }
    }

    func run() throws {
        let stdout = FileDescriptorWriter(descriptor: STDOUT_FILENO, flushThreshold: 0)
        let stderr = FileDescriptorWriter(descriptor: STDERR_FILENO, flushThreshold: 0)
        do {
            try SampleExportGenerator.generate(
                into: out, options: SampleExportOptions(seed: seed, year: year, scale: scale),
                onFileWritten: { stdout.write("\($0.path)\t\($0.rows) rows\n") })
        } catch {
            stderr.write("annual-return generate: \(error.errorDescription ?? "\(error)")\n")
            throw ExitStatus.cannotCreateOutput
        }
    }
}
