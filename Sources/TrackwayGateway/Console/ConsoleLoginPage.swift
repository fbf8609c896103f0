/// The console's sign-in form: the password, and the token that ties the form to the browser
/// that loaded it.
struct ConsoleLoginPage {
    let csrf: String
    /// Shown above the form after a wrong password.
    var error: String?

    func html() throws -> [UInt8] {
        try ConsoleLayout(csrf: nil).render(title: "Sign in") { html in
            if let error { try html.element("p", ["id": "error", "role": "alert"], text: error) }
            try html.element("form", ["id": "login", "method": "post", "action": ConsoleLayout.loginPath]) {
                try ConsoleLayout.csrfField(html, csrf)
                try html.element("label", ["for": "password"], text: "Password")
                try html.element("input", [
                    "type": "password", "name": "password", "id": "password", "autocomplete": "current-password",
                    "autofocus": "autofocus",
                ])
                try html.element("button", ["type": "submit", "id": "login-submit"], text: "Sign in")
            }
        }
    }
}
