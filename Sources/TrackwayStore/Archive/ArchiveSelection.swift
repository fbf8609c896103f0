import Foundation

/// The SQL condition, common table expression and arguments of a listing's `ArchiveFilter`,
/// on `posts p`: the site's public posts (post type `post`) that the filter selects.
struct ArchiveSelection {
    /// `WITH …` to put before the SELECT, or empty.
    var with = ""
    var condition: String
    var arguments: [any SQLBindable]

    /// At most this many words of a search are matched one by one (WordPress's limit); a longer
    /// search is matched as one phrase.
    static let maxSearchWords = 9

    init(site: Int, filter: ArchiveFilter, on database: Database) {
        condition = "p.site_id = ? AND p.post_type = 'post' AND p.status = 'publish'"
        arguments = [site]
        switch filter {
        case .all:
            break
        case .term(let taxonomy, let slug):
            // The term and, for a hierarchy, its descendants (a category archive lists its children's posts).
            with = """
                WITH RECURSIVE wanted(slug, depth) AS (
                    SELECT \(database.textParameter), 0
                    UNION
                    SELECT t.slug, w.depth + 1 FROM wanted w JOIN terms t ON t.site_id = ? AND t.taxonomy = ? AND t.parent_slug = w.slug
                    WHERE w.depth < 16
                )

                """
            condition += " AND EXISTS (SELECT 1 FROM post_terms t WHERE t.post_id = p.id AND t.taxonomy = ? AND t.slug IN (SELECT slug FROM wanted))"
            arguments = [slug, site, taxonomy, site, taxonomy]
        case .author(let login):
            condition += " AND (p.creator = ? OR \(Self.nicename("p.creator")) = ?)"
            arguments += [login, login]
        case .month(let year, let month):
            condition += " AND p.post_date >= ? AND p.post_date < ?"
            let next = month == 12 ? (year + 1, 1) : (year, month + 1)
            arguments += [Self.monthStart(year, month), Self.monthStart(next.0, next.1)]
        case .search(let text):
            let words = Self.searchWords(text)
            // As WordPress for visitors: a password-protected post is never found by its text.
            if !words.isEmpty { condition += " AND p.password = ''" }
            for word in words {
                condition += " AND (lower(p.title) LIKE lower(?) ESCAPE '\\' OR lower(p.excerpt) LIKE lower(?) ESCAPE '\\' OR lower(p.content) LIKE lower(?) ESCAPE '\\')"
                let pattern = "%" + Self.likeEscaped(word) + "%"
                arguments += [pattern, pattern, pattern]
            }
        }
    }

    /// WordPress's author nicename of a login column: lower case, spaces as `-`.
    static func nicename(_ column: String) -> String {
        "lower(replace(\(column), ' ', '-'))"
    }

    /// The words of a search: split at white space, quotes kept together as a phrase (as
    /// WordPress's `parse_search`); the whole text when there are more than `maxSearchWords`.
    static func searchWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" {
                quoted.toggle()
            } else if character.isWhitespace, !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        if words.count > maxSearchWords {
            let phrase = text.trimmingCharacters(in: .whitespaces)
            return phrase.isEmpty ? [] : [phrase]
        }
        return words
    }

    private static func likeEscaped(_ word: String) -> String {
        var escaped = ""
        for character in word {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    private static func monthStart(_ year: Int, _ month: Int) -> String {
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + (month < 10 ? "-0" : "-") + String(month) + "-01"
    }
}
