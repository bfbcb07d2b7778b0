import Foundation

/// One return.json read back for merging: the facts of the return and its aggregate.
public struct DistrictReturn: Sendable {
    /// The file as the merge names it (as given on the command line).
    public var file: String
    /// Size of the file in bytes.
    public var bytes: Int
    /// Hex SHA-256 of the file, so the merged return's data report pins each district return.
    public var sha256: String
    /// The bureau whose return it is.
    public var bureau: String
    /// The year the return covers.
    public var year: Int
    /// The as-of date (数据截至) shown on the return; nil when it had no records.
    public var asOf: CalendarDay?
    /// True when the return is final (正式).
    public var isFinal: Bool
    /// The months the district declared suspended (停).
    public var lockdownMonths: [YearMonth]
    /// The return's aggregate, enterprise references hashed.
    public var aggregate: Aggregate
    /// The row accounts of each dataset, summed over the district's export files.
    public var records: [Dataset: RecordTotals]

    /// Reads the return.json at `path`.
    /// - Parameter displayName: how messages and the merged data report name the file.
    /// - Throws: ``MergeError/unreadable(file:reason:)`` when the file cannot be read, or the
    ///   errors of ``decode(_:file:)``.
    public static func load(path: String, displayName: String) throws(MergeError) -> DistrictReturn {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: path)
        } catch {
            throw .unreadable(file: displayName, reason: error.description)
        }
        return try decode(bytes, file: displayName)
    }

    /// Decodes the bytes of a return.json.
    /// - Throws: ``MergeError/notAReturn(file:reason:)`` when the bytes are not a return.json of
    ///   this tool, ``MergeError/unsupportedSchema(file:version:)`` when its structure is
    ///   another version's.
    public static func decode(_ bytes: [UInt8], file: String) throws(MergeError) -> DistrictReturn {
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(bytes)) else {
            throw .notAReturn(file: file, reason: "it is not JSON")
        }
        do {
            let root = try JSONMemberReader(parsed, path: "")
            // Checked first, so an older return.json gets the error that says what to do.
            guard root.has("schema_version"), root.has("tables") else {
                throw JSONShapeError(path: "schema_version", expected: "the version of a return.json's structure")
            }
            let version = try root.integer("schema_version")
            guard version == ReturnJSONRenderer.schemaVersion else {
                throw MergeError.unsupportedSchema(file: file, version: version)
            }
            let year = try root.integer("year")
            let status = try root.string("status")
            guard status == "final" || status == "provisional" else {
                throw JSONShapeError(path: "status", expected: "\"final\" or \"provisional\"")
            }
            var lockdownMonths: [YearMonth] = []
            for (index, value) in try root.array("lockdown_months").enumerated() {
                guard let text = value as? String, let month = YearMonth(parsing: text) else {
                    throw JSONShapeError(path: "lockdown_months[\(index)]", expected: "a month YYYY-MM")
                }
                lockdownMonths.append(month)
            }
            let (aggregate, records) = try AggregateJSONDecoder.decode(root)
            guard aggregate.year == year else {
                throw JSONShapeError(path: "aggregate.year", expected: "the return's year, \(year)")
            }
            return DistrictReturn(
                file: file, bytes: bytes.count, sha256: SHA256Hasher.hex(of: bytes),
                bureau: try root.string("bureau"), year: year, asOf: try root.optionalDay("as_of"),
                isFinal: status == "final", lockdownMonths: lockdownMonths,
                aggregate: aggregate, records: records)
        } catch let error as MergeError {
            throw error
        } catch let error as JSONShapeError {
            throw .notAReturn(file: file, reason: error.description)
        } catch {
            throw .notAReturn(file: file, reason: "\(error)")
        }
    }
}
