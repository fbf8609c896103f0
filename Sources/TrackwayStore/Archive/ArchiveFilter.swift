/// Which public posts a listing shows, newest first.
public enum ArchiveFilter: Sendable, Equatable, Hashable {
    /// Every post (the home page).
    case all
    /// Posts with the term `slug` of `taxonomy`; for a category, its child categories' posts too,
    /// as WordPress's category archive.
    case term(taxonomy: String, slug: String)
    /// Posts by the author with this login (or its WordPress nicename: lower case, spaces as `-`).
    case author(String)
    /// Posts dated (local time) in this month; `month` 1 to 12.
    case month(year: Int, month: Int)
    /// Posts whose title, excerpt or content holds every word of the text (WordPress's `?s=`).
    case search(String)
}
