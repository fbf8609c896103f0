extension StringProtocol {
    /// The first range where `other` occurs, compared byte for byte as UTF-8.
    ///
    /// `firstRange(of:)` compares Characters and costs microseconds even on short texts; this is
    /// a scan of bytes. A match may begin or end inside a Character (`"e"` matches the start of an
    /// `"é"` written as `e` plus a combining accent), which suits searching text for a piece of
    /// itself or for ASCII markup, as the callers here do.
    ///
    /// ```swift
    /// "a&amp;b".firstUTF8Range(of: "&amp;")   // the range of "&amp;"
    /// ```
    public func firstUTF8Range(of other: some StringProtocol) -> Range<Index>? {
        let found = withUTF8Bytes(of: self) { haystack in
            withUTF8Bytes(of: other) { needle in firstOffset(of: needle, in: haystack) }
        }
        guard let found else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: found)
        return lower..<utf8.index(lower, offsetBy: other.utf8.count)
    }
}

/// Calls `body` with the UTF-8 bytes of `text`, in place when they are contiguous (native strings
/// always are), else from a copy.
func withUTF8Bytes<Text: StringProtocol, Result>(
    of text: Text, _ body: (UnsafeBufferPointer<UInt8>) -> Result
) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = String(text)
    return copy.withUTF8(body)
}

/// The offset of the first occurrence of `needle` in `haystack` (0 for an empty needle).
private func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = needle.first else { return 0 }
    guard needle.count <= haystack.count else { return nil }
    var start = 0
    while start <= haystack.count - needle.count {
        if haystack[start] == first {
            var matched = 1
            while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
            if matched == needle.count { return start }
        }
        start += 1
    }
    return nil
}
