import ArgumentParser
import Foundation
import TrackwayGateway
import TrackwayStore

/// `trackway ping --post ID`: pings every outbound link of a stored post not pinged yet, and
/// records each attempt.
struct PostPings {
    let command: PingCommand
    let postID: Int

    /// What `--json` prints for a post.
    struct Report: Encodable {
        var post: Int
        var source: String
        var dryRun: Bool
        var skipped: [String]
        var results: [PingOutcome]
    }

    func run() async throws {
        let store = try DatabaseChoice.existingStore(command.db, command: "ping")
        guard let post = try store.outboundPost(id: postID) else {
            StandardError.line("trackway ping: no post with id \(postID) in \(store.location)")
            throw ExitCode(1)
        }
        // WordPress pings when a post is published, never before.
        guard post.status == "publish" || command.dryRun else {
            StandardError.line("trackway ping: post \(postID) is not published (status '\(post.status)'); nothing sent")
            throw ExitCode(1)
        }
        guard !post.link.isEmpty else {
            StandardError.line("trackway ping: post \(postID) has no permalink to send as the source")
            throw ExitCode(1)
        }
        let pinged = Set(try store.outboundPings(postID: postID).filter(\.pinged).map(\.targetURL))
        let candidates = OutboundLinks.candidates(content: post.content, postURL: post.link, ownSiteURLs: post.siteURLs)
        var report = Report(post: postID, source: post.link, dryRun: command.dryRun, skipped: [], results: [])
        let sender = command.sender(site: post.link)
        let excerpt = PingMessage.excerpt(fromHTML: post.excerpt.isEmpty ? post.content : post.excerpt)
        for target in candidates {
            if pinged.contains(target) {
                report.skipped.append(target)
                if !command.json { print("skipped     \(target) (already pinged)") }
                continue
            }
            let message = PingMessage(source: post.link, target: target, title: post.title, excerpt: excerpt, blogName: post.siteTitle)
            let outcome = await sender.send(message, protocols: command.protocols, dryRun: command.dryRun)
            report.results.append(outcome)
            if !command.dryRun {
                try store.record(OutboundPing(
                    postID: postID, targetURL: target, pingProtocol: outcome.via?.rawValue ?? "", endpoint: outcome.endpoint ?? "",
                    outcome: outcome.result.rawValue, message: outcome.message, pinged: outcome.isSettled
                ))
            }
            if !command.json { print("\(target)\t\(outcome.summary)") }
        }
        if command.json {
            print(try PingCommand.json(report))
        } else if candidates.isEmpty {
            print("post \(postID) links to no other site")
        }
        let failures = report.results.filter { ![.accepted, .notSent, .noEndpoint].contains($0.result) && !$0.isSettled }
        if let first = failures.first {
            StandardError.line("trackway ping: \(failures.count) of \(report.results.count) ping(s) not accepted; first: \(first.target): \(first.summary)")
            throw ExitCode(1)
        }
    }
}
