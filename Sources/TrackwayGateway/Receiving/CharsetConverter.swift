import Foundation

/// Converts TrackBack fields from the charset the sender declared to UTF-8, with iconv.
enum CharsetConverter {
    /// `bytes` in `charset` as a String; nil when iconv does not know the charset or the bytes are
    /// not valid in it. Without a charset: UTF-8 when valid, else ISO-8859-1 (WordPress's
    /// detection order, minus the Japanese encodings that ISO-8859-1 would shadow anyway).
    static func decode(_ bytes: [UInt8], charset: String?) -> String? {
        guard let charset, !charset.isEmpty else {
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            return String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
        }
        let name = charset.uppercased()
        if name == "UTF-8" || name == "UTF8" { return String(validating: bytes, as: UTF8.self) }
        if bytes.isEmpty { return "" }
        let converter = iconv_open("UTF-8", name)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress
                var outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        return String(validating: output[0..<written].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
