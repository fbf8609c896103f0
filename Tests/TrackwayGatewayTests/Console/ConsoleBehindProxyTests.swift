import Foundation
import Testing
@testable import TrackwayGateway
import TrackwayTesting

/// The console's failed-login throttle behind a real nginx whose address the gateway trusts: it
/// counts each client's address, not nginx's, so one client's wrong passwords do not lock the
/// owner out, and a client that connects straight to the gateway cannot leave its count by
/// writing `X-Forwarded-For`.
@Suite(.enabled(if: NginxProxy.binary != nil, "nginx is not installed: scripts/setup.sh installs nginx-light"))
struct ConsoleBehindProxyTests {
    /// A gateway with a console password that trusts nginx's upstream address, with an hour's
    /// login window: eleven argon2id checks can take more than a minute on a loaded machine
    /// (see ConsoleSecurityTests).
    static func gatewayTrustingNginx() async throws -> GatewayHarness {
        let proxies = try TrustedProxies(parsing: [NginxProxy.upstreamSource])
        return try await ConsoleBrowser.gateway {
            $0.consoleLoginWindowSeconds = 3600
            $0.trustedProxies = proxies
        }
    }

    @Test("behind nginx, ten wrong passwords close the login to that client only; the owner behind the same nginx still signs in")
    func throttlePerForwardedClient() async throws {
        let harness = try await Self.gatewayTrustingNginx()
        defer { harness.stop() }
        let nginx = try await onOwnThread { try NginxProxy(upstreamPort: harness.port) }
        defer { nginx.stop() }

        let guesser = ConsoleBrowser(harness, through: nginx.base, from: "127.0.0.11")
        try await guesser.get("/trackway/admin/login")
        for attempt in 1...10 {
            #expect(try await guesser.post("/trackway/admin/login", [("password", "wrong \(attempt)")]).status == 200, "attempt \(attempt)")
        }
        #expect(try await guesser.post("/trackway/admin/login", [("password", "wrong 11")]).status == 429)

        let owner = ConsoleBrowser(harness, through: nginx.base, from: "127.0.0.12")
        try await owner.get("/trackway/admin/login")
        let wrong = try await owner.post("/trackway/admin/login", [("password", "a typo")])
        #expect(wrong.status == 200 && wrong.body.contains("<p id=\"error\""))
        #expect(try await owner.post("/trackway/admin/login", [("password", ConsoleBrowser.password)]).status == 303)
    }

    @Test("a client connecting straight to the gateway is counted under its own address, whatever X-Forwarded-For it writes")
    func directClientCannotLeaveItsCount() async throws {
        let harness = try await Self.gatewayTrustingNginx()
        defer { harness.stop() }
        let direct = ConsoleBrowser(harness, from: "127.0.0.1")
        try await direct.get("/trackway/admin/login")
        for attempt in 1...10 {
            let answer = try await direct.post("/trackway/admin/login", [("password", "wrong \(attempt)")], forwardedFor: "192.0.2.\(attempt)")
            #expect(answer.status == 200, "attempt \(attempt)")
        }
        #expect(try await direct.post("/trackway/admin/login", [("password", ConsoleBrowser.password)], forwardedFor: "192.0.2.99").status == 429)
    }
}
