import Foundation

/// Where tests write their files: fresh folders under one root per test process, removed when
/// the process exits. Property tests write a file per case, so folders left behind by every
/// run would fill the temporary folder of a machine that runs the suite every night.
public enum TestScratch {
    /// `annual-return-tests.<process id>` in the temporary folder, made on first use.
    public static let root: URL = {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("annual-return-tests.\(ProcessInfo.processInfo.processIdentifier)")
        // A process that died with the same id left it: nothing in it is ours to keep.
        try? FileManager.default.removeItem(at: root)
        atexit { try? FileManager.default.removeItem(at: TestScratch.root) }
        return root
    }()

    /// A fresh, empty folder named `prefix-<uuid>` under `root`.
    public static func folder(_ prefix: String) throws -> URL {
        let folder = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
