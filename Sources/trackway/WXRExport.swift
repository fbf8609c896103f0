import Foundation
import TrackwayCore
import TrackwayFormats
import TrackwayStore

/// Streams one stored site through `WXRWriter`: header, then posts one at a time, so memory
/// does not grow with the number of posts.
struct WXRExport {
    let store: Store
    let siteID: Int
    /// Also write the pings the gateway received (trackbacks, pingbacks, webmentions).
    var includeReceived = false

    /// Writes the site to `path` (atomically) or stdout; returns the number of items written.
    @discardableResult
    func write(to path: String?, showProgress: Bool) throws -> Int {
        guard let site = try store.site(id: siteID) else { throw StoreError.notFound("site \(siteID)") }
        let output = try OutputFile(path: path)
        let progress = ProgressLine(enabled: showProgress && path != nil, label: path ?? "export")
        progress.start(totalBytes: 0)
        var items = 0
        do {
            let writer = try WXRWriter(sink: { try output.write($0) })
            try writer.writeHeader(site: site, authors: try store.authors(siteID: siteID), terms: try store.terms(siteID: siteID), exportedAt: Date())
            try store.forEachPost(siteID: siteID, includeReceived: includeReceived) { post in
                try writer.write(post: post)
                items += 1
                progress.update(bytes: output.bytesWritten, items: items)
            }
            try writer.finish()
            try output.commit()
        } catch {
            output.discard()
            progress.finish()
            throw error
        }
        progress.finish()
        return items
    }
}
