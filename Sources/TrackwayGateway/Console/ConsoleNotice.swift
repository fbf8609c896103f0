/// What the last action did, carried to the page the browser returns to as numbers in its
/// query (`done=approve&count=2`), so no text from a URL is ever shown: the page words it.
struct ConsoleNotice: Sendable, Equatable {
    /// The action done; nil for the rules page's save.
    var done: ConsoleAction?
    var count = 0
    /// Sites blocked, for `block-site`.
    var sites = 0
    /// The rules were saved.
    var rulesSaved = false
    /// The form named no action, or no pings.
    var nothing = false

    /// The query parameters that carry a notice, replaced on each redirect.
    static let parameters: Set<String> = ["done", "count", "sites"]

    static let rules = ConsoleNotice(rulesSaved: true)
    static let nothingDone = ConsoleNotice(nothing: true)

    /// The parameters to append to the page's address.
    var query: [(name: String, value: String)] {
        if rulesSaved { return [("done", "rules")] }
        if nothing { return [("done", "nothing")] }
        guard let done else { return [] }
        return [("done", done.rawValue), ("count", String(count))] + (done == .blockSite ? [("sites", String(sites))] : [])
    }

    /// The notice a page's query carries; nil when none.
    init?(query: URLForm) {
        switch query.string("done") {
        case nil: return nil
        case "rules": self = .rules
        case "nothing": self = .nothingDone
        case let name?:
            guard let action = ConsoleAction(rawValue: name) else { return nil }
            self.init(done: action, count: query.string("count").flatMap(Int.init) ?? 0, sites: query.string("sites").flatMap(Int.init) ?? 0)
        }
    }

    init(done: ConsoleAction? = nil, count: Int = 0, sites: Int = 0, rulesSaved: Bool = false, nothing: Bool = false) {
        self.done = done
        self.count = count
        self.sites = sites
        self.rulesSaved = rulesSaved
        self.nothing = nothing
    }

    /// The sentence the page shows ("2 pings approved.").
    var text: String {
        if rulesSaved { return "Rules saved." }
        guard let done, !nothing else { return "Nothing was done: choose an action and at least one ping." }
        let pings = "\(count) \(count == 1 ? "ping" : "pings")"
        switch done {
        case .approve: return "\(pings) approved."
        case .unapprove: return "\(pings) unapproved."
        case .spam: return "\(pings) marked as spam."
        case .notSpam: return "\(pings) restored from spam."
        case .trash: return "\(pings) moved to the trash."
        case .restore: return "\(pings) restored."
        case .delete, .emptySpam, .emptyTrash: return "\(pings) deleted permanently."
        case .blockSite: return "\(sites) \(sites == 1 ? "site" : "sites") blocked; \(pings) marked as spam."
        }
    }
}
