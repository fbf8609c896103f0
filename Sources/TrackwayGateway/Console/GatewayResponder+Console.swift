import HTTPTypes
import Hummingbird
import TrackwayCore
import TrackwayStore

extension GatewayResponder {
    /// Whether `path` is the owner's console's (`/trackway/admin/…`).
    static func isConsole(_ path: String) -> Bool {
        path.hasPrefix(ConsoleView.path) || path == "/trackway/admin"
    }

    /// The owner's console: 404 at every address while no password is set (read on each request,
    /// so `trackway admin set-password` opens it at once); the login form; and, signed in, the
    /// queue, its actions and the rules. Every POST carries the session's CSRF token (403 without).
    func console(_ request: Request, context: Context) async throws -> Response {
        let console = gateway.console
        guard let passwordHash = try await console.repository.passwordHash() else { return ConsoleAnswer.notFound }
        let reading = request.method == .get || request.method == .head
        let posting = request.method == .post
        switch request.uri.path {
        case ConsoleLayout.stylesheetPath:
            return reading ? ConsoleAnswer.stylesheet : ConsoleAnswer.methodNotAllowed("GET, HEAD")
        case ConsoleLayout.loginPath:
            if reading { return try loginPage(request) }
            return posting ? try await login(request, context: context, passwordHash: passwordHash) : ConsoleAnswer.methodNotAllowed("GET, HEAD, POST")
        case ConsoleView.path, ConsoleLayout.rulesPath:
            if reading { return try await consolePage(request) }
            guard posting, request.uri.path == ConsoleLayout.rulesPath else { return ConsoleAnswer.methodNotAllowed("GET, HEAD") }
            return try await consoleForm(request, context: context, handle: saveRules)
        case ConsoleLayout.actionsPath:
            return posting ? try await consoleForm(request, context: context, handle: act) : ConsoleAnswer.methodNotAllowed("POST")
        case ConsoleLayout.logoutPath:
            return posting ? try await consoleForm(request, context: context, handle: logout) : ConsoleAnswer.methodNotAllowed("POST")
        case "/trackway/admin":
            return ConsoleAnswer.redirect(ConsoleView.path)
        default:
            return ConsoleAnswer.notFound
        }
    }

    // MARK: Signing in and out

    /// The login form, its token tied to the id the browser holds (one is given when it has none).
    private func loginPage(_ request: Request) throws -> Response {
        let held = OwnerConsole.cookieID(of: request.headers)
        let id = held ?? ConsoleToken.random()
        let page = try ConsoleLoginPage(csrf: gateway.console.loginToken(for: id)).html()
        return ConsoleAnswer.page(page, cookie: held == nil ? gateway.console.cookie(id) : nil)
    }

    /// Checks the password, after the form's token and the address's failures in the last minute
    /// (the eleventh within a minute is refused with 429 unchecked). A right one starts a session
    /// under a new id; the id held before ends.
    private func login(_ request: Request, context: Context, passwordHash: String) async throws -> Response {
        let console = gateway.console
        let form: URLForm
        switch try await collectBody(request, context: context) {
        case .success(let body): form = URLForm(body)
        case .failure(let refusal): return textAnswer(to: refusal, context: context)
        }
        guard let held = OwnerConsole.cookieID(of: request.headers), ConsoleToken.equal(form.string("csrf"), console.loginToken(for: held)) else {
            return ConsoleAnswer.forbidden
        }
        guard try await console.throttle.allows(context.clientAddress) else {
            return ConsoleAnswer.text(.tooManyRequests, "Too many wrong passwords from this address: wait a minute.\n", headers: [.retryAfter: "60"])
        }
        guard await console.verify(form.string("password") ?? "", against: passwordHash) else {
            try await console.throttle.recordFailure(context.clientAddress)
            gateway.logger.warning("console: wrong password from \(context.clientAddress)")
            return ConsoleAnswer.page(try ConsoleLoginPage(csrf: console.loginToken(for: held), error: "That password is not right.").html())
        }
        let id = try await console.startSession(replacing: held)
        return ConsoleAnswer.redirect(ConsoleView.path, cookie: console.cookie(id))
    }

    private func logout(_ form: URLForm, _ session: ConsoleSession) async throws -> Response {
        try await gateway.console.repository.endSession(idHash: session.idHash)
        return ConsoleAnswer.redirect(ConsoleLayout.loginPath, cookie: gateway.console.cookie(""))
    }

    // MARK: Pages

    /// The queue or the rules page, for a signed-in browser; others go to the login form.
    private func consolePage(_ request: Request) async throws -> Response {
        guard let session = try await gateway.console.session(id: OwnerConsole.cookieID(of: request.headers)) else {
            return ConsoleAnswer.redirect(ConsoleLayout.loginPath)
        }
        let query = URLForm(query: request.uri.query)
        let notice = ConsoleNotice(query: query)
        if request.uri.path == ConsoleLayout.rulesPath {
            return ConsoleAnswer.page(try ConsoleRulesPage(rules: try await gateway.store.spamRules(), csrf: session.csrf, notice: notice).html())
        }
        let view = ConsoleView(query: query)
        let repository = gateway.console.repository
        let page = ConsoleQueuePage(
            view: view, listing: try await repository.queue(view.query), sites: try await repository.sites(), csrf: session.csrf,
            notice: notice, links: ArchiveLinks(base: gateway.console.archiveBase, site: nil)
        )
        return ConsoleAnswer.page(try page.html())
    }

