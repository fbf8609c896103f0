/// One Movable Type entry as written: its metadata lines and its sections, before any value is
/// interpreted.
struct MTEntry: Equatable {
    /// A `KEY: VALUE` line (metadata, or a comment/ping header).
    struct Field: Equatable {
        var key: String
        var value: String
        var line: Int
    }

    /// A multi-line section (`BODY:`, `COMMENT:`, …) with its header lines and text.
    struct Section: Equatable {
        /// The header without its colon (`BODY`, `EXTENDED BODY`, `COMMENT`, …).
        var name: String
        var line: Int
        /// `AUTHOR`, `EMAIL`, … for comments; `TITLE`, `BLOG NAME`, … for pings; empty otherwise.
        var headers: [Field] = []
        /// The text, trimmed of surrounding blank lines and spaces as Movable Type does.
        var text: String = ""
    }

    var line: Int
    var fields: [Field] = []
    var sections: [Section] = []
    /// Invalid UTF-8 sequences replaced inside this entry.
    var replacedCharacters = 0

    /// The first value of metadata `key`.
    func value(_ key: String) -> String? {
        fields.first(where: { $0.key == key })?.value
    }
}
