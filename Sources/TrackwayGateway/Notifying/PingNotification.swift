import Foundation

/// The JSON body POSTed to `--notify-url` for each new ping.
struct PingNotification: Codable, Sendable {
    var event = "ping.received"
    var pingID: Int
    var kind: String
    var status: String
    var postID: Int
    var postTitle: String
    var postURL: String
    var sourceURL: String
    var sourceTitle: String
    var blogName: String
    var excerpt: String
    var clientAddress: String

    func json() -> String? {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) }
    }
}
