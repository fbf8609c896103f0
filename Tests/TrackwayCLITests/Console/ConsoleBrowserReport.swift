import Foundation

/// What `Tests/Support/console_browser.py` saw in Chromium, as it prints it.
struct ConsoleBrowserReport: Decodable {
    /// A queue row: `<tr class="ping" data-id data-kind data-status>`.
    struct Row: Decodable, Equatable {
        var id: Int
        var kind: String
        var status: String
    }

    /// The queue after an action: the notice it shows, its rows, its URL.
    struct AfterAction: Decodable {
        var notice: String?
        var rows: [Row]
        var url: String
    }

    /// A hostile ping's row, as text.
    struct ShownPing: Decodable {
        var id: Int
        var source: String
        var excerpt: String
    }

    struct Rules: Decodable {
        var moderationKeys: String
        var blockedHosts: String
        var notice: String?
    }

    /// Alert dialogs that opened, with the step that showed them.
    var alerts: [String]
    /// SEVERE entries of the browser's log (CSP violations, failed loads, script errors).
    var browserErrors: [String]
    /// Script elements, elements with on* attributes, the hostile title's img.
    var injectedElements: [String]
    /// Where the queue sent the browser before login, and where login did.
    var beforeLogin: String
    var afterLogin: String
    /// The queue filtered to pending trackbacks.
    var filtered: AfterAction
    var approved: AfterAction
    var spammed: AfterAction
    var blocked: AfterAction
    var rules: Rules
    /// The pending queue of every kind, as the screenshot shows it.
    var pending: [Row]
    var hostile: [ShownPing]
}
