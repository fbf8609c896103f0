import Foundation
import TrackwayCore
import TrackwayFormats
import TrackwayStore

/// Streams one stored site through `WXRWriter`: header, then posts one at a time and each
/// post's comments one at a time, so memory grows neither with the number of posts nor with the
/// comments of one post. What `trackway export` and `trackway migrate` write.
///
/// ```swift
/// let export = WXRExport(store: try Store(path: "blog.sqlite"), siteID: 1)
/// let items = try export.write(to: "blog.wxr.xml")   // appears only when complete
/// let document = try export.bytes()                  // the same document, in memory
/// ```
public struct WXRExport {
    /// The store the site is read from.
    public let store: Store
    /// The site to write.
    public let siteID: Int
    /// Also write the pings the gateway received (trackbacks, pingbacks, webmentions).
    public var includeReceived = false
    /// The time the document says it was made (channel `pubDate`, generator comment); nil means
    /// the moment writing starts.
    public var exportedAt: Date?

    /// An export of site `siteID` of `store`.
    public init(store: Store, siteID: Int, includeReceived: Bool = false) {
        self.store = store
        self.siteID = siteID
        self.includeReceived = includeReceived
    }

    /// Writes the site to `path` (atomically: written to a temporary file beside it, then
    /// renamed) or to stdout when nil; returns the number of items written. `progress` hears of
    /// the output (named `path`, or "export") after each post.
    @discardableResult
    public func write(to path: String?, progress: ((ProgressEvent) -> Void)? = nil) throws -> Int {
        let site = try storedSite()
        let output = try OutputFile(path: path)
        progress?(.began(name: path ?? "export", totalBytes: 0))
        defer { progress?(.ended) }
        do {
            let items = try write(site, into: { try output.write($0) }) { items in
                progress?(.advanced(bytes: output.bytesWritten, items: items))
            }
            try output.commit()
            return items
        } catch {
            output.discard()
            throw error
        }
    }

    /// The whole document in memory, for callers that keep it (tests, small sites).
    public func bytes() throws -> [UInt8] {
        var document: [UInt8] = []
        _ = try write(try storedSite(), into: { document.append(contentsOf: $0) }) { _ in }
        return document
    }

    private func storedSite() throws -> Site {
        guard let site = try store.site(id: siteID) else { throw StoreError.notFound("site \(siteID)") }
        return site
    }

    /// Header, every post, end, into `sink`: the one path every destination shares. Calls
    /// `afterPost` with the number of items written so far.
    private func write(_ site: Site, into sink: @escaping WXRWriter.Sink, afterPost: (Int) -> Void) throws -> Int {
        var items = 0
        let writer = try WXRWriter(sink: sink)
        try writer.writeHeader(site: site, authors: try store.authors(siteID: siteID), terms: try store.terms(siteID: siteID), exportedAt: exportedAt ?? Date())
        try store.forEachPost(siteID: siteID, includeReceived: includeReceived) { post, comments in
            try writer.write(post: post, comments: comments.forEach)
            items += 1
            afterPost(items)
        }
        try writer.finish()
        return items
    }
}
