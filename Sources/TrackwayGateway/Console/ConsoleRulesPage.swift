import TrackwayCore

/// The rules page: WordPress's Discussion settings in its own format (lists one entry a line),
/// plus the blocked hosts. After a refused save it shows what was sent, with what is wrong.
struct ConsoleRulesPage {
    /// The values in the fields, by rule, as the form names them.
    let values: [SpamRuleName: String]
    let csrf: String
    var notice: ConsoleNotice?
    /// Why the last save was refused, one message a rule; nothing was stored.
    var errors: [String] = []

    /// The fields for the rules in force.
    init(rules: SpamRules, csrf: String, notice: ConsoleNotice?) {
        var values = rules.texts
        values[.maxLinks] = String(rules.maxLinks)
        values[.holdAll] = rules.holdAll ? "on" : ""
        self.values = values
        self.csrf = csrf
        self.notice = notice
    }

    /// The fields as sent, after a refused save.
    init(sent values: [SpamRuleName: String], errors: [String], csrf: String) {
        self.values = values
        self.errors = errors
        self.csrf = csrf
    }

    private static let lists: [(SpamRuleName, String, String)] = [
        (.moderationKeys, "Hold for moderation", "A ping whose blog name, URL, text, IP or user agent holds one of these words or phrases waits for moderation. One a line; matched inside words, any case."),
        (.disallowedKeys, "Disallowed keys", "The same matching, also over the text without its tags: a match sends the ping to spam."),
        (.blockedHosts, "Blocked hosts", "Pings from these hosts, or from below them, are refused at the door and nothing is stored. One host or URL a line."),
    ]

    func html() throws -> [UInt8] {
        try ConsoleLayout(csrf: csrf, notice: notice).render(title: "Rules") { html in
            if !errors.isEmpty {
                try html.element("div", ["id": "error", "role": "alert"]) {
                    try html.element("p", text: "Nothing was saved:")
                    try html.element("ul") { for error in errors { try html.element("li", text: error) } }
                }
            }
            try html.element("form", ["id": "rules", "method": "post", "action": ConsoleLayout.rulesPath]) {
                try ConsoleLayout.csrfField(html, csrf)
                try html.element("p") {
                    try html.element("label", ["for": "max-links"], text: "Hold a ping with this many links or more (0: never) ")
                    try html.element("input", ["type": "number", "name": "max-links", "id": "max-links", "min": "0", "value": values[.maxLinks] ?? ""])
                }
                for (name, label, help) in Self.lists {
                    try html.element("p") {
                        try html.element("label", ["for": name.rawValue], text: label)
                        try html.element("br")
                        try html.element("textarea", ["name": name.rawValue, "id": name.rawValue, "rows": "6", "cols": "50"], text: values[name] ?? "")
                        try html.element("br")
                        try html.element("small", text: help)
                    }
                }
                try html.element("p") {
                    try html.element("input", [
                        "type": "checkbox", "name": "hold-all", "id": "hold-all", "value": "on", "checked": values[.holdAll] == "on" ? "checked" : nil,
                    ])
                    try html.element("label", ["for": "hold-all"], text: " Hold every new ping for moderation")
                }
                try html.element("button", ["type": "submit", "id": "rules-save"], text: "Save rules")
            }
        }
    }
}
