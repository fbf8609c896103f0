import TrackwayCore

extension WXRWriter {
    /// Categories as `wp:category`, tags as `wp:tag`, every other taxonomy as `wp:term` (nav
    /// menus last), each group with parents before children.
    ///
    /// Each term is written once. WordPress 6.1 repeats every category and tag as a `wp:term`
    /// when a site has no custom taxonomy (its `get_terms` call gets an empty taxonomy list and
    /// returns all terms); the importer skips the repeats, so they carry nothing.
    func writeTerms(_ terms: [Term]) throws {
        let categories = terms.filter { $0.taxonomy == "category" }
        let tags = terms.filter { $0.taxonomy == "post_tag" }
        let navMenus = terms.filter { $0.taxonomy == "nav_menu" }
        let others = terms.filter { !["category", "post_tag", "nav_menu"].contains($0.taxonomy) }
        for category in Self.parentsFirst(categories) {
            try writeCategory(category)
        }
        for tag in tags {
            try writeTag(tag)
        }
        for term in Self.parentsFirst(others) + navMenus {
            try writeTerm(term)
        }
        try newline(indent: 1)
        try newline(indent: 0)
    }

    /// `terms` in their order, except that a term whose parent is not yet placed moves to the
    /// back of the queue, as WordPress orders them. A parent missing from the list, or a cycle,
    /// leaves the remaining terms in their order rather than dropping them.
    static func parentsFirst(_ terms: [Term]) -> [Term] {
        let known = Set(terms.map { TermKey(taxonomy: $0.taxonomy, slug: $0.slug) })
        var placed = Set<TermKey>()
        var ordered: [Term] = []
        var queue = terms[...]
        var deferredInARow = 0
        while let term = queue.popFirst() {
            let parent = TermKey(taxonomy: term.taxonomy, slug: term.parentSlug)
            let parentPending = !term.parentSlug.isEmpty && known.contains(parent) && !placed.contains(parent)
            if parentPending && deferredInARow <= queue.count {
                queue.append(term)
                deferredInARow += 1
            } else {
                ordered.append(term)
                placed.insert(TermKey(taxonomy: term.taxonomy, slug: term.slug))
                deferredInARow = 0
            }
        }
        return ordered
    }

    private struct TermKey: Hashable {
        var taxonomy: String
        var slug: String
    }

    private func writeCategory(_ term: Term) throws {
        try startTerm("wp:category", id: term.sourceID)
        try field("wp:category_nicename", cdata: term.slug)
        try field("wp:category_parent", cdata: term.parentSlug)
        try optionalField("wp:cat_name", cdata: term.name)
        try optionalField("wp:category_description", cdata: term.description)
        try endTerm(term)
    }

    private func writeTag(_ term: Term) throws {
        try startTerm("wp:tag", id: term.sourceID)
        try field("wp:tag_slug", cdata: term.slug)
        try optionalField("wp:tag_name", cdata: term.name)
        try optionalField("wp:tag_description", cdata: term.description)
        try endTerm(term)
    }

    /// Nav menus have no `wp:term_parent`, as WordPress writes them.
    private func writeTerm(_ term: Term) throws {
        try startTerm("wp:term", id: term.sourceID)
        try field("wp:term_taxonomy", cdata: term.taxonomy)
        try field("wp:term_slug", cdata: term.slug)
        if term.taxonomy != "nav_menu" {
            try field("wp:term_parent", cdata: term.parentSlug)
        }
        try optionalField("wp:term_name", cdata: term.name)
        try optionalField("wp:term_description", cdata: term.description)
        try endTerm(term)
    }

    /// Opens a term block; `wp:term_id` only when the source had one (Movable Type has none).
    private func startTerm(_ name: String, id: Int?) throws {
        try newline(indent: 1)
        try xml.startElement(name)
        if let id {
            try newline(indent: 2)
            try xml.element("wp:term_id", text: String(id))
        }
    }

    private func endTerm(_ term: Term) throws {
        for entry in term.meta {
            try newline(indent: 2)
            try xml.startElement("wp:termmeta")
            try field("wp:meta_key", cdata: entry.key, indent: 3)
            try field("wp:meta_value", cdata: entry.value, indent: 3)
            try newline(indent: 2)
            try xml.endElement()
        }
        try newline(indent: 1)
        try xml.endElement()
    }

    private func field(_ name: String, cdata value: String, indent: Int = 2) throws {
        try newline(indent: indent)
        try xml.element(name, cdata: value)
    }

    /// WordPress leaves out a term's name and description when they are empty.
    private func optionalField(_ name: String, cdata value: String) throws {
        if !value.isEmpty {
            try field(name, cdata: value)
        }
    }
}
