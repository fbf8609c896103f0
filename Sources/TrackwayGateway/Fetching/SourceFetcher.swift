import CCurl
import Foundation
import TrackwayCore
import TrackwayXML

/// The libcurl `PageFetcher`: fetches pages and posts webhooks and pings, never connecting to an
/// internal address unless allowed: the open-socket callback vets every address libcurl is about to connect to, after DNS
/// resolution and on every redirect hop. http and https only, at most 5 redirects, 5 s to
/// connect, `timeoutMilliseconds` in all (10 s unless set), and a size cap enforced while reading.
///
/// Transfers run on the `CurlMultiDriver` threads of `drivers`, off the server's event loops, many
/// at once on each: a silent source holds up only its own fetch. Connections stay open for the
/// next fetch from the same site, never shared between address policies. `FetchSlots` bounds how
/// many run.
struct SourceFetcher: PageFetcher {
    var allowPrivateAddresses: Bool
    var maxBytes: Int
    var userAgent: String
    /// The time a fetch may take in all, connecting included.
    var timeoutMilliseconds = 10_000
    /// Shared limits on fetches running at once (the server's); none for a one-off client.
    var slots: FetchSlots?
    /// True for fetches no client is waiting on: they run at background priority
    /// (`CurlMultiDriver`) and let waiting foreground fetches take a slot first.
    var background = false
    /// The threads the transfers run on: the owner's (a gateway shares one set between its
    /// fetchers and stops it when it stops), else a set of this fetcher's own.
    var drivers = CurlDrivers()

    func get<T: Sendable>(_ url: String, reading read: @escaping @Sendable (FetchedPage) -> T) async throws -> T {
        try await perform(url: url, postBody: nil, contentType: nil, reading: read)
    }

    func post(_ url: String, body: [UInt8], contentType: String, acceptingErrorStatus: Bool) async throws -> FetchedPage {
        try await perform(url: url, postBody: body, contentType: contentType, acceptingErrorStatus: acceptingErrorStatus) { $0 }
    }

    private func perform<T: Sendable>(
        url: String, postBody: [UInt8]?, contentType: String?, acceptingErrorStatus: Bool = false,
        reading read: @escaping @Sendable (FetchedPage) -> T
    ) async throws -> T {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            throw FetchError(url: url, reason: .unsupportedURL)
        }
        let host = LegacyURLKey(url).map(TargetResolver.host(of:)) ?? url
        let driver = drivers.driver(allowingPrivateAddresses: allowPrivateAddresses, background: background, site: host)
        let fetch = { @Sendable [self] in
            let transfer = try Transfer(url: url, postBody: postBody, contentType: contentType, fetcher: self)
            return try await withCheckedThrowingContinuation { continuation in
                driver.perform(transfer.easy) { code in
                    continuation.resume(with: Result {
                        read(try transfer.page(after: code, acceptingErrorStatus: acceptingErrorStatus))
                    })
                }
            }
        }
        guard let slots else { return try await fetch() }
        return try await slots.run(host: host, background: background, fetch)
    }

    /// The media type of a Content-Type value, lower-cased (`text/html` of `Text/HTML; charset=utf-8`).
    static func mediaType(inContentType value: String) -> String? {
        let type = value.prefix { $0 != ";" }.trimmingWhitespace().lowercased()
        return type.isEmpty ? nil : type
    }

    /// The `charset=` parameter of a Content-Type value.
    static func charset(inContentType value: String) -> String? {
        // Most values have no parameter at all (every trackback form of the load benchmark): one
        // byte scan says so, before any Character-wise splitting.
        guard value.utf8.contains(UInt8(ascii: ";")) else { return nil }
        for parameter in value.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingWhitespace().lowercased() == "charset" {
                return String(pair[1]).trimmingCharacters(in: " \"'")
            }
        }
        return nil
    }
}

/// One transfer: its easy handle, set up by the caller, and the state it shares with libcurl's C
/// callbacks. Used by one thread at a time (the caller's, then the driver's), and the easy handle
/// is cleaned up with it.
private final class Transfer: @unchecked Sendable {
    let easy: UnsafeMutableRawPointer
    let url: String
    let allowPrivate: Bool
    let maxBytes: Int
    var body: [UInt8] = []
    var refused = false
    var tooLarge = false
    /// The header fields of the latest response: a status line (the next redirect hop) starts over.
    var headers: [(name: String, value: String)] = []
    private var requestHeaders: UnsafeMutablePointer<curl_slist>?

    init(url: String, postBody: [UInt8]?, contentType: String?, fetcher: SourceFetcher) throws {
        guard let easy = CurlMultiDriver.makeEasyHandle() else {
            throw FetchError(url: url, reason: .transport("libcurl could not start"))
        }
        self.easy = easy
        self.url = url
        allowPrivate = fetcher.allowPrivateAddresses
        maxBytes = fetcher.maxBytes
        setOptions(postBody: postBody, contentType: contentType, userAgent: fetcher.userAgent, timeoutMilliseconds: fetcher.timeoutMilliseconds)
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(requestHeaders)
    }

