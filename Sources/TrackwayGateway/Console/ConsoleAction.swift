import TrackwayCore
import TrackwayStore

/// What the queue's buttons ask for, by the value the form sends: WordPress's bulk and row
/// actions, each carried out by the store operation `trackway pings` runs for it.
enum ConsoleAction: String, CaseIterable, Sendable {
    case approve
    case unapprove
    case spam
    /// Out of spam, back to the status it had before (the CLI's `restore`).
    case notSpam = "not-spam"
    case trash
    case restore
    case delete
    case blockSite = "block-site"
    case emptySpam = "empty-spam"
    case emptyTrash = "empty-trash"

    /// The actions the bulk menu and the rows offer (emptying takes no selection).
    static let onSelection: [ConsoleAction] = [.approve, .unapprove, .spam, .notSpam, .trash, .restore, .delete, .blockSite]

    /// The words on the menu and on a row's button.
    var label: String {
        switch self {
        case .approve: "Approve"
        case .unapprove: "Unapprove"
        case .spam: "Spam"
        case .notSpam: "Not spam"
        case .trash: "Trash"
        case .restore: "Restore"
        case .delete: "Delete permanently"
        case .blockSite: "Block this site"
        case .emptySpam: "Empty spam"
        case .emptyTrash: "Empty trash"
        }
    }

    /// The row buttons a ping with `status` shows, as WordPress's row actions offer them.
    static func rowActions(for status: ModerationStatus) -> [ConsoleAction] {
        switch status {
        case .pending: [.approve, .spam, .trash, .blockSite]
        case .approved: [.unapprove, .spam, .trash, .blockSite]
        case .spam: [.notSpam, .delete]
        case .trash: [.restore, .delete]
        }
    }

    /// Carries the action out on `ids` (ignored by the two that empty a view) through `store`;
    /// the notice says what happened.
    func perform(ids: [Int], on store: any PingRepository) async throws -> ConsoleNotice {
        switch self {
        case .approve: return try await moderate(.approve, ids, store)
        case .unapprove: return try await moderate(.unapprove, ids, store)
        case .spam: return try await moderate(.spam, ids, store)
        case .notSpam, .restore: return try await moderate(.restore, ids, store)
        case .trash: return try await moderate(.trash, ids, store)
        case .delete: return try await moderate(.delete, ids, store)
        case .blockSite:
            let blocked = try await store.blockHosts(ofPings: ids)
            return ConsoleNotice(done: self, count: blocked.pingsMarkedSpam, sites: blocked.hosts.count)
        case .emptySpam: return ConsoleNotice(done: self, count: try await store.deleteAllPings(in: .spam))
        case .emptyTrash: return ConsoleNotice(done: self, count: try await store.deleteAllPings(in: .trash))
        }
    }

    private func moderate(_ action: PingAction, _ ids: [Int], _ store: any PingRepository) async throws -> ConsoleNotice {
        let missing = try await store.moderate(action, ids: ids)
        return ConsoleNotice(done: self, count: ids.count - missing.count)
    }
}
