/// `figures.json`: a flat object, id → value, keys sorted.
public enum FiguresJSONRenderer {
    public static func render(_ figures: Figures) -> [UInt8] {
        let members = figures.ids.map { id -> (String, JSONValue) in
            switch figures.values[id]! {
            case .integer(let value): return (id, .integer(value))
            case .text(let value): return (id, .string(value))
            case .texts(let values): return (id, .array(values.map(JSONValue.string)))
            case .null: return (id, .null)
            }
        }
        return JSONValue.object(members).renderedBytes()
    }
}