    private func setOptions(postBody: [UInt8]?, contentType: String?, userAgent: String, timeoutMilliseconds: Int) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = ccurl_setopt_string(easy, CURLOPT_URL, url)
        _ = ccurl_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = ccurl_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = ccurl_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 1)
        _ = ccurl_setopt_long(easy, CURLOPT_MAXREDIRS, 5)
        _ = ccurl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, 5_000)
        _ = ccurl_setopt_long(easy, CURLOPT_TIMEOUT_MS, timeoutMilliseconds)
        _ = ccurl_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_setopt_long(easy, CURLOPT_MAXFILESIZE, maxBytes)
        // A proxy would be connected to instead of the vetted host: never use one from the environment.
        _ = ccurl_setopt_string(easy, CURLOPT_PROXY, "")
        _ = ccurl_setopt_string(easy, CURLOPT_USERAGENT, userAgent)
        _ = ccurl_setopt_pointer(easy, CURLOPT_OPENSOCKETDATA, context)
        _ = ccurl_setopt_opensocket_function(easy, { clientData, purpose, address in
            guard let clientData, let address, purpose == CURLSOCKTYPE_IPCXN else { return CURL_SOCKET_BAD }
            let transfer = Unmanaged<Transfer>.fromOpaque(clientData).takeUnretainedValue()
            if !transfer.allowPrivate, Transfer.isInternal(address) {
                transfer.refused = true
                return CURL_SOCKET_BAD
            }
            return socket(address.pointee.family, address.pointee.socktype, address.pointee.protocol)
        })
        _ = ccurl_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        _ = ccurl_setopt_write_function(easy, { data, size, count, clientData in
            guard let clientData else { return 0 }
            let transfer = Unmanaged<Transfer>.fromOpaque(clientData).takeUnretainedValue()
            let length = size * count
            guard transfer.body.count + length <= transfer.maxBytes else {
                transfer.tooLarge = true
                return 0
            }
            if let data, length > 0 {
                data.withMemoryRebound(to: UInt8.self, capacity: length) {
                    transfer.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
                }
            }
            return length
        })
        _ = ccurl_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
        _ = ccurl_setopt_header_function(easy, { data, size, count, clientData in
            guard let clientData else { return 0 }
            let length = size * count
            guard let data, length > 0 else { return length }
            let transfer = Unmanaged<Transfer>.fromOpaque(clientData).takeUnretainedValue()
            data.withMemoryRebound(to: UInt8.self, capacity: length) {
                transfer.receiveHeaderLine(UnsafeBufferPointer(start: $0, count: length))
            }
            return length
        })
        guard let postBody else { return }
        _ = ccurl_setopt_long(easy, CURLOPT_POST, 1)
        _ = ccurl_setopt_long(easy, CURLOPT_POSTFIELDSIZE, postBody.count)
        _ = ccurl_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)
        if let contentType { requestHeaders = curl_slist_append(requestHeaders, "Content-Type: \(contentType)") }
        requestHeaders = curl_slist_append(requestHeaders, "Expect:")
        _ = ccurl_setopt_pointer(easy, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(requestHeaders))
        var copy = postBody
        if !copy.isEmpty {
            // libcurl copies the body, so the buffer need not outlive this call.
            copy.withUnsafeMutableBytes { _ = ccurl_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) }
        }
    }

    /// The page the finished transfer fetched, given libcurl's result `code`; throws `FetchError`
    /// when there is none.
    func page(after code: CURLcode, acceptingErrorStatus: Bool) throws -> FetchedPage {
        if refused { throw FetchError(url: url, reason: .refusedAddress) }
        if tooLarge || code == CURLE_FILESIZE_EXCEEDED { throw FetchError(url: url, reason: .tooLarge) }
        guard code == CURLE_OK else {
            throw FetchError(url: url, reason: .transport(String(cString: curl_easy_strerror(code))))
        }
        var status = 0
        _ = ccurl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        guard status < 400 || acceptingErrorStatus else { throw FetchError(url: url, reason: .httpStatus(status)) }
        var effective: UnsafeMutablePointer<CChar>?
        _ = ccurl_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &effective)
        var contentTypeHeader: UnsafeMutablePointer<CChar>?
        _ = ccurl_getinfo_string(easy, CURLINFO_CONTENT_TYPE, &contentTypeHeader)
        let contentType = contentTypeHeader.map { String(cString: $0) }
        return FetchedPage(
            url: effective.map { String(cString: $0) } ?? url,
            status: status,
            charset: contentType.flatMap(SourceFetcher.charset(inContentType:)),
            mediaType: contentType.flatMap(SourceFetcher.mediaType(inContentType:)),
            headers: headers,
            body: body
        )
    }

    /// Records one header line as libcurl hands it over, line break included: a status line starts
    /// the next response (a redirect hop), any other is `name: value`. Only the name and the value
    /// become text; the line is split on its bytes.
    func receiveHeaderLine(_ line: UnsafeBufferPointer<UInt8>) {
        if line.starts(with: "HTTP/".utf8) {
            headers = []
            return
        }
        // Keeping the headers small keeps a hostile server from growing them past the body cap.
        guard headers.count < 200, let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = String(decoding: line[..<colon], as: UTF8.self).trimmingWhitespace()
        let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingWhitespace()
        if !name.isEmpty { headers.append((name, value)) }
    }

    static func isInternal(_ address: UnsafeMutablePointer<curl_sockaddr>) -> Bool {
        switch address.pointee.family {
        case AF_INET:
            return withUnsafeBytes(of: &address.pointee.addr) { raw in
                let v4 = raw.load(as: sockaddr_in.self)
                return InternalAddress.isInternal(ipv4: UInt32(bigEndian: v4.sin_addr.s_addr))
            }
        case AF_INET6:
            // struct sockaddr is shorter than sockaddr_in6: read through the real buffer libcurl owns.
            return UnsafeMutableRawPointer(address).advanced(by: MemoryLayout<curl_sockaddr>.offset(of: \.addr) ?? 0)
                .withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                    InternalAddress.isInternal(ipv6: withUnsafeBytes(of: v6.pointee.sin6_addr) { Array($0) })
                }
        default:
            return true
        }
    }
}
