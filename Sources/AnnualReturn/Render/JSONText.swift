/// A small deterministic JSON writer: keys in the order given (callers sort them), two-space
/// indentation, non-ASCII text kept as UTF-8. Used for figures.json and return.json, whose
/// bytes must not change between runs on the same input.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// An array of `count` elements whose JSON text `write` appends, element by element, as
    /// the array is written, each on a line of its own: the long lists of hashed enterprise
    /// references, made as they are written rather than held (a large run names a million).
    case renderedLines(count: Int, write: @Sendable (_ index: Int, _ output: inout [UInt8]) -> Void)

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered() == rhs.rendered()
    }

    /// The value as JSON text, ending in a newline at the top level.
    public func rendered() -> String {
        String(decoding: renderedBytes(), as: UTF8.self)
    }

    /// The value as UTF-8 JSON text, ending in a newline at the top level. Written as bytes:
    /// return.json of a big district lists tens of thousands of hashed references.
    public func renderedBytes() -> [UInt8] {
        var output: [UInt8] = []
        write(to: &output, indent: 0, flush: nil)
        output.append(UInt8(ascii: "\n"))
        return output
    }

    /// The same text as ``renderedBytes()``, handed to `emit` a chunk of about `chunkBytes` at
    /// a time instead of built whole: a large run's return.json lists every enterprise, and
    /// would otherwise be held in memory twice over while it is written.
    func writeRendered<Failure: Error>(chunkBytes: Int = 1 << 20,
                                       to emit: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        var failure: Failure?
        var output: [UInt8] = []
        output.reserveCapacity(chunkBytes + chunkBytes / 4)
        // The writer itself cannot throw; after a failure the rest is rendered and dropped.
        withoutActuallyEscaping(emit) { emit in
            write(to: &output, indent: 0, flush: { output in
                guard output.count >= chunkBytes else { return }
                if failure == nil {
                    do throws(Failure) { try emit(output) } catch { failure = error }
                }
                output.removeAll(keepingCapacity: true)
            })
        }
        output.append(UInt8(ascii: "\n"))
        if let failure { throw failure }
        try emit(output)
    }

    /// Writes the text to `output`; `flush`, if given, is offered the output after each line of
    /// a list and each member of an object, and may take what is there.
    private func write(to output: inout [UInt8], indent: Int, flush: ((inout [UInt8]) -> Void)?) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .integer(let value): output += String(value).utf8
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let values):
            if values.isEmpty { output += "[]".utf8; return }
            if values.allSatisfy(\.isScalar) {
                output.append(UInt8(ascii: "["))
                for (index, value) in values.enumerated() {
                    if index > 0 { output += ", ".utf8 }
                    value.write(to: &output, indent: indent, flush: flush)
                }
                output.append(UInt8(ascii: "]"))
                return
            }
            output += "[\n".utf8
            for (index, value) in values.enumerated() {
                Self.writeIndent(indent + 1, to: &output)
                value.write(to: &output, indent: indent + 1, flush: flush)
                output += (index == values.count - 1 ? "\n" : ",\n").utf8
            }
            Self.writeIndent(indent, to: &output)
            output.append(UInt8(ascii: "]"))
        case .renderedLines(let count, let writeElement):
            if count == 0 { output += "[]".utf8; return }
            output += "[\n".utf8
            for index in 0..<count {
                Self.writeIndent(indent + 1, to: &output)
                writeElement(index, &output)
                output += (index == count - 1 ? "\n" : ",\n").utf8
                flush?(&output)
            }
            Self.writeIndent(indent, to: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { output += "{}".utf8; return }
            output += "{\n".utf8
            for (index, (key, value)) in members.enumerated() {
                Self.writeIndent(indent + 1, to: &output)
                Self.writeString(key, to: &output)
                output += ": ".utf8
                value.write(to: &output, indent: indent + 1, flush: flush)
                output += (index == members.count - 1 ? "\n" : ",\n").utf8
                flush?(&output)
            }
            Self.writeIndent(indent, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object, .renderedLines: return false
        default: return true
        }
    }

    private static func writeIndent(_ level: Int, to output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    /// True when `value` can be written between quotes as it is: no control character, quote,
    /// backslash, or U+2028/U+2029 (E2 80 A8/A9), which some JavaScript readers take for line
    /// ends.
    private static func needsNoEscape(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2 {
            return false
        }
        return true
    }

    private static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        let plain = withUTF8Bytes(of: value) { bytes in
            guard needsNoEscape(bytes) else { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if !plain {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\"".utf8
                case "\\": output += "\\\\".utf8
                case "\n": output += "\\n".utf8
                case "\r": output += "\\r".utf8
                case "\t": output += "\\t".utf8
                case "\u{2028}": output += "\\u2028".utf8
                case "\u{2029}": output += "\\u2029".utf8
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        output += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
                    } else {
                        output += String(scalar).utf8
                    }
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
