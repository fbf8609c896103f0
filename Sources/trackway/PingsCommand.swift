import ArgumentParser
import Foundation
import TrackwayCore
import TrackwayGateway
import TrackwayStore

/// `trackway pings`: list and moderate received trackbacks, pingbacks and webmentions.
struct PingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pings",
        abstract: "List and moderate trackbacks, pingbacks and webmentions.",
        discussion: """
        Each action takes one or more ping ids, as `pings list` shows them, and is the same store \
        operation the console runs for a row or a selection.

        Examples:
          trackway pings list --status pending
          trackway pings approve 12 13
          trackway pings trash 14            # restore 14 puts it back as it was
          trackway pings block-site 15       # its host blocked, its pings spam
          trackway pings empty-spam
        """,
        subcommands: [
            List.self, Approve.self, Unapprove.self, Spam.self, Trash.self, Restore.self, Delete.self,
            EmptySpam.self, EmptyTrash.self, BlockSite.self,
        ]
    )

    @Option(help: DatabaseChoice.help) var db: String?

    func store() throws -> Store {
        try DatabaseChoice.store(at: DatabaseChoice.location(db, command: "pings"), command: "pings")
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List pings, newest first.")
        @ParentCommand var options: PingsCommand
        @Option(help: "Only pings with this status: approved, pending, spam, trash.") var status: String?
        @Option(help: "Most pings to list.") var limit = 1_000
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            var filter: ModerationStatus?
            if let status {
                guard let parsed = ModerationStatus(rawValue: status) else {
                    throw ValidationError("unknown status '\(status)': use approved, pending, spam or trash")
                }
                filter = parsed
            }
            // Titles and blog names are stored as HTML text, as WordPress stores them: shown as text.
            let pings = try options.store().pings(status: filter, limit: limit).map(\.plainText)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(pings), as: UTF8.self))
                return
            }
            for ping in pings {
                let title = ping.sourceTitle.isEmpty ? ping.blogName : ping.sourceTitle
                let rule = ping.spamRule.isEmpty ? "-" : ping.spamRule + (ping.spamRuleMatch.isEmpty ? "" : " (\(ping.spamRuleMatch))")
                print("\(ping.id)\t\(ping.status.rawValue)\t\(ping.kind.rawValue)\t\(ping.verification == .unchecked ? "-" : ping.verification.rawValue)\t\(rule)\t\(ping.createdAt)\tpost \(ping.postID)\t\(ping.sourceURL)\t\(title)")
            }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve pings.")
        @ParentCommand var options: PingsCommand
        @Argument(help: "Ping ids.") var ids: [Int]
        func run() throws { try options.moderate(.approve, ids: ids, verb: "marked approved") }
    }

    struct Unapprove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send pings back to pending.")
        @ParentCommand var options: PingsCommand
        @Argument(help: "Ping ids.") var ids: [Int]
        func run() throws { try options.moderate(.unapprove, ids: ids, verb: "unapproved") }
    }

    struct Spam: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark pings as spam (restore undoes it).")
        @ParentCommand var options: PingsCommand
        @Argument(help: "Ping ids.") var ids: [Int]
        func run() throws { try options.moderate(.spam, ids: ids, verb: "marked spam") }
    }

    struct Trash: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move pings to the trash (restore undoes it).")
        @ParentCommand var options: PingsCommand
        @Argument(help: "Ping ids.") var ids: [Int]
        func run() throws { try options.moderate(.trash, ids: ids, verb: "trashed") }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put pings in spam or trash back to the status they had before (pending when it is not known)."
        )
        @ParentCommand var options: PingsCommand
        @Argument(help: "Ping ids.") var ids: [Int]
        func run() throws { try options.moderate(.restore, ids: ids, verb: "restored") }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete pings for good.")
        @ParentCommand var options: PingsCommand
        @Argument(help: "Ping ids.") var ids: [Int]
        func run() throws { try options.moderate(.delete, ids: ids, verb: "deleted") }
    }

    struct EmptySpam: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "empty-spam", abstract: "Delete every ping marked spam.")
        @ParentCommand var options: PingsCommand
        func run() throws { print("\(try options.store().deleteAllPings(in: .spam)) ping(s) deleted") }
    }

    struct EmptyTrash: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "empty-trash", abstract: "Delete every ping in the trash.")
        @ParentCommand var options: PingsCommand
        func run() throws { print("\(try options.store().deleteAllPings(in: .trash)) ping(s) deleted") }
    }

    struct BlockSite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "block-site",
            abstract: "Block the sites pings came from: their hosts go on blocked-hosts, and every ping from them to spam.",
            discussion: "Examples:\n  trackway pings block-site 15 16\n  trackway pings block-site --host spam.example"
        )
        @ParentCommand var options: PingsCommand
        @Argument(help: "Ping ids: the hosts of their source URLs are blocked.") var ids: [Int] = []
        @Option(help: "A host (or URL) to block; repeat for more.") var host: [String] = []

        func run() throws {
            guard !ids.isEmpty || !host.isEmpty else { throw ValidationError("give ping ids, or --host") }
            let store = try options.store()
            var blocked = try store.blockHosts(ofPings: ids)
            if !host.isEmpty {
                let byHost = try store.blockHosts(host)
                blocked.hosts += byHost.hosts
                blocked.pingsMarkedSpam += byHost.pingsMarkedSpam
            }
            print("blocked \(blocked.hosts.joined(separator: ", ")); \(blocked.pingsMarkedSpam) ping(s) marked spam")
            if !blocked.missing.isEmpty {
                throw ValidationError("no ping with id \(blocked.missing.map(String.init).joined(separator: ", "))")
            }
        }
    }

    func moderate(_ action: PingAction, ids: [Int], verb: String) throws {
        let missing = try store().moderate(action, ids: ids)
        try Self.report(done: ids.count - missing.count, verb: verb, missing: missing)
    }

    static func report(done: Int, verb: String, missing: [Int]) throws {
        print("\(done) ping(s) \(verb)")
        if !missing.isEmpty {
            throw ValidationError("no ping with id \(missing.map(String.init).joined(separator: ", "))")
        }
    }
}
