import TrackwayCore
import TrackwayStore

/// Which part of the queue a console address shows (`/trackway/admin/?status=spam&kind=pingback&q=casino&page=2`),
/// and the addresses of its neighbours: other views, other pages, with the same filters.
struct ConsoleView: Sendable, Equatable {
    static let path = "/trackway/admin/"

    /// Nil for the "all" view.
    var status: ModerationStatus? = .pending
    var kind: CommentKind?
    var site: Int?
    var search = ""
    var page = 1

    /// The view a queue address's query names; a value it does not know leaves that filter off.
    init(query: URLForm) {
        switch query.string("status") {
        case "all": status = nil
        case let text?: status = ModerationStatus(rawValue: text) ?? .pending
        case nil: break
        }
        kind = query.string("kind").flatMap(CommentKind.init(rawValue:)).flatMap { Self.kinds.contains($0) ? $0 : nil }
        site = query.string("site").flatMap { Int($0) }
        search = String((query.string("q") ?? "").prefix(200))
        page = max(1, min(query.string("page").flatMap { Int($0) } ?? 1, 1_000_000))
    }

    /// The kinds the kind filter offers.
    static let kinds: [CommentKind] = [.trackback, .pingback, .webmention, .comment]

    /// The status views, by the value of their `status` parameter.
    static let statuses: [(value: String, status: ModerationStatus?, label: String)] = [
        ("pending", .pending, "Pending"), ("approved", .approved, "Approved"), ("spam", .spam, "Spam"), ("trash", .trash, "Trash"),
        ("all", nil, "All"),
    ]

    /// What the store is asked for.
    var query: ConsoleQuery {
        var query = ConsoleQuery()
        query.status = status
        query.kind = kind
        query.site = site
        query.search = search
        query.page = page
        return query
    }

    var statusValue: String { status?.rawValue ?? "all" }

    /// This view's address on page `page`.
    func address(page: Int? = nil) -> String {
        var fields: [(name: String, value: String)] = [("status", statusValue)]
        if let kind { fields.append(("kind", kind.rawValue)) }
        if let site { fields.append(("site", String(site))) }
        if !search.isEmpty { fields.append(("q", search)) }
        let page = page ?? self.page
        if page > 1 { fields.append(("page", String(page))) }
        return Self.path + "?" + String(decoding: URLForm.encoded(fields), as: UTF8.self)
    }

    /// The address of the status view `status` (nil: all) with these filters, on its first page.
    func address(status: ModerationStatus?) -> String {
        var view = self
        view.status = status
        return view.address(page: 1)
    }
}
