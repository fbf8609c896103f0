import ArgumentParser
import Foundation
import TrackwayFormats
import TrackwayStore

/// `trackway redirects`: server rules that send every legacy URL of a site to its new home.
struct RedirectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redirects",
        abstract: "Write 301 redirects from every URL a site's posts were reachable at to the new site.",
        discussion: """
        Every link, guid and legacy URL of every public post, page and attachment is
        mapped (published items, and attachments WordPress served: unattached or under
        a published parent; drafts, private, pending, future and trashed items get no
        redirect, which would publish their slug): by default to the same path and
        query under --new-base; with --pattern, posts go to the rendered WordPress
        permalink structure and pages to their path under their parents, as WordPress
        makes it (/about/team/); attachments keep their path. A post lacking what the
        pattern needs keeps its old path. Where items share a post id, their shared
        URLs go to the item WordPress's importer keeps. Tags: %year% %monthnum% %day%
        %hour% %minute% %second% %postname%
        %post_id% %category% %author%.

        nginx: the `location =` lines go in the old site's server block. nginx's
        `location` never sees the query string, so URLs such as /?p=12 become a
        `map $request_uri` block (for the http block) and one `if` that only returns
        (for the server block). Apache: RedirectMatch lines, and RewriteCond plus
        RewriteRule pairs for URLs with a query. csv: old_url,new_url rows under a
        header, for review or other tools.

        Examples:
          trackway redirects --new-base https://blog.example.org > redirects.conf
          trackway redirects --new-base https://new.example \\
              --pattern '/%year%/%monthnum%/%postname%/'
          trackway redirects --db all.sqlite --site 2 \\
              --new-base https://lighthouse.example --format apache
          trackway redirects --new-base https://new.example --format csv > review.csv
        """
    )

    @Option(name: .long, help: ArgumentHelp("The SQLite database to read.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The site to map (required when the database holds several; see the list in the error).", valueName: "id"))
    var site: Int?

    @Option(name: .customLong("new-base"), help: ArgumentHelp("Where the site lives now, e.g. https://new.example or https://example.org/blog.", valueName: "url"))
    var newBase: String

    @Option(name: .long, help: ArgumentHelp("nginx, apache or csv.", valueName: "format"))
    var format = "nginx"

    @Option(name: .long, help: ArgumentHelp("The new WordPress permalink structure, e.g. /%year%/%monthnum%/%postname%/.", valueName: "pattern"))
    var pattern: String?

    func validate() throws {
        guard RedirectFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)'; use nginx, apache or csv")
        }
    }

    func run() throws {
        let store = try DatabaseChoice.existingStore(db, command: "redirects")
        do {
            let outputFormat = RedirectFormat(rawValue: format) ?? .nginx
            let permalinks = try pattern.map { try RedirectPattern($0) }
            let siteID = try SiteChoice.resolve(site, in: store)
            let tree = RedirectPostTree(posts: try store.redirectPostRows(siteID: siteID).map {
                RedirectPostTree.Post(id: $0.sourceID, postType: $0.postType, status: $0.status, slug: $0.slug,
                                      parentID: $0.parentSourceID, statusBeforeTrash: $0.statusBeforeTrash)
            })
            // An item WordPress never served gets no redirect: one would publish its slug.
            let sources = try store.legacyURLRows(siteID: siteID).compactMap { row -> RedirectSource? in
                let post = RedirectPostTree.Post(id: row.postSourceID, postType: row.postType, status: row.status,
                                                 slug: row.slug, parentID: row.parentSourceID)
                guard tree.isPublic(post) else { return nil }
                return RedirectSource(
                    url: row.url, postOrder: row.postRowID, urlOrder: row.urlSeq, postID: row.postSourceID,
                    postType: row.postType, slug: row.slug, postDate: row.postDate,
                    category: row.firstCategorySlug, author: row.creator,
                    parentPath: tree.parentPath(of: post), keepRank: row.keepRank
                )
            }
            let map = try RedirectMap(sources: sources, newBase: newBase, pattern: permalinks)
            FileHandle.standardOutput.write(Data(map.rendered(as: outputFormat).utf8))
        } catch let error as SiteChoice.Failure {
            StandardError.line("trackway redirects: \(error)")
            throw ExitCode(1)
        } catch let error as RedirectMapError {
            StandardError.line("trackway redirects: \(error)")
            throw ExitCode(1)
        } catch let error as StoreError {
            StandardError.line("trackway redirects: \(store.location): \(error)")
            throw ExitCode(1)
        }
    }
}
