extension RedirectMap {
    func csv() -> String {
        var text = "old_url,new_url\r\n"
        for redirect in redirects {
            text += Self.csvField(redirect.oldURL) + "," + Self.csvField(redirect.newURL) + "\r\n"
        }
        return text
    }

    /// RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled.
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
