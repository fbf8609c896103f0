import TrackwayCore
import TrackwayStore

/// The `/api/count` answer, webmention.io's: the total and the count of each type, pings as
/// `mention` and comments as `reply` (`{"count": 3, "type": {"mention": 2, "reply": 1}}`).
struct MentionCountAnswer: Encodable {
    let counts: MentionCounts

    func encode(to encoder: any Encoder) throws {
        var answer = encoder.container(keyedBy: JSONKey.self)
        try answer.encode(counts.total, forKey: "count")
        var types: [String: Int] = [:]
        for (kind, count) in counts.byKind where count > 0 {
            types[kind == .comment ? "reply" : "mention", default: 0] += count
        }
        try answer.encode(types, forKey: "type")
    }
}
