extension FetchError {
    /// Fetches of one source a background check makes at most before it gives up.
    static let maxAttempts = 5

    /// How long a background check whose fetch failed with this error waits before it tries
    /// again, after `attempts` earlier failures: 60 s, doubling each time, while the failure may
    /// pass (`isTemporary`) and attempts are left; nil when it gives up.
    func retryDelaySeconds(afterAttempts attempts: Int) -> Int? {
        isTemporary && attempts + 1 < Self.maxAttempts ? 60 << attempts : nil
    }
}
