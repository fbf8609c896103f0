import TrackwayStore

/// Picks the site a command works on: the only one, or the one `--site` names.
enum SiteChoice {
    /// Why no site could be chosen, with the list of sites to choose from.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func resolve(_ requested: Int?, in store: Store) throws -> Int {
        let sites = try store.sites()
        let listing = sites.map { "  \($0.id)  \($0.sourceKey)  \($0.title)" }.joined(separator: "\n")
        if let requested {
            guard sites.contains(where: { $0.id == requested }) else {
                throw Failure(description: "no site with id \(requested); the database holds:\n\(listing)")
            }
            return requested
        }
        switch sites.count {
        case 0: throw Failure(description: "the database holds no site (run trackway import first)")
        case 1: return sites[0].id
        default: throw Failure(description: "the database holds \(sites.count) sites; choose one with --site ID:\n\(listing)")
        }
    }
}
