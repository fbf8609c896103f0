import TrackwayStore
import TrackwayTesting
@testable import TrackwayGateway

/// A `StorePingRepository` over `GatewayHarness`'s three posts, without a server; closed and removed
/// with its directory when released.
final class SeededStore {
    private let directory: TemporaryDirectory
    let store: StorePingRepository

    init() throws {
        directory = try TemporaryDirectory(prefix: "trackway-seeded")
        let path = directory.file("test.sqlite").path
        try GatewayHarness.seed(path)
        store = try StorePingRepository(path: path)
    }

    deinit {
        store.close()
    }
}
