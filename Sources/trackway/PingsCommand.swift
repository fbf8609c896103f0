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
        subcommands: [List.self, Approve.self, Spam.self, Delete.self]
    )

    @Option(help: "The SQLite database.") var db = "trackway.sqlite"

    func store() throws -> Store {
        try Store(path: db)
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List pings, newest first.")
        @ParentCommand var options: PingsCommand
        @Option(help: "Only pings with this status: approved, pending, spam.") var status: String?
        @Option(help: "Most pings to list.") var limit = 1_000
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            var filter: ModerationStatus?
            if let status {
                guard let parsed = ModerationStatus(rawValue: status) else {
                    throw ValidationError("unknown status '\(status)': use approved, pending or spam")
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
                print("\(ping.id)\t\(ping.status.rawValue)\t\(ping.kind.rawValue)\t\(ping.verification == .unchecked ? "-" : ping.verification.rawValue)\t\(ping.createdAt)\tpost \(ping.postID)\t\(ping.sourceURL)\t\(title)")
            }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve pings.")
        @ParentCommand var options: PingsCommand
        @Argument(help: "Ping ids.") var ids: [Int]
        func run() throws { try PingsCommand.set(.approved, ids: ids, options: options) }
    }

    struct Spam: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark pings as spam.")
        @ParentCommand var options: PingsCommand
        @Argument(help: "Ping ids.") var ids: [Int]
        func run() throws { try PingsCommand.set(.spam, ids: ids, options: options) }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete pings.")
        @ParentCommand var options: PingsCommand
        @Argument(help: "Ping ids.") var ids: [Int]

        func run() throws {
            let missing = try options.store().deletePings(ids)
            try PingsCommand.report(done: ids.count - missing.count, verb: "deleted", missing: missing)
        }
    }

    static func set(_ status: ModerationStatus, ids: [Int], options: PingsCommand) throws {
        let missing = try options.store().setStatus(status, ofPings: ids)
        try report(done: ids.count - missing.count, verb: "marked \(status.rawValue)", missing: missing)
    }

    static func report(done: Int, verb: String, missing: [Int]) throws {
        print("\(done) ping(s) \(verb)")
        if !missing.isEmpty {
            throw ValidationError("no ping with id \(missing.map(String.init).joined(separator: ", "))")
        }
    }
}
