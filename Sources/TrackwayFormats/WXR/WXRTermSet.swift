import TrackwayCore

/// The terms a WXR channel declares, one per (taxonomy, slug): WordPress repeats categories and
/// tags as `wp:term`, and the repeats are merged so nothing either declaration carries is lost.
struct WXRTermSet {
    private struct Key: Hashable {
        var taxonomy: String
        var slug: String
    }

    private var indexByKey: [Key: Int] = [:]
    private(set) var terms: [Term] = []

    /// Adds `term` or merges it into the one already declared; returns the resulting term and
    /// whether anything changed.
    mutating func merge(_ term: Term) -> (term: Term, changed: Bool) {
        let key = Key(taxonomy: term.taxonomy, slug: term.slug)
        guard let index = indexByKey[key] else {
            indexByKey[key] = terms.count
            terms.append(term)
            return (term, true)
        }
        var merged = terms[index]
        if merged.sourceID == nil { merged.sourceID = term.sourceID }
        if merged.name.isEmpty { merged.name = term.name }
        if merged.parentSlug.isEmpty { merged.parentSlug = term.parentSlug }
        if merged.description.isEmpty { merged.description = term.description }
        for entry in term.meta where !merged.meta.contains(entry) { merged.meta.append(entry) }
        let changed = merged != terms[index]
        terms[index] = merged
        return (merged, changed)
    }
}
