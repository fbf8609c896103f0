import Foundation
import HTTPTypes
import TrackwayStore

/// Rendered archive answers by request (host and URI), kept until what they show may have
/// changed: the store's change token (`ArchiveReader.changeToken`, SQLite's `data_version`)
/// is asked at most every `checkInterval` seconds, by the first request after that; when it
/// moved (a ping stored, `trackway pings approve` in another process, an import) every page is
/// rendered again on its next request. A page never outlives a change by more than the interval.
///
/// Asking costs one `PRAGMA data_version` on one connection, a few microseconds, at most
/// 1/`checkInterval` times a second however busy the server; a hit costs a lock, a dictionary
/// look-up and a reference count.
///
/// ```swift
/// let cache = ArchivePageCache(reader: reader)
/// let (kept, generation) = await cache.lookUp(key)
/// if let kept { return kept.response(to: request) }
/// let page = cache.store(body: render(), headers: headers, for: key, renderedIn: generation)
/// ```
final class ArchivePageCache: @unchecked Sendable {
    /// Which answer: the Host the request named and its URI (path and query) as sent.
    struct Key: Hashable, Sendable {
        var host: String
        var uri: String
    }

    private struct Entry {
        var page: CachedPage
        var generation: Int
        /// The latest `Last-Modified` second a client may hold for any bytes this key was
        /// served with: a page with other bytes may only promise a later one.
        var promised: Int
    }

    private let reader: any ArchiveReader
    private let checkInterval: Double
    private let capacityBytes: Int
    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private var keptSites: (sites: [ArchiveSite], generation: Int)?
    private var bytes = 0
    /// Counts the changes seen; a page rendered in an older generation may show stale data.
    private var generation = 0
    private var token: Int64?
    private var checkedAt = -Double.infinity
    private var checking = false
    /// The second the cache last forgot its entries for want of room: a page first rendered in
    /// that second gets no `Last-Modified`, since a client may hold one of the same second for
    /// bytes rendered before a change. (A server restarted within the second it served other
    /// bytes of a page could promise that second once more; the ETag, which a client sends too,
    /// still tells them apart.)
    private var forgotAt = Int.min

    init(reader: any ArchiveReader, checkInterval: Double = 0.2, capacityBytes: Int = 64 << 20) {
        self.reader = reader
        self.checkInterval = checkInterval
        self.capacityBytes = capacityBytes
    }

    /// What the cache holds for `key` now: the page, when it was rendered since the store last
    /// changed, and the generation a page rendered now belongs to. When the last ask of the store
    /// is older than the interval, this call asks (one lock otherwise); when asking fails, the
    /// pages are dropped, and asked again next time.
    func lookUp(_ key: Key, now: Double = ProcessInfo.processInfo.systemUptime) async -> (page: CachedPage?, generation: Int) {
        let kept: (page: CachedPage?, generation: Int)? = lock.withLock {
            guard now - checkedAt >= checkInterval, !checking else { return (current(key), generation) }
            checking = true
            return nil
        }
        if let kept { return kept }
        let fresh = try? await reader.changeToken()
        return lock.withLock {
            if fresh == nil || fresh != token {
                generation += 1
                token = fresh
            }
            checkedAt = now
            checking = false
            return (current(key), generation)
        }
    }

    /// The page kept for `key` if it was rendered in the current generation; called under the lock.
    private func current(_ key: Key) -> CachedPage? {
        guard let entry = entries[key], entry.generation == generation else { return nil }
        return entry.page
    }

    /// The list of sites, kept like a page: every render asks for it, and it changes only with
    /// the store. `compute` reads it when the current generation has none.
    func sites(generation renderGeneration: Int, compute: () async throws -> [ArchiveSite]) async rethrows -> [ArchiveSite] {
        if let kept = lock.withLock({ keptSites?.generation == generation ? keptSites?.sites : nil }) { return kept }
        let sites = try await compute()
        lock.withLock {
            if renderGeneration == generation { keptSites = (sites, renderGeneration) }
        }
        return sites
    }

    /// Builds the cached form of a 200 answer rendered in `generation` with `headers` and keeps
    /// it, unless the store changed meanwhile. Its `Last-Modified` stays that of the page it
    /// replaces when the bytes are the same, so a client's copy stays valid across renders; new
    /// bytes get the current second only when it is later than any second promised for the key
    /// before (HTTP dates have seconds only), else none until a later render.
    func store(
        body: [UInt8], headers: HTTPFields, for key: Key, renderedIn renderGeneration: Int, now: Int = ArchivePageCache.nowSeconds()
    ) -> CachedPage {
        let etag = "\"" + String(body.withUnsafeBytes { XXH64.hash($0, seed: 0) }, radix: 16) + "\""
        return lock.withLock {
            var previous = entries[key]
            let keeping = renderGeneration == generation
            if keeping, bytes - (previous?.page.body.readableBytes ?? 0) + body.count > capacityBytes {
                entries.removeAll(keepingCapacity: true)
                bytes = 0
                forgotAt = now
                previous = nil
            }
            let floor = max(forgotAt, previous?.promised ?? Int.min)
            let lastModified: Int?
            if let previous, previous.page.etag == etag, let kept = previous.page.lastModified {
                lastModified = kept
            } else {
                // A second no earlier bytes were promised at, or none (the ETag still validates).
                lastModified = now > floor ? now : nil
            }
            let page = CachedPage(body: body, headers: headers, etag: etag, lastModified: lastModified)
            if keeping {
                bytes += body.count - (previous?.page.body.readableBytes ?? 0)
                entries[key] = Entry(page: page, generation: renderGeneration, promised: lastModified ?? floor)
            }
            return page
        }
    }

    /// The current second, less one: a `Last-Modified` is never later than the `Date` header,
    /// which the server updates once a second and may lag the clock.
    static func nowSeconds() -> Int {
        Int(Date().timeIntervalSince1970) - 1
    }
}
