extension Post {
    /// The source field in which a post read from a Movable Type backup keeps its `entry.id`:
    /// what the backup's later rows name the entry by, and what tells its post apart from
    /// another of the blog with the same basename.
    public static let movableTypeEntryIDKey = "ENTRY ID"

    /// The post's Movable Type `entry.id`, for a post read from a backup; nil otherwise.
    public var movableTypeEntryID: String? {
        sourceFields.first { $0.key == Self.movableTypeEntryIDKey }?.value
    }
}
