import HTTPTypes
import Testing
@testable import TrackwayGateway
import TrackwayStore
import TrackwayTesting

@Suite struct ArchivePageCacheTests {
    private let temp: TemporaryStore
    private let cache: ArchivePageCache
    private let key = ArchivePageCache.Key(host: "h", uri: "/a/")

    init() throws {
        temp = try TemporaryStore()
        cache = ArchivePageCache(reader: StoreArchiveReader(path: temp.path), checkInterval: 0)
    }

    @Test("keeps a page's Last-Modified while its bytes stay, and never promises a second twice for other bytes")
    func lastModified() async {
        let generation = await cache.lookUp(key).generation
        func store(_ text: String, at second: Int) -> Int? {
            cache.store(body: Array(text.utf8), headers: [:], for: key, renderedIn: generation, now: second).lastModified
        }
        #expect(store("A", at: 100) == 100)
        #expect(store("A", at: 105) == 100)
        #expect(store("B", at: 100) == nil, "a client holding A's 100 would get a 304 for B")
        #expect(store("B", at: 100) == nil)
        #expect(store("B", at: 101) == 101)
        #expect(store("C", at: 101) == nil)
        #expect(store("C", at: 102) == 102)
    }

    @Test("serves a page only in the generation it was rendered in, and forgets them all when the store changes")
    func generations() async throws {
        let (missing, generation) = await cache.lookUp(key)
        #expect(missing == nil)
        let page = cache.store(body: Array("A".utf8), headers: [:], for: key, renderedIn: generation)
        let kept = await cache.lookUp(key).page
        #expect(kept?.etag == page.etag)
        #expect(cache.store(body: Array("B".utf8), headers: [:], for: key, renderedIn: generation - 1).etag != page.etag)
        let stillKept = await cache.lookUp(key).page
        #expect(stillKept?.etag == page.etag, "a page rendered in an older generation is not kept")
        try SQLiteFile(path: temp.path).query("CREATE TABLE change_marker (x)")
        let afterChange = await cache.lookUp(key).page
        #expect(afterChange == nil)
    }
}
