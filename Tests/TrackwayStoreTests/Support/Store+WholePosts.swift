import TrackwayCore
import TrackwayStore

extension Store {
    /// Every post of the site in file order, each with its comments gathered in.
    func wholePosts(siteID: Int, includeReceived: Bool = false) throws -> [Post] {
        var posts: [Post] = []
        try forEachPost(siteID: siteID, includeReceived: includeReceived) { post, comments in
            var whole = post
            try comments.forEach { whole.comments.append($0) }
            posts.append(whole)
        }
        return posts
    }
}
