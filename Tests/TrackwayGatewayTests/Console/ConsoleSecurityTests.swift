import Foundation
import Testing
import TrackwayCore
import TrackwayGateway
import TrackwayStore
import TrackwayTesting

/// The console's doors over 127.0.0.1: off without a password, the login and its limits, the
/// session cookie, CSRF on every form, and the headers of every answer.
@Suite struct ConsoleSecurityTests {
    private static let consoleAddresses = [
        "/trackway/admin/", "/trackway/admin/login", "/trackway/admin/rules", "/trackway/admin/console.css", "/trackway/admin/nothing",
    ]

    @Test("every console address answers 404 while no password is set, and the console opens once one is stored, without a restart")
    func offWithoutPassword() async throws {
        let harness = try await ConsoleBrowser.gateway(withPassword: false)
        defer { harness.stop() }
        let browser = ConsoleBrowser(harness)
        for path in Self.consoleAddresses {
            #expect(try await browser.get(path).status == 404, "\(path)")
        }
        #expect(try await browser.post("/trackway/admin/login", [("password", "x")]).status == 404)
        #expect(try await browser.post("/trackway/admin/actions", [("action", "empty-spam")]).status == 404)

        try Store(path: harness.databasePath).setConsolePassword(hash: try ConsolePassword.hash(ConsoleBrowser.password))
        #expect(try await browser.get("/trackway/admin/login").status == 200)
        #expect(try await browser.get("/trackway/admin/console.css").status == 200)
        try Store(path: harness.databasePath).setConsolePassword(hash: nil)
        #expect(try await browser.get("/trackway/admin/login").status == 404)
    }

    @Test("without a session the queue and the rules page redirect (303) to the login page")
    func noSessionRedirects() async throws {
        let harness = try await ConsoleBrowser.gateway()
        defer { harness.stop() }
        let browser = ConsoleBrowser(harness)
        for path in ["/trackway/admin/", "/trackway/admin/?status=spam", "/trackway/admin/rules"] {
            let answer = try await browser.get(path)
            #expect(answer.status == 303, "\(path)")
            #expect(GatewayHarness.location(in: answer.headers) == "/trackway/admin/login", "\(path)")
        }
    }

    @Test("a POST without the session's CSRF token, or with another one, is refused with 403 and changes nothing")
    func csrfRequired() async throws {
        let harness = try await ConsoleBrowser.gateway()
        defer { harness.stop() }
        let id = try ConsoleSeed.ping(harness.databasePath, source: "http://a.example/1")
        let browser = ConsoleBrowser(harness)
        // The login form's token is checked too.
        try await browser.get("/trackway/admin/login")
        #expect(try await browser.post("/trackway/admin/login", [("password", ConsoleBrowser.password)], csrf: "").status == 403)
        #expect(try await browser.post("/trackway/admin/login", [("password", ConsoleBrowser.password)], csrf: String(repeating: "0", count: 64)).status == 403)
        #expect(try await browser.signIn().status == 303)
        let other = ConsoleBrowser(harness)
        try await other.signIn()
        #expect(other.csrf != browser.csrf)
        for token in ["", String(repeating: "a", count: 64), other.csrf, String(browser.csrf.dropLast())] {
            let approve = try await browser.post("/trackway/admin/actions", [("action", "approve"), ("ids", String(id)), ("return", "/trackway/admin/")], csrf: token)
            #expect(approve.status == 403, "token \(token)")
            #expect(try await browser.post("/trackway/admin/rules", [("max-links", "9")], csrf: token).status == 403)
            #expect(try await browser.post("/trackway/admin/logout", [], csrf: token).status == 403)
        }
        #expect(try await harness.sqlite("SELECT status FROM comments WHERE id = \(id)") == "pending")
        #expect(try await harness.sqlite("SELECT count(*) FROM spam_rules") == "0")
        // With the token, the same form works.
        #expect(try await browser.post("/trackway/admin/actions", [("action", "approve"), ("ids", String(id)), ("return", "/trackway/admin/")]).status == 303)
        #expect(try await harness.sqlite("SELECT status FROM comments WHERE id = \(id)") == "approved")
    }

    @Test("ten wrong passwords from one address get the form again; the eleventh try within the minute gets 429, the right password too")
    func loginRateLimited() async throws {
        // Each wrong password costs an argon2id check; on a loaded machine eleven of them can take
        // more than a minute, so the window is widened here (its length is LoginThrottleTests' job).
        let harness = try await ConsoleBrowser.gateway { $0.consoleLoginWindowSeconds = 3600 }
        defer { harness.stop() }
        let browser = ConsoleBrowser(harness)
        try await browser.get("/trackway/admin/login")
        for attempt in 1...10 {
            let answer = try await browser.post("/trackway/admin/login", [("password", "wrong \(attempt)")])
            #expect(answer.status == 200, "attempt \(attempt)")
            #expect(answer.body.contains("<p id=\"error\""), "attempt \(attempt)")
        }
        #expect(try await browser.post("/trackway/admin/login", [("password", "wrong 11")]).status == 429)
        #expect(try await browser.post("/trackway/admin/login", [("password", ConsoleBrowser.password)]).status == 429)
        #expect(try await harness.sqlite("SELECT count(*) FROM console_sessions") == "0")
    }

