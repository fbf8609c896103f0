import CCurl
import Foundation

/// libcurl easy handles kept between transfers, so a fetch from a site fetched a moment ago
/// reuses the connection left open (HTTP keep-alive, and the TLS session for https) instead of
/// connecting again: on a busy server, connecting and closing cost both ends more than the
/// request did.
///
/// A kept connection is used again without passing the open-socket callback that vets addresses,
/// so it may only serve fetches under the policy that vetted it. Handles are therefore kept per
/// policy and never move between policies: a connection opened with private addresses allowed
/// never carries a fetch that forbids them.
///
/// ```swift
/// guard let handle = CurlHandlePool.shared.take(allowingPrivateAddresses: false) else { … }
/// defer { CurlHandlePool.shared.giveBack(handle) }
/// curl_easy_perform(handle.pointer)
/// ```
final class CurlHandlePool: @unchecked Sendable {
    /// An easy handle and the address policy of the connections it keeps.
    struct Handle {
        let pointer: UnsafeMutableRawPointer
        let allowsPrivateAddresses: Bool
    }

    /// The pool every fetcher uses unless given its own.
    static let shared = CurlHandlePool()

    /// Handles kept at most per policy; libcurl keeps up to 5 connections open in each.
    static let maxKeptPerPolicy = 32

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    private let lock = NSLock()
    private var keptAllowingPrivate: [UnsafeMutableRawPointer] = []
    private var keptPublicOnly: [UnsafeMutableRawPointer] = []

    /// A handle with libcurl's default options and the open connections of an earlier fetch
    /// under the same policy; nil when libcurl could not make one. Give it back when done.
    func take(allowingPrivateAddresses: Bool) -> Handle? {
        lock.lock()
        let kept = allowingPrivateAddresses ? keptAllowingPrivate.popLast() : keptPublicOnly.popLast()
        lock.unlock()
        _ = Self.globalInit
        guard let pointer = kept ?? curl_easy_init() else { return nil }
        return Handle(pointer: pointer, allowsPrivateAddresses: allowingPrivateAddresses)
    }

    /// Keeps `handle` for the next fetch under its policy, options cleared and connections open;
    /// closes it when enough are kept.
    func giveBack(_ handle: Handle) {
        curl_easy_reset(handle.pointer)
        lock.lock()
        let keep: Bool
        if handle.allowsPrivateAddresses {
            keep = keptAllowingPrivate.count < Self.maxKeptPerPolicy
            if keep { keptAllowingPrivate.append(handle.pointer) }
        } else {
            keep = keptPublicOnly.count < Self.maxKeptPerPolicy
            if keep { keptPublicOnly.append(handle.pointer) }
        }
        lock.unlock()
        if !keep { curl_easy_cleanup(handle.pointer) }
    }
}
