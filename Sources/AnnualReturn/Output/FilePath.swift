import Glibc

/// Path arithmetic and glob expansion, with no Foundation and no surprises: `/` only.
public enum FilePath {
    /// The folder part of `path` ("." when there is none).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of `path`.
    public static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `path` resolved against `folder` unless it is absolute.
    public static func resolve(_ path: String, relativeTo folder: String) -> String {
        if path.hasPrefix("/") || folder == "." || folder.isEmpty { return normalise(path) }
        return normalise(folder + "/" + path)
    }

    /// `path` shown relative to `folder` when it lies inside it.
    public static func display(_ path: String, relativeTo folder: String) -> String {
        let base = normalise(folder)
        if base == "." { return path }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Removes `.` components and folds `name/..`, keeping leading `..`.
    public static func normalise(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The files a path or glob names, resolved against `folder`, sorted by name. A plain path
    /// that does not exist gives no match.
    public static func expand(_ pattern: String, relativeTo folder: String) -> [String] {
        let full = resolve(pattern, relativeTo: folder)
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(full, 0, nil, &result) == 0 else { return [] }
        var matches: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let cString = result.gl_pathv[index] { matches.append(String(cString: cString)) }
        }
        return matches.sorted()
    }
}

/// Reading small whole files (configuration, templates) through the C library.
public enum FileBytes {
    /// Why a file could not be read.
    public struct ReadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The size in bytes of the regular file at `path`; 0 for anything else, or when it cannot
    /// be examined (reading it will say why).
    public static func size(of path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return 0 }
        return Int(info.st_size)
    }

    /// The bytes of the file at `path`.
    public static func read(path: String) throws(ReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(description: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw ReadError(description: "it is a folder")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(description: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// The file at `path` as UTF-8 text; a byte order mark is dropped.
    public static func readText(path: String) throws(ReadError) -> String {
        var bytes = try read(path: path)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ReadError(description: "it is not UTF-8 text")
        }
        return text
    }
}
