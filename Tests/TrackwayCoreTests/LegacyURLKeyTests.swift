import Testing
import TrackwayCore

/// The key every spelling of an old post URL resolves under.
@Suite struct LegacyURLKeyTests {
    @Test("one key for http and https, with or without www., port, trailing slash, fragment or spaces")
    func spellingsShareOneKey() {
        let spellings = [
            "http://example.com/2009/01/hello/", "https://www.Example.com/2009/01/hello", "http://example.com:80/2009/01/hello//",
            "https://example.com:443/2009/01/hello/#comments", "  http://EXAMPLE.com/2009/01/hello/\n",
        ]
        #expect(Set(spellings.compactMap { LegacyURLKey($0)?.value }) == ["example.com/2009/01/hello"])
        #expect(LegacyURLKey("http://example.com/?p=12")?.value == "example.com/?p=12")
        #expect(LegacyURLKey("ftp://example.com/x") == nil && LegacyURLKey("/2009/01/hello/") == nil)
    }

    @Test("drops the query for a second look-up, keeping a bare root without its slash")
    func withoutQuery() {
        #expect(LegacyURLKey("http://example.com/2009/01/hello/?utm_source=feed#c")?.withoutQuery?.value == "example.com/2009/01/hello")
        #expect(LegacyURLKey("http://example.com/?p=12")?.withoutQuery?.value == "example.com")
        #expect(LegacyURLKey("http://example.com/2009/01/hello/")?.withoutQuery == nil)
    }
}
