import Foundation
import Testing
import TrackwayTesting

/// A feed as `Tests/Support/read_feed.py` fetched it over a real socket and feedparser read it.
struct FeedRead {
    let status: Int
    let etag: String?
    let lastModified: String?
    let contentType: String?
    let bozo: Int?
    let error: String
    let version: String?
    let title: String?
    let link: String?
    let entries: [[String: Any]]

    static let script = TestPaths.repositoryRoot.appendingPathComponent("Tests/Support/read_feed.py").path

    /// Fetches `url` with `host` as its `Host` (none when empty) and `headers` (`Name: value`).
    static func fetch(_ url: String, host: String, headers: [String] = []) async throws -> FeedRead {
        let result = try await onOwnThread { try TestPython.run([script, url, host] + headers) }
        guard result.status == 0, let json = try JSONSerialization.jsonObject(with: result.output) as? [String: Any] else {
            throw FeedSiteError(message: "read_feed.py \(url): \(result.stderr)")
        }
        return FeedRead(
            status: json["status"] as? Int ?? 0, etag: json["etag"] as? String, lastModified: json["last_modified"] as? String,
            contentType: json["content_type"] as? String, bozo: json["bozo"] as? Int, error: json["error"] as? String ?? "",
            version: json["version"] as? String, title: json["title"] as? String, link: json["link"] as? String,
            entries: json["entries"] as? [[String: Any]] ?? []
        )
    }

    /// Each entry's field `name` as text (nil where absent).
    func strings(_ name: String) -> [String?] {
        entries.map { $0[name] as? String }
    }

    /// Every text of every entry (title, author, summary, contents, tags), for looking for what
    /// must not be there.
    var allText: String {
        let fields = entries.flatMap { entry in
            ["title", "author", "summary", "link", "id"].compactMap { entry[$0] as? String }
                + (entry["content"] as? [String] ?? []) + (entry["tags"] as? [String] ?? [])
        }
        return ([title ?? ""] + fields).joined(separator: "\n")
    }
}

/// What `Tests/Support/wxr_feed_facts.py` read from the exports: the public posts, newest first.
struct FeedFacts {
    struct Post {
        let title: String
        let link: String
        let date: String
        let isProtected: Bool
        let categorySlugs: [String]
        let tagSlugs: [String]
        let termNames: [String]
        /// Approved comments and pings: author, GMT date.
        let comments: [(author: String, date: String)]
    }

    let posts: [Post]

    static func read(_ files: [String]) throws -> FeedFacts {
        let script = TestPaths.repositoryRoot.appendingPathComponent("Tests/Support/wxr_feed_facts.py").path
        let result = try ChildProcess.tool("python3", [script] + files)
        guard result.status == 0, let json = try JSONSerialization.jsonObject(with: result.output) as? [String: Any],
              let posts = json["posts"] as? [[String: Any]] else {
            throw FeedSiteError(message: "wxr_feed_facts.py: \(result.stderr)")
        }
        return FeedFacts(posts: posts.map { post in
            let categories = post["categories"] as? [[String: String]] ?? []
            let tags = post["tags"] as? [[String: String]] ?? []
            return Post(
                title: post["title"] as? String ?? "", link: post["link"] as? String ?? "", date: post["date"] as? String ?? "",
                isProtected: post["protected"] as? Bool ?? false,
                categorySlugs: categories.compactMap { $0["slug"] }, tagSlugs: tags.compactMap { $0["slug"] },
                termNames: (categories + tags).compactMap { $0["name"] },
                comments: (post["comments"] as? [[String: String]] ?? []).map { ($0["author"] ?? "", $0["date"] ?? "") }
            )
        })
    }

    /// The path and query of an absolute URL.
    static func path(of url: String) -> String {
        guard let scheme = url.range(of: "://"), let slash = url[scheme.upperBound...].firstIndex(of: "/") else { return "/" }
        return String(url[slash...])
    }
}
