/// The frame every console page shares: the head (the one stylesheet, no script anywhere), a bar
/// with the queue and rules links and the logout form when signed in, the notice of the last
/// action, and the page's `main`.
struct ConsoleLayout {
    static let stylesheetPath = ConsoleView.path + "console.css"
    static let rulesPath = ConsoleView.path + "rules"
    static let loginPath = ConsoleView.path + "login"
    static let logoutPath = ConsoleView.path + "logout"
    static let actionsPath = ConsoleView.path + "actions"

    /// The session's CSRF token; nil on the login page (nobody is signed in).
    let csrf: String?
    var notice: ConsoleNotice?

    func render(title: String, main: (HTMLWriter) throws -> Void) throws -> [UInt8] {
        try HTMLWriter.page { html in
            try html.element("html", ["lang": "en"]) {
                try html.element("head") {
                    try html.element("meta", ["charset": "utf-8"])
                    try html.element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                    try html.element("title", text: "\(title) \u{2039} Trackway")
                    try html.element("link", ["rel": "stylesheet", "href": Self.stylesheetPath])
                }
                try html.element("body") {
                    try html.element("header", ["class": "bar"]) {
                        try html.element("p", ["class": "brand"], text: "Trackway")
                        if let csrf { try navigation(html, csrf: csrf) }
                    }
                    try html.element("main") {
                        try html.element("h1", text: title)
                        if let notice { try html.element("p", ["id": "notice", "role": "status"], text: notice.text) }
                        try main(html)
                    }
                }
            }
        }
    }

    private func navigation(_ html: HTMLWriter, csrf: String) throws {
        try html.element("nav", ["aria-label": "Console"]) {
            try html.element("a", ["href": ConsoleView.path], text: "Pings")
            try html.element("a", ["id": "rules-link", "href": Self.rulesPath], text: "Rules")
            try html.element("form", ["id": "logout", "method": "post", "action": Self.logoutPath]) {
                try Self.csrfField(html, csrf)
                try html.element("button", ["type": "submit"], text: "Log out")
            }
        }
    }

    /// The hidden `csrf` field every form carries.
    static func csrfField(_ html: HTMLWriter, _ csrf: String) throws {
        try html.element("input", ["type": "hidden", "name": "csrf", "value": csrf])
    }
}
