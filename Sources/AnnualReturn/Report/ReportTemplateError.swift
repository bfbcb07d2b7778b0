/// Why the written report's template or facts cannot be used. Each names the file and line.
public enum ReportTemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// The template names a figure that neither figures.json nor facts.yaml holds.
    case unknownFigure(name: String, file: String, line: Int)
    case syntax(file: String, line: Int, message: String)
    case badFacts(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .unknownFigure(let name, let file, let line):
            return "\(file):\(line): the template names `\(name)`, which is no figure of figures.json and no fact of facts.yaml"
        case .syntax(let file, let line, let message):
            return "\(file):\(line): \(message)"
        case .badFacts(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
