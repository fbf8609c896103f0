import CCurl
import Foundation

/// libcurl easy handles kept between transfers, so a fetch from a site fetched a moment ago
/// reuses the connection left open (HTTP keep-alive, and the TLS session for https) instead of
/// connecting again: on a busy server, connecting and closing cost both ends more than the
/// request did.
///
/// A kept handle is filed under the site it last fetched from and handed out only for that site:
/// a handle's open connections are its own, so a fetch given a handle last used for another site
/// would connect anew. Each handle keeps one open connection at most
/// (`CURLOPT_MAXCONNECTS`), so the pool never holds more idle connections than handles.
///
/// A kept connection is used again without passing the open-socket callback that vets addresses,
/// so it may only serve fetches under the policy that vetted it. Handles are therefore kept per
/// policy and never move between policies: a connection opened with private addresses allowed
/// never carries a fetch that forbids them.
///
/// ```swift
/// guard let handle = CurlHandlePool.shared.take(allowingPrivateAddresses: false, site: "blog.example") else { … }
/// defer { CurlHandlePool.shared.giveBack(handle) }
/// curl_easy_perform(handle.pointer)
/// ```
final class CurlHandlePool: @unchecked Sendable {
    /// An easy handle, the address policy of the connections it keeps, and the site it fetches from.
    struct Handle {
        let pointer: UnsafeMutableRawPointer
        let allowsPrivateAddresses: Bool
        let site: String
    }

    /// The pool every fetcher uses unless given its own.
    static let shared = CurlHandlePool()

    /// Handles kept at most per policy (the server's default number of fetches at once).
    static let maxKeptPerPolicy = 32

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    private let lock = NSLock()
    private var keptAllowingPrivate = KeptHandles()
    private var keptPublicOnly = KeptHandles()

    /// A handle for a fetch from `site` (any stable name of it, such as its host): the one kept
    /// from the last fetch from that site under the same policy when there is one, with its
    /// connection open; else a new one. Nil when libcurl could not make one. Give it back when done.
    func take(allowingPrivateAddresses: Bool, site: String) -> Handle? {
        lock.lock()
        let kept = allowingPrivateAddresses ? keptAllowingPrivate.take(for: site) : keptPublicOnly.take(for: site)
        lock.unlock()
        _ = Self.globalInit
        guard let pointer = kept ?? curl_easy_init() else { return nil }
        return Handle(pointer: pointer, allowsPrivateAddresses: allowingPrivateAddresses, site: site)
    }

    /// Keeps `handle` for the next fetch from its site under its policy, options cleared and its
    /// connection open; closes the policy's least recently used handle when too many are kept.
    func giveBack(_ handle: Handle) {
        curl_easy_reset(handle.pointer)
        lock.lock()
        let evicted = handle.allowsPrivateAddresses
            ? keptAllowingPrivate.keep(handle.pointer, for: handle.site)
            : keptPublicOnly.keep(handle.pointer, for: handle.site)
        lock.unlock()
        if let evicted { curl_easy_cleanup(evicted) }
    }
}

/// One policy's kept handles, least recently given back first, each with the site it last fetched.
private struct KeptHandles {
    private var handles: [(site: String, pointer: UnsafeMutableRawPointer)] = []

    /// The handle given back last after a fetch from `site`; nil when none is kept for it.
    mutating func take(for site: String) -> UnsafeMutableRawPointer? {
        guard let index = handles.lastIndex(where: { $0.site == site }) else { return nil }
        return handles.remove(at: index).pointer
    }

    /// Files `handle` under `site`; returns the handle that no longer fits (the least recently
    /// given back), if any, for the caller to close.
    mutating func keep(_ handle: UnsafeMutableRawPointer, for site: String) -> UnsafeMutableRawPointer? {
        handles.append((site, handle))
        return handles.count > CurlHandlePool.maxKeptPerPolicy ? handles.removeFirst().pointer : nil
    }
}
