import Foundation
import Synchronization
import Testing
@testable import TrackwayGateway

@Suite struct SourceFetcherTests {
    @Test("classifies loopback, private, link-local, CGNAT, multicast and wrapped IPv4 addresses as internal")
    func internalAddresses() {
        for address in ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                        "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fc00::1", "fd12::1", "fe80::1", "ff02::1",
                        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "not an address"] {
            #expect(InternalAddress.isInternal(address), "\(address)")
        }
        for address in ["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"] {
            #expect(!InternalAddress.isInternal(address), "\(address)")
        }
    }

    @Test("reads the media type and the charset parameter of a Content-Type, quoted or not, in any case")
    func contentTypeParameters() {
        let cases: [(String, String?, String?)] = [
            ("text/html", "text/html", nil),
            ("Text/HTML; charset=ISO-8859-1", "text/html", "ISO-8859-1"),
            ("text/html;charset=\"utf-8\"", "text/html", "utf-8"),
            ("application/x-www-form-urlencoded; boundary=x;  Charset = 'koi8-r' ", "application/x-www-form-urlencoded", "koi8-r"),
            ("text/plain; format=flowed", "text/plain", nil),
            ("", nil, nil),
        ]
        for (value, mediaType, charset) in cases {
            #expect(SourceFetcher.mediaType(inContentType: value) == mediaType, "\(value)")
            #expect(SourceFetcher.charset(inContentType: value) == charset, "\(value)")
        }
    }

    @Test("refuses to connect to a loopback source unless private sources are allowed")
    func refusesLoopback() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let url = try harness.page("ok.html", "<title>x</title>")
        let guarded = SourceFetcher(allowPrivateAddresses: false, maxBytes: 1 << 20, userAgent: "test")
        await #expect(throws: FetchError.self) { try await guarded.get(url) }
        await #expect(throws: FetchError.self) { try await guarded.get(url.replacingOccurrences(of: "127.0.0.1", with: "localhost")) }
        let open = SourceFetcher(allowPrivateAddresses: true, maxBytes: 1 << 20, userAgent: "test")
        #expect(try await open.get(url).body == Array("<title>x</title>".utf8))
        let small = SourceFetcher(allowPrivateAddresses: true, maxBytes: 4, userAgent: "test")
        await #expect(throws: FetchError.self) { try await small.get(url) }
        await #expect(throws: FetchError.self) { try await open.get("file:///etc/passwd") }
    }

    @Test("keeps a source's connection open for the next fetch from that site")
    func reusesConnections() async throws {
        let site = try HostileSite()
        defer { site.stop() }
        let fetcher = SourceFetcher(allowPrivateAddresses: true, maxBytes: 1 << 20, userAgent: "test")
        for _ in 0..<3 {
            #expect(try await fetcher.get(site.url("/page")).body == Array("<title>kept</title>".utf8))
        }
        let requests = site.requests()
        #expect(requests.count == 3)
        #expect(Set(requests).count == 1, "three fetches, one connection: \(requests)")
    }

    @Test("a silent source holds up only its own fetch, and pages are read at the fetch's priority (background: nice 19)", arguments: [false, true])
    func silentSourceHoldsUpOnlyItself(background: Bool) async throws {
        let site = try HostileSite()
        defer { site.stop() }
        var fetcher = SourceFetcher(allowPrivateAddresses: true, maxBytes: 1 << 20, userAgent: "test")
        fetcher.background = background
        let silentEnded = Mutex(false)
        let silent = Task {
            _ = try? await fetcher.get(site.url("/silent"))
            silentEnded.withLock { $0 = true }
        }
        try await Task.sleep(for: .milliseconds(200))
        // Read on the transfer's thread: the niceness of the thread that ran it.
        let niceness = try await fetcher.get(site.url("/page")) { _ in getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
        // The silent source runs into libcurl's 10 s limit; the page did not wait for it.
        #expect(!silentEnded.withLock { $0 })
        #expect(niceness == (background ? 19 : 0))
        await silent.value
        #expect(silentEnded.withLock { $0 })
    }

    @Test("never lets a connection opened with private sources allowed carry a fetch that forbids them")
    func keptConnectionsStayWithinTheirPolicy() async throws {
        let site = try HostileSite()
        defer { site.stop() }
        // One owner's threads, as a gateway's fetchers share them.
        let drivers = CurlDrivers()
        let open = SourceFetcher(allowPrivateAddresses: true, maxBytes: 1 << 20, userAgent: "test", drivers: drivers)
        let guarded = SourceFetcher(allowPrivateAddresses: false, maxBytes: 1 << 20, userAgent: "test", drivers: drivers)
        _ = try await open.get(site.url("/page"))
        await #expect(throws: FetchError.self) { try await guarded.get(site.url("/page")) }
        _ = try await open.get(site.url("/page"))
        #expect(site.requests().count == 2, "the guarded fetch sent nothing")
    }

    @Test("stopping an owner's fetch threads ends a fetch still waiting at once, with a transport error, and fails later ones without connecting")
    func shutdownStopsFetches() async throws {
        let site = try HostileSite()
        defer { site.stop() }
        let drivers = CurlDrivers()
        let fetcher = SourceFetcher(allowPrivateAddresses: true, maxBytes: 1 << 20, userAgent: "test", drivers: drivers)
        let silent = Task { () -> FetchError.Reason? in
            do {
                _ = try await fetcher.get(site.url("/silent"))
                return nil
            } catch {
                return (error as? FetchError)?.reason
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        let stopped = ContinuousClock.now
        drivers.shutdown()
        let reason = await silent.value
        // The silent source's own time limit is 10 s from its start.
        #expect(ContinuousClock.now - stopped < .seconds(8))
        guard case .transport = reason else {
            Issue.record("the waiting fetch ended with \(String(describing: reason))")
            return
        }
        await #expect(throws: FetchError.self) { try await fetcher.get(site.url("/page")) }
        // `/silent` may or may not have reached the site on a loaded machine; `/page` must not have.
        #expect(!site.requests().contains { $0.hasPrefix("/page") }, "nothing was sent after the stop")
    }
}
