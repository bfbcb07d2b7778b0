/// The figure ids nearest a mistyped one, for the error that names an unknown id.
enum FigureIDSuggestions {
    /// Up to `limit` ids near `query`, best first:
    ///
    /// 1. when `query` is a family (`penalties.by_type`), the ids of that family;
    /// 2. otherwise the ids within a small edit distance (a typo, a plural, a wrong separator);
    /// 3. otherwise the ids whose last part is the query's last part (`fine` → every `*.fine`).
    static func nearest(to query: String, among ids: [String], limit: Int = 15) -> [String] {
        let typed = query.lowercased()
        let family = typed.hasSuffix(".") ? typed : typed + "."
        let members = ids.filter { $0.hasPrefix(family) }
        if !members.isEmpty { return Array(members.prefix(limit)) }

        let characters = Array(typed)
        // A third of the length tolerates a typo or two in a long id without suggesting
        // unrelated short ones.
        let tolerance = max(2, characters.count / 3)
        let close = ids.map { (distance: EditDistance.between(characters, Array($0)), id: $0) }
            .filter { $0.distance <= tolerance }
            .sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
        if let best = close.first?.distance {
            // Only the nearest few: one more edit than the best is still a likely typo.
            return close.filter { $0.distance <= best + 1 }.prefix(min(limit, 5)).map(\.id)
        }

        guard let last = typed.split(separator: ".").last else { return [] }
        return Array(ids.filter { $0.split(separator: ".").last == last }.prefix(limit))
    }
}