    @Test("signing in gives a fresh session id: an id held before, the form's or one planted, is not signed in after; logout ends the session in the database")
    func noFixation() async throws {
        let harness = try await ConsoleBrowser.gateway()
        defer { harness.stop() }
        let browser = ConsoleBrowser(harness)
        let planted = String(repeating: "ab", count: 32)
        try browser.plantSession(planted)
        try await browser.get("/trackway/admin/login")
        #expect(try browser.sessionID() == planted)
        let answer = try await browser.post("/trackway/admin/login", [("password", ConsoleBrowser.password)])
        #expect(answer.status == 303)
        #expect(GatewayHarness.location(in: answer.headers) == "/trackway/admin/")
        let signedIn = try #require(try browser.sessionID())
        #expect(signedIn != planted && signedIn.count == 64)
        #expect(try await browser.get("/trackway/admin/").status == 200)

        let attacker = ConsoleBrowser(harness)
        try attacker.plantSession(planted)
        #expect(try await attacker.get("/trackway/admin/").status == 303)
        // The database keeps a hash of the id, never the id.
        #expect(try await harness.sqlite("SELECT count(*) FROM console_sessions") == "1")
        #expect(try await !harness.sqlite("SELECT id_hash FROM console_sessions").contains(signedIn))

        let copy = ConsoleBrowser(harness)
        try copy.plantSession(signedIn)
        #expect(try await copy.get("/trackway/admin/").status == 200)
        let logout = try await browser.post("/trackway/admin/logout", [])
        #expect(logout.status == 303)
        #expect(GatewayHarness.location(in: logout.headers) == "/trackway/admin/login")
        #expect(try await harness.sqlite("SELECT count(*) FROM console_sessions") == "0")
        #expect(try await copy.get("/trackway/admin/").status == 303)
    }

    @Test("the session cookie is HttpOnly, SameSite=Strict and on /trackway/, without Secure over http")
    func cookieFlagsHTTP() async throws {
        let harness = try await ConsoleBrowser.gateway()
        defer { harness.stop() }
        let answer = try await ConsoleBrowser(harness).signIn()
        let cookie = try #require(ConsoleBrowser.header("Set-Cookie", in: answer.headers).first)
        #expect(cookie.firstMatch(of: /^trackway_session=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=\/trackway\/$/) != nil, "\(cookie)")
    }

    @Test("with an https public URL the session cookie is also Secure")
    func cookieFlagsHTTPS() async throws {
        let harness = try await ConsoleBrowser.gateway { $0.publicURL = "https://blog.example" }
        defer { harness.stop() }
        // curl keeps no Secure cookie over http: the login form's cookie is passed by hand.
        let login = try await harness.curl([harness.base + "/trackway/admin/login"])
        let formCookie = try #require(ConsoleBrowser.header("Set-Cookie", in: login.headers).first)
        #expect(formCookie.hasSuffix("; Secure"), "\(formCookie)")
        let id = try #require(formCookie.firstMatch(of: /trackway_session=([0-9a-f]{64})/)).1
        let csrf = try #require(ConsoleBrowser.csrf(in: login.body))
        let answer = try await harness.curl([
            "-H", "Cookie: trackway_session=\(id)", "--data-urlencode", "csrf=\(csrf)", "--data-urlencode", "password=\(ConsoleBrowser.password)",
            harness.base + "/trackway/admin/login",
        ])
        #expect(answer.status == 303)
        let cookie = try #require(ConsoleBrowser.header("Set-Cookie", in: answer.headers).first)
        #expect(cookie.firstMatch(of: /^trackway_session=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=\/trackway\/; Secure$/) != nil, "\(cookie)")
    }

    @Test("every console answer, pages, redirects, refusals and the stylesheet, carries the strict CSP, X-Frame-Options DENY and no-store")
    func securityHeaders() async throws {
        let harness = try await ConsoleBrowser.gateway()
        defer { harness.stop() }
        let browser = ConsoleBrowser(harness)
        var answers = [try await browser.get("/trackway/admin/"), try await browser.get("/trackway/admin/login")]
        answers.append(try await browser.post("/trackway/admin/actions", [], csrf: ""))
        try await browser.signIn()
        answers += [
            try await browser.get("/trackway/admin/"), try await browser.get("/trackway/admin/rules"),
            try await browser.get("/trackway/admin/console.css"), try await browser.get("/trackway/admin/missing"),
        ]
        for answer in answers {
            #expect(ConsoleBrowser.header("Content-Security-Policy", in: answer.headers) == [
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            ], "\(answer.headers)")
            #expect(ConsoleBrowser.header("X-Frame-Options", in: answer.headers) == ["DENY"])
            #expect(ConsoleBrowser.header("Cache-Control", in: answer.headers) == ["no-store"])
            #expect(ConsoleBrowser.header("Referrer-Policy", in: answer.headers) == ["same-origin"])
        }
    }

    @Test("an action's return address outside the console is not followed: the browser goes back to the queue")
    func noOpenRedirect() async throws {
        let harness = try await ConsoleBrowser.gateway()
        defer { harness.stop() }
        let browser = ConsoleBrowser(harness)
        try await browser.signIn()
        for target in ["https://evil.example/", "//evil.example/trackway/admin/", "/trackway/admin\\..\\x", "/2008/01/hello/"] {
            let answer = try await browser.post("/trackway/admin/actions", [("action", "empty-trash"), ("return", target)])
            #expect(answer.status == 303)
            #expect(GatewayHarness.location(in: answer.headers) == "/trackway/admin/?done=empty-trash&count=0", "\(target)")
        }
        let kept = try await browser.post("/trackway/admin/actions", [("action", "empty-trash"), ("return", "/trackway/admin/?status=trash&q=a%20b&done=approve&count=9")])
        #expect(GatewayHarness.location(in: kept.headers) == "/trackway/admin/?status=trash&q=a%20b&done=empty-trash&count=0")
    }
}
