import Testing
@testable import TrackwayGateway

@Suite struct TargetResolverTests {
    private func postID(_ resolution: TargetResolution?) -> Int? {
        if case .post(let post) = resolution { return post.postID }
        return nil
    }

    @Test("resolves a pingback target by any recorded address, on the blog's host or this server's, with WordPress's ID forms")
    func resolvesURLs() async throws {
        let seeded = try SeededStore()
        let resolver = TargetResolver(store: seeded.store, publicHost: nil)
        #expect(postID(try await resolver.resolve(url: "http://blog.example/2008/01/hello/", requestHost: nil)) == 1)
        #expect(postID(try await resolver.resolve(url: "https://www.blog.example/2008/01/hello", requestHost: nil)) == 1)
        #expect(postID(try await resolver.resolve(url: "http://blog.example/?p=2", requestHost: nil)) == 2)
        #expect(postID(try await resolver.resolve(url: "http://127.0.0.1:8080/2008/01/hello/", requestHost: "127.0.0.1:8080")) == 1)
        #expect(postID(try await resolver.resolve(url: "http://blog.example/2008/01/hello/?utm_source=feed#comments", requestHost: nil)) == 1)
        #expect(postID(try await resolver.resolve(url: "http://blog.example/anything/?p=3", requestHost: nil)) == 3)
        #expect(postID(try await resolver.resolve(url: "http://blog.example/archives/p/2", requestHost: nil)) == 2)
        #expect(postID(try await resolver.resolve(url: "http://blog.example/gone/#post-001", requestHost: nil)) == 1)
        #expect(try await resolver.resolve(url: "http://blog.example/2001/01/none/", requestHost: nil) == .notFound)
        #expect(try await resolver.resolve(url: "http://elsewhere.example/2008/01/hello/x", requestHost: nil) == .notOurs)
        #expect(try await resolver.resolve(url: "not a url", requestHost: nil) == .notFound)
    }

    @Test("resolves the public host's URLs as the blog's own")
    func publicHost() async throws {
        let seeded = try SeededStore()
        let resolver = TargetResolver(store: seeded.store, publicHost: "new.example")
        #expect(postID(try await resolver.resolve(url: "https://new.example/2009/01/closed/", requestHost: nil)) == 2)
        #expect(try await resolver.resolve(url: "https://new.example/2001/01/none/", requestHost: nil) == .notFound)
    }

    @Test("resolves every TrackBack URL form to its post, and nothing for a path that is none")
    func trackbackForms() async throws {
        let seeded = try SeededStore()
        let resolver = TargetResolver(store: seeded.store, publicHost: nil)
        let forms: [(String, String?)] = [
            ("/2008/01/hello/trackback/", nil), ("/2008/01/hello/trackback", nil), ("/wp-trackback.php", "p=1"), ("/wp-trackback.php/1", nil),
            ("/trackback/1", nil), ("/mt-tb.cgi/1", nil), ("/mt-tb.cgi", "tb_id=1"), ("/cgi-bin/mt/mt-tb.cgi", "tb_id=1&__mode=rss"),
        ]
        for (path, query) in forms {
            #expect(postID(try await resolver.resolveTrackback(path: path, query: query, requestHost: "blog.example")) == 1, "\(path)?\(query ?? "")")
        }
        #expect(try await resolver.resolveTrackback(path: "/mt-tb.cgi", query: nil, requestHost: nil) == .notFound)
        #expect(try await resolver.resolveTrackback(path: "/trackback/99", query: nil, requestHost: nil) == .notFound)
        #expect(try await resolver.resolveTrackback(path: "/2008/01/hello/", query: nil, requestHost: nil) == nil)
    }

    @Test("lists every address key of a post, and resolves a request path on this server")
    func keysAndPaths() async throws {
        let seeded = try SeededStore()
        let resolver = TargetResolver(store: seeded.store, publicHost: nil)
        #expect(try await resolver.urlKeys(ofPost: 1) == DeciderSamples.openPostKeys)
        #expect(postID(try await resolver.resolve(path: "/2008/01/hello/", query: nil, requestHost: "localhost:8080")) == 1)
        #expect(postID(try await resolver.resolve(path: "/", query: "p=2", requestHost: "blog.example")) == 2)
        #expect(try await resolver.resolve(path: "/nothing/", query: nil, requestHost: "localhost:8080") == .notFound)
    }
}
