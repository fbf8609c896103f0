/// The identity a Movable Type backup gives each blog's site: `mt:` and the blog name as MT
/// dirifies it for its text export's file name (`Tea & Leaves` → `mt:tea_leaves`), so that
/// importing that export (`tea_leaves.txt`, site `mt:tea_leaves`) and the backup, in either
/// order, yields one site. A backup of several blogs imported with `--site-key acme` names them
/// `acme:tea_leaves`, `acme:coffee_notes`, … instead.
enum MTBackupSiteKey {
    /// The prefix of the keys of MT's sites, as the text export's reader names them.
    static let defaultPrefix = "mt"

    static func make(blogName: String, prefix: String = defaultPrefix) -> String {
        prefix + ":" + dirify(blogName)
    }

    /// MT's `dirify` with its default `_` separator: lower-cased, tags and entities removed,
    /// characters other than word characters, spaces and hyphens dropped, each run of spaces one `_`.
    static func dirify(_ name: String) -> String {
        var text = ""
        var inTag = false
        var entity: String?
        for character in name.lowercased() {
            if inTag {
                if character == ">" { inTag = false }
                continue
            }
            if var pending = entity {
                pending.append(character)
                if character == ";" {
                    entity = nil
                } else if character.isWhitespace {
                    // Not an entity after all: MT's pattern needs `&` then no space up to `;`.
                    text += pending
                    entity = nil
                } else {
                    entity = pending
                }
                continue
            }
            switch character {
            case "<": inTag = true
            case "&": entity = "&"
            default: text.append(character)
            }
        }
        if let pending = entity { text += pending }
        var result = ""
        var pendingSeparator = false
        for character in text {
            if character.isWhitespace {
                pendingSeparator = true
            } else if character.isLetter || character.isNumber || character == "_" || character == "-" {
                if pendingSeparator { result += "_" }
                pendingSeparator = false
                result.append(character)
            }
        }
        if pendingSeparator { result += "_" }
        return result
    }
}
