/// Why a figure cannot be explained. Each case says what to do.
public enum ExplainError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No figure of this run has the id; `suggestions` are the nearest ids that exist.
    case unknownFigure(id: String, suggestions: [String])
    /// The figure exists but explain does not know the rule that makes it: a figure added to
    /// the figures without a rule here. A defect of the program, not of the data.
    case noRule(id: String)

    public var description: String {
        switch self {
        case .unknownFigure(let id, let suggestions):
            let hint = suggestions.isEmpty
                ? "the ids are the keys of figures.json"
                : "did you mean: \(suggestions.joined(separator: ", "))"
            return "`\(id)` is no figure of figures.json; \(hint)"
        case .noRule(let id):
            return "`\(id)` is a figure, but explain has no rule for it yet; please report this"
        }
    }
}
