extension Site {
    /// How a site imported from a Movable Type backup names its generator (followed by the
    /// backup's schema version): MT's text export of the same blog then leaves the site as the
    /// backup has it, and an export keeps its spam, which only the backup held.
    public static let movableTypeBackupGenerator = "Movable Type backup"

    /// True for a site a Movable Type backup was imported into.
    public var isFromMovableTypeBackup: Bool {
        format == .movableType && generator.hasPrefix(Self.movableTypeBackupGenerator)
    }
}
