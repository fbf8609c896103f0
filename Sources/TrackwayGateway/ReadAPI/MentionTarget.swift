import TrackwayCore
import TrackwayStore

/// A post a request's `target` names, with the URL its mentions show as their target.
struct MentionTarget: Equatable {
    let post: PingTarget
    /// The target as the client wrote it (so a widget finds its own page URL in `wm-target`),
    /// or the post's permalink when the client gave no scheme.
    let url: String
}