    // MARK: Forms

    /// Reads a signed-in browser's form and hands it to `handle`; 403 without a session or
    /// without its CSRF token.
    private func consoleForm(
        _ request: Request, context: Context, handle: (URLForm, ConsoleSession) async throws -> Response
    ) async throws -> Response {
        let form: URLForm
        switch try await collectBody(request, context: context) {
        case .success(let body): form = URLForm(body)
        case .failure(let refusal): return textAnswer(to: refusal, context: context)
        }
        guard let session = try await gateway.console.session(id: OwnerConsole.cookieID(of: request.headers)),
              ConsoleToken.equal(form.string("csrf"), session.csrf) else {
            return ConsoleAnswer.forbidden
        }
        return try await handle(form, session)
    }

    /// Carries out a row's action (`one=approve:12`) or the bulk action on the checked `ids`, then
    /// goes back to the queue page named by `return` with the notice.
    private func act(_ form: URLForm, _ session: ConsoleSession) async throws -> Response {
        var action: ConsoleAction?
        var idTexts = form.strings("ids")
        if let one = form.string("one") {
            let parts = one.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            action = ConsoleAction(rawValue: parts[0])
            idTexts = Array(parts.dropFirst())
            guard action != nil else { return ConsoleAnswer.text(.badRequest, "Unknown action '\(parts[0])'.\n") }
        } else if let name = form.string("action"), !name.isEmpty {
            action = ConsoleAction(rawValue: name)
            guard action != nil else { return ConsoleAnswer.text(.badRequest, "Unknown action '\(name)'.\n") }
        }
        var ids: [Int] = []
        for text in idTexts {
            guard let id = Int(text) else { return ConsoleAnswer.text(.badRequest, "'\(text)' is no ping id.\n") }
            ids.append(id)
        }
        let back = Self.consoleReturn(form.string("return"))
        guard let action, !ids.isEmpty || action == .emptySpam || action == .emptyTrash else {
            return ConsoleAnswer.redirect(Self.address(back, with: .nothingDone))
        }
        let notice = try await action.perform(ids: ids, on: gateway.store)
        gateway.logActivity("console: \(action.rawValue) on \(ids.count) id(s): \(notice.text)")
        return ConsoleAnswer.redirect(Self.address(back, with: notice))
    }

    /// Validates every rule the rules page sent as `trackway rules set` does; stores them all
    /// in one write, or none and shows the page again with what is wrong.
    private func saveRules(_ form: URLForm, _ session: ConsoleSession) async throws -> Response {
        var sent: [SpamRuleName: String] = [:]
        for name in [SpamRuleName.maxLinks, .moderationKeys, .disallowedKeys, .blockedHosts] { sent[name] = form.string(name.rawValue) ?? "" }
        sent[.holdAll] = form.string(SpamRuleName.holdAll.rawValue) == "on" ? "on" : ""
        var validated: [SpamRuleName: String] = [:]
        var errors: [String] = []
        for name in SpamRuleName.allCases {
            do {
                validated[name] = try SpamRules.validated(name, name == .holdAll ? (sent[name] == "on" ? "on" : "off") : sent[name] ?? "")
            } catch {
                errors.append(error.message)
            }
        }
        guard errors.isEmpty else {
            return ConsoleAnswer.page(try ConsoleRulesPage(sent: sent, errors: errors, csrf: session.csrf).html(), status: .badRequest)
        }
        try await gateway.console.repository.setSpamRules(validated)
        return ConsoleAnswer.redirect(Self.address(ConsoleLayout.rulesPath, with: .rules))
    }

    // MARK: Addresses

    /// The console page a form asks to go back to; the queue when it names none or a page
    /// outside the console (no open redirect).
    static func consoleReturn(_ address: String?) -> String {
        guard let address, address.hasPrefix(ConsoleView.path),
              address.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }) else {
            return ConsoleView.path
        }
        return address
    }

    /// `address` with `notice`'s parameters in place of any it had.
    static func address(_ address: String, with notice: ConsoleNotice) -> String {
        let parts = address.split(separator: "?", maxSplits: 1)
        let kept = URLForm(query: parts.count > 1 ? String(parts[1]) : nil).fields
            .filter { !ConsoleNotice.parameters.contains($0.name) }
            .map { (name: $0.name, value: String(decoding: $0.value, as: UTF8.self)) }
        return String(parts.first ?? "") + "?" + String(decoding: URLForm.encoded(kept + notice.query), as: UTF8.self)
    }
}
