import Foundation
import HTTPTypes
import NIOCore

/// One read API answer before it becomes a response: kept whole by `ReadAPIAnswers`, so a kept
/// one is sent again without being computed.
struct ReadAPIAnswer: Sendable {
    let status: HTTPResponse.Status
    let body: ByteBuffer
    let contentType: String

    /// Webmention.io's output: JSON text, slashes unescaped; keys sorted, so the same answer is
    /// the same bytes.
    private static func encoded(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return try encoder.encode(value)
    }

    /// `value` as JSON, or, with a `jsonp` callback, as a call of it with the JSON
    /// (`/**/name({...});`, the comment so that no byte the client chose opens the answer).
    init(_ status: HTTPResponse.Status, _ value: some Encodable, callback: String?) throws {
        let json = try Self.encoded(value)
        self.status = status
        guard let callback else {
            body = ByteBuffer(bytes: json)
            contentType = "application/json; charset=UTF-8"
            return
        }
        var buffer = ByteBuffer()
        buffer.reserveCapacity(json.count + callback.utf8.count + 8)
        buffer.writeString("/**/" + callback + "(")
        buffer.writeBytes(json)
        buffer.writeString(");")
        body = buffer
        contentType = "application/javascript; charset=UTF-8"
    }
}
