import Foundation

/// Where the tests find the repository and the shared fixtures: the repository's parent holds
/// `shared/`, on a developer's machine and in CI alike.
public enum TestPaths {
    /// The repository root, found from this source file (Tests/TrackwayTesting/TestPaths.swift).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/fixtures` beside the repository.
    public static let sharedFixtures: URL = repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures")
}
