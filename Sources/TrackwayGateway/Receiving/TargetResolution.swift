import TrackwayStore

/// Where a URL naming a post led.
enum TargetResolution: Sendable, Equatable {
    case post(PingTarget)
    /// The URL's host is not one this server answers for.
    case notOurs
    /// Our host, but no post lives at that URL.
    case notFound
}

extension TargetResolution {
    /// The post, when it takes pings; else `notOurs`, `notFound`, or `closed` for a post that
    /// takes none (unpublished, or pings closed): each protocol answers these in its own words.
    func pingablePost<Refusal: Error>(notOurs: Refusal, notFound: Refusal, closed: Refusal) throws(Refusal) -> PingTarget {
        switch self {
        case .post(let post):
            guard post.acceptsPings else { throw closed }
            return post
        case .notOurs: throw notOurs
        case .notFound: throw notFound
        }
    }
}
