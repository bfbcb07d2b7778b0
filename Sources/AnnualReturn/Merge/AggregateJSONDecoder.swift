import Foundation

/// Reads the `aggregate` member that ``AggregateJSONEncoder`` writes. Every member is required:
/// a missing counter would silently become 0 in the merged return, so it is an error instead.
///
/// Enterprise references come back hashed (``EnterpriseRef/hashed``), which is all a merge and
/// the distinct-enterprise counts need.
enum AggregateJSONDecoder {
    /// The aggregate and the record totals per dataset of the member `aggregate` of `root`.
    static func decode(_ root: JSONMemberReader) throws(JSONShapeError) -> (aggregate: Aggregate, records: [Dataset: RecordTotals]) {
        let member = try root.object("aggregate")
        guard try member.string("reference_hashing") == EnterpriseRef.hashScheme else {
            throw JSONShapeError(path: member.path(of: "reference_hashing"), expected: "\"\(EnterpriseRef.hashScheme)\"")
        }
        let year = try member.integer("year")

        var periods: [NamedPeriod] = []
        var periodTallies: [String: Tally] = [:]
        for (index, value) in try member.array("periods").enumerated() {
            let period = try JSONMemberReader(value, path: member.path(of: "periods[\(index)]"))
            let name = try period.string("name")
            let from = try period.day("from"), to = try period.day("to")
            guard periodTallies[name] == nil else {
                throw JSONShapeError(path: period.path(of: "name"), expected: "a name no other period has")
            }
            guard from <= to else { throw JSONShapeError(path: period.path(of: "to"), expected: "a day on or after `from`") }
            periods.append(NamedPeriod(name: name, from: from, to: to))
            periodTallies[name] = try tally(period.object("tally"))
        }

        var aggregate = Aggregate(year: year, periods: periods)
        aggregate.yearTally = try tally(member.object("year_tally"))
        aggregate.periodTallies = periodTallies
        aggregate.inspectionReferences = try enterprises(member.array("inspection_references"),
                                                         path: member.path(of: "inspection_references"))
        aggregate.newestDate = try member.optionalDay("newest_date")

        let recordsMember = try member.object("records")
        var records: [Dataset: RecordTotals] = [:]
        for dataset in Dataset.allCases {
            let object = try recordsMember.object(dataset.rawValue)
            var totals = RecordTotals()
            for (key, path) in RecordTotals.fields { totals[keyPath: path] = try object.count(key) }
            guard totals.reconciles else {
                throw JSONShapeError(path: object.path, expected: "totals where read = accepted + rejected + duplicates")
            }
            records[dataset] = totals
        }
        return (aggregate, records)
    }

    static func tally(_ object: JSONMemberReader) throws(JSONShapeError) -> Tally {
        var tally = Tally()
        for (key, field) in TallyField.all {
            switch field {
            case .count(let path):
                tally[keyPath: path] = try object.count(key)
            case .countsByCode(let path):
                tally[keyPath: path] = try object.countsByKey(key)
            case .countsByMonth(let path):
                var counts: [YearMonth: Int] = [:]
                for (text, count) in try object.countsByKey(key) {
                    guard let month = YearMonth(parsing: text) else {
                        throw JSONShapeError(path: object.path(of: key) + "." + text, expected: "keyed by a month YYYY-MM")
                    }
                    counts[month] = count
                }
                tally[keyPath: path] = counts
            case .money(let path):
                tally[keyPath: path] = Fen(Int64(try object.count(key)))
            case .enterprises(let path):
                tally[keyPath: path] = try enterprises(object.array(key), path: object.path(of: key))
            }
        }
        return tally
    }

    /// References written as `[code hash or null, name hash or ""]` pairs.
    static func enterprises(_ values: [Any], path: String) throws(JSONShapeError) -> EnterpriseReferences {
        var references = EnterpriseReferences()
        for (index, value) in values.enumerated() {
            guard let pair = value as? [Any], pair.count == 2,
                  let name = pair[1] as? String,
                  pair[0] is NSNull || pair[0] is String,
                  let reference = EnterpriseRef(publishedCode: pair[0] as? String, publishedName: name)
            else {
                throw JSONShapeError(path: "\(path)[\(index)]",
                                     expected: "a pair [code hash or null, name hash] of \(EnterpriseRef.hashDigits) hex digits each")
            }
            references.insert(reference)
        }
        return references
    }
}
