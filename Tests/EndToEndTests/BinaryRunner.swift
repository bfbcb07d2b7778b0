import Foundation
import TestScratch

/// Runs the built `annual-return` binary the way a user or cron would.
struct BinaryRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary beside the test bundle in the build folder.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["ANNUAL_RETURN_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On Linux the test bundle is a file in the build folder; elsewhere it is a folder.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("annual-return").path),
              folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("annual-return")
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot fill a pipe and stall.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A copy of the hand-counted small district (AnnualReturnTests/Fixtures/small) in a fresh
    /// folder, so a test can run the binary on it and write its outputs beside it.
    static func copyOfSmallDistrict() throws -> URL {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AnnualReturnTests/Fixtures/small")
        let folder = try temporaryFolder().appendingPathComponent("small")
        try FileManager.default.copyItem(at: source, to: folder)
        return folder
    }

    static func temporaryFolder() throws -> URL {
        try TestScratch.folder("e2e")
    }
}
