import HTTPTypes
import Hummingbird

/// The console's responses, each with the headers every console answer carries: a CSP that
/// allows no script, frame or foreign form target, `X-Frame-Options: DENY`, `no-store`.
enum ConsoleAnswer {
    static let policy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static let headers: HTTPFields = [
        .contentSecurityPolicy: policy, .xFrameOptions: "DENY", .cacheControl: "no-store", .referrerPolicy: "same-origin",
        .xContentTypeOptions: "nosniff",
    ]

    /// An HTML page; `cookie` (a `Set-Cookie` value) when the browser is given an id.
    static func page(_ html: [UInt8], status: HTTPResponse.Status = .ok, cookie: String? = nil) -> Response {
        var fields = headers
        if let cookie { fields[.setCookie] = cookie }
        return GatewayResponder.bytes(status, html, contentType: "text/html; charset=UTF-8", headers: fields)
    }

    /// `303 See Other` to `location`, a console path.
    static func redirect(_ location: String, cookie: String? = nil) -> Response {
        var fields = headers
        fields[.location] = location
        if let cookie { fields[.setCookie] = cookie }
        return Response(status: .seeOther, headers: fields)
    }

    static func text(_ status: HTTPResponse.Status, _ text: String, headers extra: HTTPFields = [:]) -> Response {
        GatewayResponder.text(status, text, headers: headers + extra)
    }

    static var notFound: Response { text(.notFound, "Not found.\n") }

    static var forbidden: Response { text(.forbidden, "This form has expired or did not come from this console: reload the page and try again.\n") }

    static func methodNotAllowed(_ allowed: String) -> Response {
        text(.methodNotAllowed, "Not allowed here.\n", headers: [.allow: allowed])
    }

    static var stylesheet: Response { GatewayResponder.bytes(.ok, Array(ConsoleStylesheet.css.utf8), contentType: "text/css; charset=UTF-8", headers: headers) }
}

extension HTTPField.Name {
    /// `X-Frame-Options`, for browsers that predate CSP's `frame-ancestors`.
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    /// `Referrer-Policy`.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
