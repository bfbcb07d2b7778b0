import CLibCrypto

/// SHA-256 through OpenSSL's libcrypto: the data report gives each export's hash, so a figure
/// can be traced to the exact file it came from. The only code that touches libcrypto.
struct SHA256Hasher: ~Copyable {
    private let context: OpaquePointer

    init() {
        context = EVP_MD_CTX_new()!
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds `bytes` to the hash.
    func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        EVP_DigestUpdate(context, base, bytes.count)
    }

    /// The hash of everything added, as 64 lower-case hex digits.
    consuming func finalizeHex() -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        return Self.hex(digest.prefix(Int(length)))
    }

    /// Starts over and gives the first 128 bits of the SHA-256 of `prefix` followed by `bytes`,
    /// as two words read big-endian, so that they compare as their hex digits do: one context
    /// for many short texts (return.json hashes every enterprise).
    func leading128Bits(of prefix: UnsafeRawBufferPointer, _ bytes: UnsafeRawBufferPointer) -> (high: UInt64, low: UInt64) {
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        update(prefix)
        update(bytes)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(EVP_MAX_MD_SIZE)) { digest in
            var length: UInt32 = 0
            EVP_DigestFinal_ex(context, digest.baseAddress, &length)
            func word(at start: Int) -> UInt64 {
                digest[start..<start + 8].reduce(0) { $0 << 8 | UInt64($1) }
            }
            return (word(at: 0), word(at: 8))
        }
    }

    /// The hash of `bytes`, as hex: one call, no context to manage (hashing enterprise
    /// references for return.json calls this for every enterprise).
    static func hex(of bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        bytes.withUnsafeBytes { buffer in
            _ = EVP_Digest(buffer.baseAddress, buffer.count, &digest, &length, EVP_sha256(), nil)
        }
        return hex(digest.prefix(Int(length)))
    }

    private static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        appendHex(bytes, digits: bytes.count * 2, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    private static func appendHex<Bytes: Collection<UInt8>>(_ bytes: Bytes, digits: Int, to output: inout [UInt8]) {
        let hexDigits: StaticString = "0123456789abcdef"
        var written = 0
        for byte in bytes where written < digits {
            output.append(hexDigits.utf8Start[Int(byte >> 4)])
            written += 1
            if written < digits {
                output.append(hexDigits.utf8Start[Int(byte & 0xF)])
                written += 1
            }
        }
    }
}
