import HTTPTypes
import Hummingbird
import NIOCore

/// A rendered archive answer kept for reuse: the body bytes, the headers every answer carries,
/// and its validators. Serving one costs a dictionary look-up and a reference count.
struct CachedPage: Sendable {
    /// Headers of the full answer: type, length, validators, caching and security policy.
    let headers: HTTPFields
    let body: ByteBuffer
    /// A strong validator: the quoted XXH64 of the body, so the same bytes keep the same tag
    /// across renders and restarts.
    let etag: String
    /// Seconds since 1970 of `Last-Modified`; nil when none can be promised (see `ArchivePageCache`).
    let lastModified: Int?

    /// The page of `body`, with `headers` (type, policy, discovery) and the length and validators added.
    init(body: [UInt8], headers: HTTPFields, etag: String, lastModified: Int?) {
        var headers = headers
        headers[.contentLength] = String(body.count)
        headers[.eTag] = etag
        if let lastModified { headers[.lastModified] = HTTPDate.format(lastModified) }
        self.headers = headers
        self.body = ByteBuffer(bytes: body)
        self.etag = etag
        self.lastModified = lastModified
    }

    /// The answer to `request`: 304 when its validators match, else the page (no body for HEAD).
    func response(to request: Request) -> Response {
        if ConditionalRequest(request.headers).isSatisfied(etag: etag, lastModified: lastModified) {
            var fields = HTTPFields()
            for name in [HTTPField.Name.eTag, .lastModified, .cacheControl] {
                if let value = headers[name] { fields[name] = value }
            }
            return Response(status: .notModified, headers: fields)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: request.method == .head ? ByteBuffer() : body))
    }
}
