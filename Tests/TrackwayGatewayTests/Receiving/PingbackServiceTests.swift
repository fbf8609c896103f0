import Testing
import TrackwayStore
import TrackwayXMLRPC
@testable import TrackwayGateway

@Suite struct PingbackServiceTests {
    private static let target = "http://blog.example/2008/01/hello/"

    private func service(_ seeded: SeededStore, fetcher: MemoryPageFetcher, rateLimit: RateLimit? = nil) -> PingbackService {
        PingbackService(
            configuration: GatewayConfiguration(databasePath: ""), store: seeded.store,
            resolver: TargetResolver(store: seeded.store, publicHost: nil), fetcher: fetcher, rateLimiter: rateLimit.map(RateLimiter.init(limit:))
        )
    }

    private func ping(_ service: PingbackService, _ source: String) async -> Result<String, PingbackFault> {
        do {
            return .success(try await service.ping([.string(source), .string(Self.target)], context: XMLRPCCallContext(clientAddress: "192.0.2.1", requestHost: nil)))
        } catch {
            return .failure(error)
        }
    }

    @Test("stores a pingback whose fetched source links to the post, and refuses the same source again before fetching it")
    func storesThenRefusesRepeat() async throws {
        let seeded = try SeededStore()
        let fetcher = MemoryPageFetcher()
        let source = "http://other.example/citing/"
        fetcher.serve(source, html: "<title>Citing</title><p><a href=\"\(Self.target)\">hello</a></p>")
        let service = service(seeded, fetcher: fetcher)
        #expect(try await ping(service, source).get().hasSuffix("registered. Keep the web talking! :-)"))
        let stored = try await seeded.store.pings(status: nil, receivedOnly: false, limit: 1_000)
        #expect(stored.map(\.sourceTitle) == ["Citing"] && stored.map { "\($0.status)" } == ["approved"])
        // Were the source fetched again, its failure would answer 16.
        fetcher.fail(source, with: .refusedAddress)
        #expect(await ping(service, source) == .failure(.alreadyRegistered))
    }

    @Test("answers 16 for a source that cannot be fetched, 17 for one without a link, and stores nothing")
    func fetchedFaults() async throws {
        let seeded = try SeededStore()
        let fetcher = MemoryPageFetcher()
        fetcher.fail("http://down.example/", with: .transport("Could not connect"))
        fetcher.serve("http://quiet.example/", html: "<title>Q</title><p>no link</p>")
        let service = service(seeded, fetcher: fetcher)
        #expect(await ping(service, "http://down.example/") == .failure(.sourceDoesNotExist))
        #expect(await ping(service, "http://missing.example/") == .failure(.sourceDoesNotExist))
        #expect(await ping(service, "http://quiet.example/") == .failure(.sourceHasNoLink))
        #expect(try await seeded.store.pings(status: nil, receivedOnly: false, limit: 1_000).isEmpty)
    }

    @Test("refuses a client over its rate limit with fault 429 before anything else")
    func rateLimited() async throws {
        let seeded = try SeededStore()
        let service = service(seeded, fetcher: MemoryPageFetcher(), rateLimit: RateLimit(burst: 1, perMinute: 0.01))
        #expect(await ping(service, "http://missing.example/") == .failure(.sourceDoesNotExist))
        #expect(await ping(service, "http://missing.example/") == .failure(.rateLimited))
    }
}
