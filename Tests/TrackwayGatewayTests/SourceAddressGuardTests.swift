import Foundation
import Testing
import TrackwayTesting
@testable import TrackwayGateway

/// Source fetching (pingback, trackback check) against sources that must not be reached: every
/// spelling of a loopback address, DNS names that resolve to one, other schemes; and sources
/// that never end: endless redirects, endless bodies, silence. Listeners on the refused
/// addresses prove no connection was made. (Private, link-local and metadata addresses, and
/// redirects to them, are proven the same way inside a network namespace in the CLI tests.)
@Suite struct SourceAddressGuardTests {
    private let guarded = SourceFetcher(allowPrivateAddresses: false, maxBytes: 1 << 20, userAgent: "test")
    private let open = SourceFetcher(allowPrivateAddresses: true, maxBytes: 1 << 20, userAgent: "test")

    /// The reason `url` could not be fetched; nil when it could.
    private func failure(_ url: String, with fetcher: SourceFetcher) async -> FetchError.Reason? {
        do {
            _ = try await fetcher.get(url)
            return nil
        } catch let error as FetchError {
            return error.reason
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    private func isRefused(_ reason: FetchError.Reason?) -> Bool {
        if case .refusedAddress = reason { return true }
        return false
    }

    @Test("loopback in every spelling (127.0.0.2, decimal, octal, hex, short, IPv4-mapped, ::1, localhost, 0.0.0.0) is refused without a connection")
    func loopbackSpellings() async throws {
        let v4 = try Tripwire(host: "127.0.0.1")
        let other = try Tripwire(host: "127.0.0.2")
        let v6 = try Tripwire(host: "::1")
        defer { [v4, other, v6].forEach { $0.stop() } }
        let urls = [
            other.url, v4.url,
            "http://2130706433:\(v4.port)/", "http://0177.0.0.1:\(v4.port)/", "http://0x7f.0.0.1:\(v4.port)/",
            "http://0x7f000001:\(v4.port)/", "http://017700000001:\(v4.port)/", "http://127.1:\(v4.port)/",
            "http://[::ffff:127.0.0.1]:\(v4.port)/", "http://[::ffff:7f00:1]:\(v4.port)/", "http://localhost:\(v4.port)/",
            "http://LOCALHOST:\(v4.port)/", "http://0.0.0.0:\(v4.port)/", "http://0:\(v4.port)/", v6.url,
            "http://user:pass@127.0.0.2:\(other.port)/", "https://127.0.0.2:\(other.port)/",
        ]
        for url in urls {
            let reason = await failure(url, with: guarded)
            #expect(isRefused(reason), "\(url): \(String(describing: reason))")
        }
        #expect(v4.touches() == [])
        #expect(other.touches() == [])
        #expect(v6.touches() == [])
    }

    @Test("the same listeners are reached when private addresses are allowed, so the refusals above are the guard's doing")
    func controlReachesListeners() async throws {
        let v4 = try Tripwire(host: "127.0.0.1")
        let v6 = try Tripwire(host: "::1")
        defer { [v4, v6].forEach { $0.stop() } }
        #expect(try await open.get("http://0x7f.0.0.1:\(v4.port)/").body == Array("<title>tripwire</title>".utf8))
        #expect(try await open.get(v6.url).status == 200)
        #expect(v4.touches() == ["connection"])
        #expect(v6.touches() == ["connection"])
    }

    @Test("file, ftp, gopher, dict and other schemes are refused as unsupported without touching the file or the listener")
    func otherSchemes() async throws {
        let trap = try Tripwire(host: "127.0.0.1")
        defer { trap.stop() }
        for url in ["file://\(trap.filePath)", "FILE://\(trap.filePath)", "ftp://127.0.0.1:\(trap.port)/", "gopher://127.0.0.1:\(trap.port)/_x",
                    "dict://127.0.0.1:\(trap.port)/x", "telnet://127.0.0.1:\(trap.port)/", "//127.0.0.1:\(trap.port)/",
                    " http://127.0.0.1:\(trap.port)/", "javascript:alert(1)", trap.filePath] {
            let reason = await failure(url, with: open)
            guard case .unsupportedURL = reason else {
                Issue.record("\(url): \(String(describing: reason))")
                continue
            }
        }
        #expect(trap.touches() == [])
    }

    @Test("endless redirects stop at the fifth hop, an endless body at the size limit, a silent source at the time limit")
    func endlessSources() async throws {
        let site = try HostileSite()
        defer { site.stop() }
        let redirects = await failure(site.url("/loop/0"), with: open)
        guard case .transport(let message) = redirects else {
            Issue.record("endless redirects: \(String(describing: redirects))")
            return
        }
        #expect(message.contains("redirects"))
        // `.tooLarge`, not a timeout: the size limit stopped it. The site's count of bytes written
        // (below) proves it stopped early, without a wall-clock bound a loaded machine can miss.
        let body = await failure(site.url("/endless"), with: open)
        guard case .tooLarge = body else {
            Issue.record("endless body: \(String(describing: body))")
            return
        }
        let silent = ContinuousClock.now
        let timeout = await failure(site.url("/silent"), with: open)
        // libcurl's 10 s limit. Each fetch has a thread of its own, so other fetches cannot queue
        // it, but the bound stays generous: the suite's 8 GB upload test can starve this process.
        #expect(ContinuousClock.now - silent < .seconds(180))
        guard case .transport(let text) = timeout else {
            Issue.record("silent source: \(String(describing: timeout))")
            return
        }
        #expect(text.contains("Timeout"))
        let recorded = site.requests()
        // 1 request plus 5 redirects, the endless body, the silent one.
        #expect(recorded.filter { $0.hasPrefix("/") } == Array(repeating: "/loop", count: 6) + ["/endless", "/silent"])
        // The fetcher hung up once past its 1 MB limit: what the site wrote beyond that sat in
        // the two sockets' kernel buffers (a few MB on loopback). Ten seconds of an endless body
        // on loopback would be gigabytes.
        let written = recorded.compactMap { $0.hasPrefix("hung up after ") ? Int($0.dropFirst(14)) : nil }
        #expect(written.count == 1)
        #expect(written.allSatisfy { $0 > 1 << 20 && $0 < 32 << 20 }, "\(written)")
    }

    @Test("pingback.ping from a loopback source is answered with fault 16 and the source is never contacted")
    func pingbackFromLoopback() async throws {
        let trap = try Tripwire(host: "127.0.0.2")
        defer { trap.stop() }
        let harness = try await GatewayHarness { $0.allowPrivateSources = false }
        defer { harness.stop() }
        for source in [trap.url, "http://2130706433:\(trap.port)/", "file://\(trap.filePath)"] {
            let answer = try await harness.xmlrpc("pingback.ping", [source, GatewayHarness.openPost])
            let fault = answer["fault"] as? [Any]
            #expect(fault?.first as? Int == 16, "\(source)")
            #expect(fault?.last as? String == "The source URL does not exist.", "\(source)")
        }
        #expect(try await harness.sqlite("SELECT count(*) FROM comments") == "0")
        #expect(trap.touches() == [])
    }

    @Test("a trackback from a loopback source is stored for moderation, its check fails, and the source is never contacted")
    func trackbackCheckOfLoopback() async throws {
        let trap = try Tripwire(host: "127.0.0.2")
        defer { trap.stop() }
        let harness = try await GatewayHarness { $0.allowPrivateSources = false }
        defer { harness.stop() }
        let answer = try await harness.trackback("/2008/01/hello/trackback/", "url=\(trap.url)&title=t")
        #expect(answer.body.contains("<error>0</error>"))
        var verification = ""
        for _ in 0..<100 where verification != "failed" {
            try await Task.sleep(for: .milliseconds(100))
            verification = try await harness.sqlite("SELECT verification FROM comments")
        }
        #expect(verification == "failed")
        #expect(try await harness.sqlite("SELECT status FROM comments") == "pending")
        #expect(trap.touches() == [])
    }
}
