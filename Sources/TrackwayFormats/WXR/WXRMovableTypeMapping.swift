import TrackwayCore

/// How a Movable Type entry is said in WordPress's vocabulary on export.
///
/// - `EXTENDED BODY`, when it has text, follows `BODY` after `\n<!--more-->\n`, as WordPress's
///   own Movable Type importer joins them.
/// - Every other MT field with no WordPress column becomes post meta `mt_` + the key lowercased
///   with runs of other characters as `_`: `KEYWORDS` → `mt_keywords`, `CONVERT BREAKS` →
///   `mt_convert_breaks`, `UNIQUE URL` → `mt_unique_url`, `AUTHOR EMAIL` → `mt_author_email`.
/// - Statuses and comment/ping switches still in MT's words are translated (`Review` →
///   `pending`, `Unpublish` and `Spam` → `draft` so nothing is published or deleted by it;
///   `ALLOW COMMENTS` `1` → `open`, `0` and MT 3's `2` → `closed`).
enum WXRMovableTypeMapping {
    static let extendedBodyKey = "EXTENDED BODY"

    static func wordPressPost(from entry: Post) -> Post {
        var post = entry
        post.status = wordPressStatus(entry.status)
        post.commentStatus = openOrClosed(entry.commentStatus)
        post.pingStatus = openOrClosed(entry.pingStatus)
        for field in entry.sourceFields {
            if field.key == extendedBodyKey {
                if !field.value.trimmingWhitespace().isEmpty {
                    post.content += "\n<!--more-->\n" + field.value
                }
            } else {
                post.meta.append(MetaEntry(key: metaKey(forSourceKey: field.key), value: field.value))
            }
        }
        return post
    }

    /// `mt_` + the key lowercased, every run of characters other than ASCII letters and digits
    /// as one `_`.
    static func metaKey(forSourceKey key: String) -> String {
        var result = "mt_"
        var pendingSeparator = false
        for scalar in key.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingSeparator, !result.hasSuffix("_") { result += "_" }
                result.unicodeScalars.append(scalar)
                pendingSeparator = false
            } else {
                pendingSeparator = true
            }
        }
        return result
    }

    private static func wordPressStatus(_ status: String) -> String {
        switch status.lowercased() {
        case "review": return "pending"
        case "unpublish", "spam", "junk": return "draft"
        default: return status.lowercased()
        }
    }

    private static func openOrClosed(_ value: String) -> String {
        switch value.lowercased() {
        case "1", "open": return "open"
        case "0", "2", "", "closed": return "closed"
        default: return value
        }
    }
}
