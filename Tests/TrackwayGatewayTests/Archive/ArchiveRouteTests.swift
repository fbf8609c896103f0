import Testing
@testable import TrackwayGateway
import TrackwayStore

@Suite struct ArchiveRouteTests {
    @Test("reads WordPress's listing shapes, pagination both ways, and everything else as a possible post")
    func shapes() {
        #expect(ArchiveRoute(path: "/", query: nil) == .listing(.all, page: 1))
        #expect(ArchiveRoute(path: "/page/3/", query: nil) == .listing(.all, page: 3))
        #expect(ArchiveRoute(path: "/", query: "paged=2") == .listing(.all, page: 2))
        #expect(ArchiveRoute(path: "/category/boats/repairs/page/2/", query: nil) == .listing(.term(taxonomy: "category", slug: "repairs"), page: 2))
        #expect(ArchiveRoute(path: "/tag/Tides/", query: nil) == .listing(.term(taxonomy: "post_tag", slug: "tides"), page: 1))
        #expect(ArchiveRoute(path: "/author/keeper-brennan/", query: nil) == .listing(.author("keeper-brennan"), page: 1))
        #expect(ArchiveRoute(path: "/2026/02/", query: nil) == .listing(.month(year: 2026, month: 2), page: 1))
        #expect(ArchiveRoute(path: "/", query: "s=north+wall&paged=2") == .listing(.search("north wall"), page: 2))
        #expect(ArchiveRoute(path: "/trackway/style.css", query: nil) == .stylesheet)
        #expect(ArchiveRoute(path: "/2026/13/", query: nil) == .post(path: "/2026/13/", query: nil, commentPage: 1))
        #expect(ArchiveRoute(path: "/", query: "p=10") == .post(path: "/", query: "p=10", commentPage: 1))
        #expect(ArchiveRoute(path: "/2026/03/spring-tides/comment-page-2/", query: nil)
            == .post(path: "/2026/03/spring-tides/", query: nil, commentPage: 2))
        #expect(ArchiveRoute(path: "/page/0/", query: nil) == .post(path: "/page/0/", query: nil, commentPage: 1))
    }

    @Test("spells a term's slug as stored, lower-case percent-encoded, however the request spelled it")
    func termSlugs() {
        let stored = ArchiveFilter.term(taxonomy: "category", slug: "caf%c3%a9")
        #expect(ArchiveRoute(path: "/category/caf%C3%A9/", query: nil) == .listing(stored, page: 1))
        #expect(ArchiveRoute(path: "/category/Caf%c3%a9/", query: nil) == .listing(stored, page: 1))
        #expect(ArchiveRoute(path: "/category/café/", query: nil) == .listing(stored, page: 1))
    }
}
