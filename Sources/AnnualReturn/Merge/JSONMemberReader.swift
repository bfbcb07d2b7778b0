import Foundation

/// Why a parsed JSON document does not have the shape expected: the member, by its path
/// (`aggregate.year_tally.cases`), and what it should have been.
struct JSONShapeError: Error, Sendable, CustomStringConvertible {
    var path: String
    var expected: String
    var description: String { "`\(path)` is missing or is not \(expected)" }
}

/// Typed access to the members of one object that `JSONSerialization` parsed, so that every
/// failure names the member it concerns.
struct JSONMemberReader {
    /// The object's members.
    let members: [String: Any]
    /// Where the object is in the document ("" for the top level).
    let path: String

    /// Reads `value` as an object found at `path`.
    init(_ value: Any?, path: String) throws(JSONShapeError) {
        guard let members = value as? [String: Any] else {
            throw JSONShapeError(path: path.isEmpty ? "(top level)" : path, expected: "an object")
        }
        self.members = members
        self.path = path
    }

    /// The path of the member `key`.
    func path(of key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Whether the object has a member `key` (null included).
    func has(_ key: String) -> Bool { members[key] != nil }

    /// The member `key`, which must be an object.
    func object(_ key: String) throws(JSONShapeError) -> JSONMemberReader {
        try JSONMemberReader(members[key], path: path(of: key))
    }

    /// The member `key`, which must be an array.
    func array(_ key: String) throws(JSONShapeError) -> [Any] {
        guard let values = members[key] as? [Any] else { throw JSONShapeError(path: path(of: key), expected: "an array") }
        return values
    }

    /// The member `key`, which must be a string.
    func string(_ key: String) throws(JSONShapeError) -> String {
        guard let text = members[key] as? String else { throw JSONShapeError(path: path(of: key), expected: "a string") }
        return text
    }

    /// The member `key`, which must be an integer (not a fraction and not true or false).
    func integer(_ key: String) throws(JSONShapeError) -> Int {
        guard let value = Self.integer(members[key]) else {
            throw JSONShapeError(path: path(of: key), expected: "an integer")
        }
        return value
    }

    /// The member `key`, which must be an integer of at least 0.
    func count(_ key: String) throws(JSONShapeError) -> Int {
        guard let value = Self.integer(members[key]), value >= 0 else {
            throw JSONShapeError(path: path(of: key), expected: "a count (an integer of at least 0)")
        }
        return value
    }

    /// The member `key`, which must be a day "YYYY-MM-DD".
    func day(_ key: String) throws(JSONShapeError) -> CalendarDay {
        guard let text = members[key] as? String, let day = CalendarDay(iso: text) else {
            throw JSONShapeError(path: path(of: key), expected: "a day in the form YYYY-MM-DD")
        }
        return day
    }

    /// The member `key`, which must be null or a day "YYYY-MM-DD".
    func optionalDay(_ key: String) throws(JSONShapeError) -> CalendarDay? {
        guard has(key) else { throw JSONShapeError(path: path(of: key), expected: "null or a day in the form YYYY-MM-DD") }
        if members[key] is NSNull { return nil }
        return try day(key)
    }

    /// The member `key`, an object of counts by text key.
    func countsByKey(_ key: String) throws(JSONShapeError) -> [String: Int] {
        let object = try self.object(key)
        var counts: [String: Int] = [:]
        for name in object.members.keys { counts[name] = try object.count(name) }
        return counts
    }

    /// `value` as an integer, or nil when it is anything else. JSONSerialization gives numbers
    /// and booleans both as NSNumber, and `true as? Int` succeeds, so booleans are told apart by
    /// their type code.
    static func integer(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        return value as? Int
    }
}
