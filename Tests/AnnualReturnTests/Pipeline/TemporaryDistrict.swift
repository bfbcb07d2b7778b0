import Foundation
import TestScratch
@testable import AnnualReturn

/// A district made up on the spot: export files written into a fresh temporary folder, a
/// configuration for 2022 over them, and the pipeline run (keeping the records, so a test can
/// check explanations too).
enum TemporaryDistrict {
    /// One export file: its dataset, its name, and its lines (the header first).
    struct File {
        var dataset: Dataset
        var name: String
        var lines: [String]

        init(_ dataset: Dataset, _ name: String, _ lines: [String]) {
            self.dataset = dataset
            self.name = name
            self.lines = lines
        }
    }

    /// A penalties export holding one case decided 2022-03-01, for a configuration that needs
    /// one of the three exports beside an optional input.
    static let onePenalty = File(.penalties, "p.csv", ["案件编号,处罚决定日期,处罚种类", "CF-1,2022-03-01,罚款"])

    /// Runs the pipeline over `files`, listed under each dataset in the order given; `extra`
    /// is more top-level YAML (periods, calendars).
    /// `afterRun` is shown the pipeline once it has finished.
    static func run(_ files: [File], extra: [String] = [], keepsRecords: Bool = true, maximumLine: Int = KeyTable.maximumLine,
                    onFileStart: ((ReturnConfiguration.InputFile, Int) -> Void)? = nil,
                    afterRun: (ReportPipeline) -> Void = { _ in }) throws -> RunResult {
        let folder = try folder("district")
        var inputs: [String] = []
        for dataset in Dataset.allCases {
            let names = files.filter { $0.dataset == dataset }.map(\.name)
            if !names.isEmpty { inputs.append("  \(dataset.rawValue): [\(names.joined(separator: ", "))]") }
        }
        for file in files {
            try Data((file.lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent(file.name))
        }
        let yaml = (["bureau: 测试区应急管理局", "year: 2022", "inputs:"] + inputs + extra + ["output: out"])
            .joined(separator: "\n")
        let configuration = try ConfigurationLoader.parse(yaml: yaml, path: "c.yaml", baseFolder: folder.path)
        var pipeline = ReportPipeline(configuration: configuration, keepsRecords: keepsRecords, maximumLine: maximumLine)
        let result = try pipeline.run(onFileStart: onFileStart)
        afterRun(pipeline)
        return result
    }

    /// A fresh, empty temporary folder.
    static func folder(_ prefix: String) throws -> URL {
        try TestScratch.folder(prefix)
    }

    /// The period most tests use: the case-file review window.
    static let reviewWindow = ["periods:", "  case_review: {from: \"2021-11-01\", to: \"2022-07-31\"}"]
}
