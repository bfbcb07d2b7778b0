/// The figures of the written report: a flat map from a stable id to a value. These ids are a
/// contract (DOMAIN.md): they never change meaning.
public struct Figures: Sendable, Equatable {
    public var values: [String: FigureValue] = [:]

    public init(values: [String: FigureValue] = [:]) { self.values = values }

    public subscript(id: String) -> FigureValue? {
        get { values[id] }
        set { values[id] = newValue }
    }

    /// The ids in sorted order.
    public var ids: [String] { values.keys.sorted() }
}
