import TrackwayStore

extension ImportSummary {
    /// Posts, pages, attachments and other items seen so far, for progress.
    var itemsSeen: Int {
        posts.total + pages.total + attachments.total + otherItems.total
    }
}
