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
        let bytes = utf8
        let needle = Array(other.utf8)
        guard let first = needle.first else { return startIndex..<startIndex }
        var from = bytes.startIndex
        while let found = bytes[from...].firstIndex(of: first) {
            if bytes[found...].starts(with: needle) {
                return found..<bytes.index(found, offsetBy: needle.count)
            }
            from = bytes.index(after: found)
        }
        return nil
    }
}
